/**
 * Small-cell protection by atoms (decision 0021).
 *
 * The leaves (counts of the finest cells: a month in one commune, or one category inside an atom of
 * the level above) are grouped into disjoint atoms. A region (a period and area, a set of categories)
 * is published exactly only if it is a union of valid atoms; every other region is suppressed. Every
 * exact number is then a sum of atom counts, and so is every difference or sum of published numbers:
 * whatever a reader combines, a group of records they can count is a union of atoms, and an atom holds
 * 0 or at least 5 records.
 *
 * A reader also knows that a suppressed leaf is at least 1 (zero leaves are their own atoms, always
 * published). An atom of k non-zero leaves and N records leaves each leaf anywhere in [1, N - k + 1];
 * requiring N >= k + 3 keeps every suppressed leaf's whole 1..4 range possible, so no leaf is pinned.
 */

/** The smallest count published as a number. */
export const MIN_PUBLISHED_COUNT = 5;

export interface AtomLeaf {
  readonly id: string;
  readonly count: number;
}

/** A set of leaves someone may ask about, and how much it matters to keep it publishable. */
export interface AtomRegion {
  readonly leaves: readonly string[];
  readonly weight: number;
}

export interface Atom {
  readonly leaves: readonly string[];
  readonly count: number;
  readonly valid: boolean;
}

export interface AtomPartition {
  readonly atoms: readonly Atom[];
  /** Leaf id → index in `atoms`. */
  readonly atomOf: ReadonlyMap<string, number>;
}

/** 0 records; or one leaf of 5 or more; or at least 5 records and 3 more than its non-zero leaves. */
export function isValidAtom(count: number, nonZeroLeaves: number): boolean {
  if (count === 0) return true;
  if (nonZeroLeaves === 1) return count >= MIN_PUBLISHED_COUNT;
  return count >= MIN_PUBLISHED_COUNT && count >= nonZeroLeaves + 3;
}

function assertCount(id: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`The count of ${id} is not a whole number from 0.`);
  }
}

interface Working {
  leaves: string[];
  count: number;
  nonZero: number;
  regions: Set<number>;
  minLeaf: string;
  alive: boolean;
}

/**
 * Groups leaves into atoms, greedily: while an atom is not valid, merge it with the atom that costs
 * the least weight of regions that stop being unions (ties: another small atom before a valid one,
 * the merge that makes a valid atom, the smaller partner, then leaf ids, so the result is
 * deterministic). An atom that cannot become
 * valid (there is nothing left to merge with) stays invalid, and no region containing it is published.
 */
