import type { AtomPartition, AtomRegion } from './atoms';
import { isPublishableRegion, partitionIntoAtoms } from './atoms';
import type { AdditiveRelation, PublishedCount } from './suppression';
import { SUPPRESSED } from './suppression';

/**
 * The fixed lattice every published number comes from (decision 0021): for one calendar year and one
 * scope (a centre, or the centres reporting to a province), counts by month and by area, rolled up
 * into quarters, halves and the year, and into the scope. A period is one of these nodes and an area
 * is the scope or one of its areas; nothing else is ever counted, so no two questions overlap except
 * along this lattice, and the atoms are built over the whole lattice at once.
 */

export const PERIOD_NODES = [
  'Y',
  'H1',
  'H2',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'M01',
  'M02',
  'M03',
  'M04',
  'M05',
  'M06',
  'M07',
  'M08',
  'M09',
  'M10',
  'M11',
  'M12',
] as const;
export type PeriodNode = (typeof PERIOD_NODES)[number];

export const monthNode = (month: number): PeriodNode =>
  `M${String(month).padStart(2, '0')}` as PeriodNode;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The months (1..12) a period node covers. */
export function monthsOfPeriod(node: PeriodNode): number[] {
  if (node === 'Y') return range(1, 12);
  if (node === 'H1') return range(1, 6);
  if (node === 'H2') return range(7, 12);
  if (node.startsWith('Q')) {
    const q = Number(node.slice(1));
    return range(q * 3 - 2, q * 3);
  }
  return [Number(node.slice(1))];
}

/** The scope itself, as an area key. */
export const SCOPE_AREA = 'all';
/** Records without a commune, or with one outside the scope's province. */
export const UNKNOWN_AREA = 'unknown';
/** The cell of a population's total; other cells are `<dimension>=<category>`. */
export const TOTAL_CELL = '*';

/**
 * A dimension: one category per record. A cross-tabulation of two dimensions has categories
 * `<row>×<column>`, and its two dimensions are its margins (they get no rows of their own).
 */
export interface LatticeDimension {
  readonly id: string;
  readonly categories: readonly string[];
  readonly crossOf?: readonly [string, string];
}

export const cellOf = (dimension: string, category: string): string => `${dimension}=${category}`;
export const crossCategory = (row: string, column: string): string => `${row}×${column}`;

/** One counted leaf: a month (1..12), an area of the scope, a cell, and its count. */
export interface LatticeRow {
  readonly month: number;
  readonly area: string;
  readonly cell: string;
  readonly count: number;
}

const blockOf = (month: number, area: string) => `${String(month).padStart(2, '0')}|${area}`;

/** How much keeping a period and area publishable matters when atoms are formed. */
function regionWeight(period: PeriodNode, area: string): number {
  const level = period === 'Y' ? 0 : period.startsWith('H') ? 1 : period.startsWith('Q') ? 2 : 3;
  return area === SCOPE_AREA ? [64, 32, 24, 16][level] : [8, 4, 3, 1][level];
}

/**
 * How much keeping a cell of a dimension publishable matters: a cross-tab's column margin (sex, which
 * every report must disaggregate by) most, then its row margin, then single cells.
 */
function categoryWeight(dimension: LatticeDimension, cell: string): number {
  const of = cell.slice(0, cell.indexOf('='));
  if (dimension.crossOf && of === dimension.crossOf[1]) return 5;
  if (dimension.crossOf && of === dimension.crossOf[0]) return 3;
  return 1;
}

/** Where a published cell's categories come from: its own dimension, or a cross-tab it is a margin of. */
interface CellSource {
  readonly dimension: string;
  readonly categories: readonly string[];
}

export interface ProtectedLattice {
  readonly areas: readonly string[];
  readonly dimensions: readonly LatticeDimension[];
  readonly blockCounts: ReadonlyMap<string, number>;
  /** `<block>|<dimension>=<category>` → count, for base dimensions (not margins). */
  readonly cellCounts: ReadonlyMap<string, number>;
  readonly blocks: AtomPartition;
  /**
   * Block atom → its part: the non-zero atoms of one month (and of any month an atom shares with it)
   * form one part; a zero atom is a part of its own. Categories are grouped per part.
   */
  readonly partOf: readonly number[];
  /** Part → the blocks it covers. */
  readonly partBlocks: ReadonlyMap<number, readonly string[]>;
  /** `<part>|<dimension>` → the partition of that dimension's categories inside the part. */
  readonly groups: ReadonlyMap<string, AtomPartition>;
  readonly sources: ReadonlyMap<string, CellSource>;
}

