import type { AdditiveRelation, PublishedCount } from './suppression';

/**
 * The reader as an attacker: given everything published over a lattice and the relations between
 * its numbers, which values can a suppressed number still take, consistent with all published numbers
 * at once? Exact search (bounds propagation, then backtracking) for tests and audits of small
 * lattices. `lowerBound` says what the reader knows of a suppressed number without any arithmetic
 * (1 for a month-and-commune total, since zero ones are always published; otherwise 0).
 *
 * Returns, for each suppressed key asked about, the values from 0 to `maxCount` it may still take.
 */
export function feasibleValues(
  published: ReadonlyMap<string, PublishedCount>,
  relations: readonly AdditiveRelation[],
  ask: readonly string[],
  options: { lowerBound?: (key: string) => number; maxCount?: number; upTo?: number } = {},
): Map<string, number[]> {
  const maxCount = options.maxCount ?? 200;
  const upTo = options.upTo ?? 8;
  const lowerBound = options.lowerBound ?? (() => 0);
  const unknowns = [...published].filter(([, p]) => p.kind !== 'count').map(([k]) => k);
  const index = new Map(unknowns.map((k, i) => [k, i]));
  const equations = relations
    .map((r) => {
      const terms: [number, number][] = [];
      let constant = 0;
      const add = (coef: number, key: string) => {
        const p = published.get(key);
        if (p === undefined) return;
        if (p.kind === 'count') constant -= coef * p.value;
        else terms.push([coef, index.get(key) as number]);
      };
      add(1, r.total);
      for (const part of new Set(r.parts)) add(-1, part);
      return { terms, constant };
    })
    .filter((e) => e.terms.length > 0);
  const initial = unknowns.map((k): [number, number] => [lowerBound(k), maxCount]);

  const propagate = (domains: [number, number][]): [number, number][] | null => {
    const d = domains.map((x) => [...x] as [number, number]);
    let changed = true;
    while (changed) {
      changed = false;
      for (const { terms, constant } of equations) {
        for (const [coef, i] of terms) {
          let low = 0;
          let high = 0;
          for (const [c, j] of terms) {
            if (j === i) continue;
            const [a, b] = d[j];
            if (c > 0) {
              low += a;
              high += b;
            } else {
              low -= b;
              high -= a;
            }
          }
          // coef * x_i = constant - rest
          const lo = Math.max(coef > 0 ? constant - high : low - constant, d[i][0]);
          const hi = Math.min(coef > 0 ? constant - low : high - constant, d[i][1]);
          if (lo > hi) return null;
          if (lo !== d[i][0] || hi !== d[i][1]) {
            d[i] = [lo, hi];
            changed = true;
          }
        }
      }
    }
    return d;
  };

  const satisfiable = (domains: [number, number][]): boolean => {
    const d = propagate(domains);
    if (d === null) return false;
    let pick = -1;
    for (let i = 0; i < d.length; i += 1) {
      if (d[i][0] === d[i][1]) continue;
      if (pick === -1 || d[i][1] - d[i][0] < d[pick][1] - d[pick][0]) pick = i;
    }
    if (pick === -1) {
      return equations.every(
        ({ terms, constant }) => terms.reduce((s, [c, j]) => s + c * d[j][0], 0) === constant,
      );
    }
    for (let v = d[pick][0]; v <= d[pick][1]; v += 1) {
      const next = d.map((x) => [...x] as [number, number]);
      next[pick] = [v, v];
      if (satisfiable(next)) return true;
    }
    return false;
  };

  const result = new Map<string, number[]>();
  for (const key of ask) {
    const i = index.get(key);
    if (i === undefined) continue;
    const values: number[] = [];
    for (let v = initial[i][0]; v <= upTo; v += 1) {
      const d = initial.map((x) => [...x] as [number, number]);
      d[i] = [v, v];
      if (satisfiable(d)) values.push(v);
    }
    result.set(key, values);
  }
  return result;
}