export function partitionIntoAtoms(
  leaves: readonly AtomLeaf[],
  regions: readonly AtomRegion[],
): AtomPartition {
  const ids = new Set<string>();
  for (const leaf of leaves) {
    assertCount(leaf.id, leaf.count);
    if (ids.has(leaf.id)) throw new RangeError(`Leaf ${leaf.id} is listed twice.`);
    ids.add(leaf.id);
  }
  const regionsOfLeaf = new Map<string, number[]>();
  regions.forEach((region, index) => {
    for (const leaf of region.leaves) {
      const list = regionsOfLeaf.get(leaf);
      if (list) list.push(index);
      else regionsOfLeaf.set(leaf, [index]);
    }
  });
  const isUnion = regions.map(() => true);

  const working: Working[] = [...leaves]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((leaf) => ({
      leaves: [leaf.id],
      count: leaf.count,
      nonZero: leaf.count > 0 ? 1 : 0,
      regions: new Set(regionsOfLeaf.get(leaf.id) ?? []),
      minLeaf: leaf.id,
      alive: true,
    }));
  const stuck = new Set<Working>();

  // The cost of a merge is the weight of union regions touched by exactly one of the two atoms:
  // lossOf(x) + lossOf(y) - 2 * (weight of union regions both touch). `held` caches lossOf per atom,
  // and `members` lists the live atoms touching each region, so a step costs the atoms near x only.
  const members = regions.map(() => new Set<Working>());
  for (const a of working) for (const r of a.regions) members[r].add(a);
  const held = new Map<Working, number>();
  for (const a of working) {
    let sum = 0;
    for (const r of a.regions) if (isUnion[r]) sum += regions[r].weight;
    held.set(a, sum);
  }
  const breakUnion = (r: number) => {
    if (!isUnion[r]) return;
    isUnion[r] = false;
    for (const a of members[r]) held.set(a, (held.get(a) ?? 0) - regions[r].weight);
  };

  const needsMerge = (a: Working) =>
    a.alive && a.count > 0 && !stuck.has(a) && !isValidAtom(a.count, a.nonZero);

  for (;;) {
    let x: Working | null = null;
    for (const a of working) {
      if (!needsMerge(a)) continue;
      if (x === null || a.count < x.count || (a.count === x.count && a.minLeaf < x.minLeaf)) x = a;
    }
    if (x === null) break;

    const shared = new Map<Working, number>();
    for (const r of x.regions) {
      if (!isUnion[r]) continue;
      for (const y of members[r]) shared.set(y, (shared.get(y) ?? 0) + regions[r].weight);
    }
    const xHeld = held.get(x) ?? 0;
    let best: Working | null = null;
    let bestRank: Rank | null = null;
    for (const y of working) {
      if (y === x || !y.alive || y.count === 0) continue;
      const loss = xHeld + (held.get(y) ?? 0) - 2 * (shared.get(y) ?? 0);
      // At equal cost, pool with another small atom before giving up a publishable one.
      const partnerValid = isValidAtom(y.count, y.nonZero) ? 1 : 0;
      const mergedInvalid = isValidAtom(x.count + y.count, x.nonZero + y.nonZero) ? 0 : 1;
      const rank: Rank = [loss, partnerValid, mergedInvalid, y.count, y.minLeaf];
      if (bestRank === null || compareRank(rank, bestRank) < 0) {
        best = y;
        bestRank = rank;
      }
    }
    if (best === null) {
      stuck.add(x);
      continue;
    }
    const partner: Working = best;
    for (const r of x.regions) if (!partner.regions.has(r)) breakUnion(r);
    for (const r of partner.regions) if (!x.regions.has(r)) breakUnion(r);
    for (const r of partner.regions) {
      members[r].delete(partner);
      members[r].add(x);
      x.regions.add(r);
    }
    x.leaves.push(...partner.leaves);
    x.count += partner.count;
    x.nonZero += partner.nonZero;
    if (partner.minLeaf < x.minLeaf) x.minLeaf = partner.minLeaf;
    partner.alive = false;
    let sum = 0;
    for (const r of x.regions) if (isUnion[r]) sum += regions[r].weight;
    held.set(x, sum);
  }

  const atoms: Atom[] = [];
  const atomOf = new Map<string, number>();
  for (const a of working) {
    if (!a.alive) continue;
    const index = atoms.length;
    atoms.push({
      leaves: [...a.leaves].sort(),
      count: a.count,
      valid: isValidAtom(a.count, a.nonZero),
    });
    for (const leaf of a.leaves) atomOf.set(leaf, index);
  }
  return { atoms, atomOf };
}

/** Cost, partner already valid, merge still invalid, partner's count, partner's first leaf. */
type Rank = [number, number, number, number, string];

function compareRank(a: Readonly<Rank>, b: Readonly<Rank>): number {
  for (let i = 0; i < 4; i += 1) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : 0;
}

/**
 * May this set of leaves be published exactly? Only if it is a union of valid atoms: every atom
 * that holds one of its leaves lies wholly inside it. Leaves the partition never saw count as 0.
 */
export function isPublishableRegion(partition: AtomPartition, leaves: Iterable<string>): boolean {
  const inside = new Set(leaves);
  const seen = new Set<number>();
  for (const leaf of inside) {
    const index = partition.atomOf.get(leaf);
    if (index === undefined || seen.has(index)) continue;
    seen.add(index);
    const atom = partition.atoms[index];
    if (!atom.valid) return false;
    for (const other of atom.leaves) if (!inside.has(other)) return false;
  }
  return true;
}

/** The atoms a set of leaves touches. */
export function atomsTouching(partition: AtomPartition, leaves: Iterable<string>): Set<number> {
  const touched = new Set<number>();
  for (const leaf of leaves) {
    const index = partition.atomOf.get(leaf);
    if (index !== undefined) touched.add(index);
  }
  return touched;
}