/** Which cells a set of dimensions publishes, and the base categories behind each. */
function cellSources(dimensions: readonly LatticeDimension[]): Map<string, CellSource> {
  const byId = new Map(dimensions.map((d) => [d.id, d]));
  const margins = new Set(dimensions.flatMap((d) => d.crossOf ?? []));
  const sources = new Map<string, CellSource>();
  for (const d of dimensions) {
    if (!margins.has(d.id)) {
      for (const c of d.categories)
        sources.set(cellOf(d.id, c), { dimension: d.id, categories: [c] });
    }
    if (d.crossOf) {
      const [rowId, columnId] = d.crossOf;
      const rows = byId.get(rowId);
      const columns = byId.get(columnId);
      if (!rows || !columns) throw new Error(`Cross-tab ${d.id} names an unknown dimension.`);
      for (const r of rows.categories) {
        sources.set(cellOf(rowId, r), {
          dimension: d.id,
          categories: columns.categories.map((c) => crossCategory(r, c)),
        });
      }
      for (const c of columns.categories) {
        sources.set(cellOf(columnId, c), {
          dimension: d.id,
          categories: rows.categories.map((r) => crossCategory(r, c)),
        });
      }
    }
  }
  return sources;
}

/**
 * Forms the atoms of one scope and year: first over months × areas (the totals), then, inside each
 * of those atoms, over each dimension's categories.
 */
export function protectLattice(
  dimensions: readonly LatticeDimension[],
  areas: readonly string[],
  rows: readonly LatticeRow[],
): ProtectedLattice {
  const sources = cellSources(dimensions);
  const base = new Map(dimensions.map((d) => [d.id, d]));
  const allAreas = new Set(areas.filter((a) => a !== SCOPE_AREA));
  const blockCounts = new Map<string, number>();
  const cellCounts = new Map<string, number>();
  for (const row of rows) {
    if (!Number.isInteger(row.month) || row.month < 1 || row.month > 12) {
      throw new RangeError('A lattice row has a month outside 1..12.');
    }
    if (!Number.isInteger(row.count) || row.count < 0) {
      throw new RangeError('A lattice row has a count that is not a whole number from 0.');
    }
    if (row.area === SCOPE_AREA)
      throw new RangeError('Rows are counted by area, not for the scope.');
    allAreas.add(row.area);
    const block = blockOf(row.month, row.area);
    if (row.cell === TOTAL_CELL) {
      blockCounts.set(block, (blockCounts.get(block) ?? 0) + row.count);
      continue;
    }
    const [dimension, category] = row.cell.split('=');
    const source = sources.get(row.cell);
    const own = base.get(dimension);
    if (!own || !own.categories.includes(category) || !source || source.dimension !== dimension) {
      throw new RangeError(`Rows may not count cell ${row.cell}.`);
    }
    const key = `${block}|${row.cell}`;
    cellCounts.set(key, (cellCounts.get(key) ?? 0) + row.count);
  }
  const areaList = [...allAreas].sort();

  const leaves = areaList.flatMap((area) =>
    range(1, 12).map((month) => ({
      id: blockOf(month, area),
      count: blockCounts.get(blockOf(month, area)) ?? 0,
    })),
  );
  const regions: AtomRegion[] = [];
  for (const period of PERIOD_NODES) {
    const months = monthsOfPeriod(period);
    regions.push({
      leaves: areaList.flatMap((a) => months.map((m) => blockOf(m, a))),
      weight: regionWeight(period, SCOPE_AREA),
    });
    for (const area of areaList) {
      regions.push({
        leaves: months.map((m) => blockOf(m, area)),
        weight: regionWeight(period, area),
      });
    }
  }
  const blocks = partitionIntoAtoms(leaves, regions);

  const { partOf, partBlocks } = monthParts(blocks);
  const groups = new Map<string, AtomPartition>();
  const baseDimensions = dimensions.filter((d) =>
    [...sources.values()].some((s) => s.dimension === d.id),
  );
  for (const [part, partLeaves] of partBlocks) {
    for (const d of baseDimensions) {
      const categoryLeaves = d.categories.map((c) => ({
        id: c,
        count: partLeaves.reduce(
          (sum, block) => sum + (cellCounts.get(`${block}|${cellOf(d.id, c)}`) ?? 0),
          0,
        ),
      }));
      const categoryRegions: AtomRegion[] = [];
      for (const [cell, source] of sources) {
        if (source.dimension !== d.id) continue;
        categoryRegions.push({ leaves: source.categories, weight: categoryWeight(d, cell) });
      }
      groups.set(`${part}|${d.id}`, partitionIntoAtoms(categoryLeaves, categoryRegions));
    }
  }

  return {
    areas: areaList,
    dimensions,
    blockCounts,
    cellCounts,
    blocks,
    partOf,
    partBlocks,
    groups,
    sources,
  };
}

