import { POPULATION_DIMENSIONS } from './indicators';
import type { LatticeRow } from './lattice';
import {
  cellOf,
  protectLattice,
  publishedCell,
  SCOPE_AREA,
  TOTAL_CELL,
  trueValue,
} from './lattice';

/**
 * Protection must leave the numbers useful: a province with a few thousand cases a year, spread very
 * unevenly over 100 communes (most communes see a case every few months), keeps its monthly totals and
 * its sex, age and type tables by month, quarter and year.
 */
describe('protectLattice on a realistic province', () => {
  let seed = 2026;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
  const dimensions = POPULATION_DIMENSIONS.cases;
  const margins = new Set(dimensions.flatMap((d) => d.crossOf ?? []));
  const counts = new Map<string, number>();
  for (let i = 0; i < 3000; i += 1) {
    const month = 1 + Math.floor(random() * 12);
    const area = `C${String(Math.floor(random() ** 2 * 100)).padStart(3, '0')}`;
    const cells = [TOTAL_CELL];
    for (const d of dimensions) {
      if (margins.has(d.id)) continue; // counted through their cross-tab
      cells.push(cellOf(d.id, d.categories[Math.floor(random() ** 3 * d.categories.length)]));
    }
    for (const cell of cells) {
      const key = `${month}|${area}|${cell}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const rows: LatticeRow[] = [...counts].map(([key, count]) => {
    const [month, area, cell] = key.split('|');
    return { month: Number(month), area, cell, count };
  });

  it('publishes the province by month, quarter and year, with its main categories, within a few seconds', () => {
    const started = Date.now();
    const lattice = protectLattice(dimensions, [], rows);
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const period of ['Y', 'H1', 'Q1', 'Q4', 'M01', 'M07'] as const) {
      for (const cell of [TOTAL_CELL, 'sex=female', 'age_group=18_24', 'gbv_type=rape']) {
        expect([period, cell, publishedCell(lattice, period, SCOPE_AREA, cell)]).toEqual([
          period,
          cell,
          { kind: 'count', value: trueValue(lattice, period, SCOPE_AREA, cell) },
        ]);
      }
    }
    // The busiest commune keeps its year total.
    expect(publishedCell(lattice, 'Y', 'C000', TOTAL_CELL).kind).toBe('count');
  });
});