/**
 * Parts: unions of block atoms, one per month of the scope (months an atom spans are joined). A
 * dimension's table is published for a period and area only where the area covers whole parts, so
 * categories are counted over a whole month of the scope, where they are rarely small; a commune
 * shows its totals, and its tables only when it alone had records that month. Because every part is
 * a union of block atoms, the proof of decision 0021 holds with parts in place of atoms.
 */
function monthParts(blocks: AtomPartition): {
  partOf: number[];
  partBlocks: Map<number, string[]>;
} {
  const parent = blocks.atoms.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const firstOfMonth = new Map<string, number>();
  blocks.atoms.forEach((atom, index) => {
    if (atom.count === 0) return;
    for (const block of atom.leaves) {
      const month = block.slice(0, 2);
      const first = firstOfMonth.get(month);
      if (first === undefined) firstOfMonth.set(month, index);
      else parent[find(index)] = find(first);
    }
  });
  const partOf = blocks.atoms.map((_, i) => find(i));
  const partBlocks = new Map<number, string[]>();
  blocks.atoms.forEach((atom, index) => {
    const list = partBlocks.get(partOf[index]) ?? [];
    list.push(...atom.leaves);
    partBlocks.set(partOf[index], list);
  });
  return { partOf, partBlocks };
}

function blocksOf(lattice: ProtectedLattice, period: PeriodNode, area: string): string[] {
  const areas = area === SCOPE_AREA ? lattice.areas : [area];
  return areas.flatMap((a) => monthsOfPeriod(period).map((m) => blockOf(m, a)));
}

/**
 * The one published value of a cell for a period and area of the lattice: exact when the cell is a
 * union of valid atoms, suppressed otherwise. An area the lattice has never seen counts 0.
 */
export function publishedCell(
  lattice: ProtectedLattice,
  period: PeriodNode,
  area: string,
  cell: string,
): PublishedCount {
  const blocks = blocksOf(lattice, period, area);
  if (!isPublishableRegion(lattice.blocks, blocks)) return SUPPRESSED;
  if (cell === TOTAL_CELL) {
    return {
      kind: 'count',
      value: blocks.reduce((s, b) => s + (lattice.blockCounts.get(b) ?? 0), 0),
    };
  }
  const source = lattice.sources.get(cell);
  if (!source) throw new RangeError(`The lattice publishes no cell ${cell}.`);
  const inside = new Set(blocks);
  const parts = new Set<number>();
  for (const b of blocks) {
    const index = lattice.blocks.atomOf.get(b);
    if (index !== undefined) parts.add(lattice.partOf[index]);
  }
  for (const part of parts) {
    // The area must cover the whole part, and the categories must be whole groups in it.
    if ((lattice.partBlocks.get(part) ?? []).some((b) => !inside.has(b))) return SUPPRESSED;
    const partition = lattice.groups.get(`${part}|${source.dimension}`);
    if (partition && !isPublishableRegion(partition, source.categories)) return SUPPRESSED;
  }
  let value = 0;
  for (const b of blocks) {
    for (const c of source.categories) {
      value += lattice.cellCounts.get(`${b}|${cellOf(source.dimension, c)}`) ?? 0;
    }
  }
  return { kind: 'count', value };
}

/** Every cell a lattice publishes (the total first), in a stable order. */
export function publishedCells(lattice: ProtectedLattice): string[] {
  return [TOTAL_CELL, ...lattice.sources.keys()];
}

/** The key of one published number: period, area and cell. */
export const latticeKey = (period: PeriodNode, area: string, cell: string): string =>
  `${period}|${area}|${cell}`;

/** Every number of the lattice as published, keyed by `latticeKey` (for audits and tests). */
export function publishAll(lattice: ProtectedLattice): Map<string, PublishedCount> {
  const out = new Map<string, PublishedCount>();
  for (const period of PERIOD_NODES)
    for (const area of [SCOPE_AREA, ...lattice.areas])
      for (const cell of publishedCells(lattice))
        out.set(latticeKey(period, area, cell), publishedCell(lattice, period, area, cell));
  return out;
}

/** The true value behind a published key (for tests: never publish this). */
export function trueValue(
  lattice: ProtectedLattice,
  period: PeriodNode,
  area: string,
  cell: string,
): number {
  const blocks = blocksOf(lattice, period, area);
  if (cell === TOTAL_CELL) return blocks.reduce((s, b) => s + (lattice.blockCounts.get(b) ?? 0), 0);
  const source = lattice.sources.get(cell) as CellSource;
  let value = 0;
  for (const b of blocks)
    for (const c of source.categories)
      value += lattice.cellCounts.get(`${b}|${cellOf(source.dimension, c)}`) ?? 0;
  return value;
}

/**
 * Every linear relation a reader knows between the lattice's numbers: periods and areas add up, a
 * dimension's categories add up to the total, a cross-tab's cells add up to its margins.
 */
export function latticeRelations(lattice: ProtectedLattice): AdditiveRelation[] {
  const relations: AdditiveRelation[] = [];
  const cells = publishedCells(lattice);
  const areaKeys = [SCOPE_AREA, ...lattice.areas];
  const periodParents: [PeriodNode, PeriodNode[]][] = [
    ['Y', ['H1', 'H2']],
    ['Y', ['Q1', 'Q2', 'Q3', 'Q4']],
    ['H1', ['Q1', 'Q2']],
    ['H2', ['Q3', 'Q4']],
    ...(['Q1', 'Q2', 'Q3', 'Q4'] as const).map((q): [PeriodNode, PeriodNode[]] => [
      q,
      monthsOfPeriod(q).map(monthNode),
    ]),
  ];
  for (const cell of cells) {
    for (const area of areaKeys)
      for (const [total, parts] of periodParents)
        relations.push({
          total: latticeKey(total, area, cell),
          parts: parts.map((p) => latticeKey(p, area, cell)),
        });
    for (const period of PERIOD_NODES)
      relations.push({
        total: latticeKey(period, SCOPE_AREA, cell),
        parts: lattice.areas.map((a) => latticeKey(period, a, cell)),
      });
  }
  const byDimension = new Map<string, string[]>();
  for (const [cell, source] of lattice.sources) {
    if (source.categories.length !== 1) continue;
    const list = byDimension.get(source.dimension) ?? [];
    list.push(cell);
    byDimension.set(source.dimension, list);
  }
  const margins = [...lattice.sources].filter(([, s]) => s.categories.length > 1);
  for (const period of PERIOD_NODES)
    for (const area of areaKeys) {
      for (const [, parts] of byDimension)
        relations.push({
          total: latticeKey(period, area, TOTAL_CELL),
          parts: parts.map((p) => latticeKey(period, area, p)),
        });
      for (const [cell, source] of margins)
        relations.push({
          total: latticeKey(period, area, cell),
          parts: source.categories.map((c) =>
            latticeKey(period, area, cellOf(source.dimension, c)),
          ),
        });
    }
  return relations;
}

/**
 * The rows of several disjoint sets of records as one: counts of the same month, area and cell added
 * (each agency's year is counted on its own and a scope is the sum of its agencies). Zero counts are
 * dropped, as a count query would never produce them.
 */
export function addLatticeRows(lists: readonly (readonly LatticeRow[])[]): LatticeRow[] {
  if (lists.length === 1) return lists[0].filter((r) => r.count !== 0);
  const sums = new Map<string, { month: number; area: string; cell: string; count: number }>();
  for (const rows of lists) {
    for (const r of rows) {
      const key = `${r.month}|${r.area}|${r.cell}`;
      const sum = sums.get(key);
      if (sum) sum.count += r.count;
      else sums.set(key, { month: r.month, area: r.area, cell: r.cell, count: r.count });
    }
  }
  return [...sums.values()].filter((r) => r.count !== 0);
}
