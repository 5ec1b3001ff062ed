import type { StatisticsPopulation } from './indicators';
import {
  actionMonthCategoryOf,
  evaluateIndicator,
  INDICATORS,
  POPULATION_DIMENSIONS,
  responseTimeBucketOf,
} from './indicators';
import { auditLattice } from './lattice-audit';
import type { LatticeRow } from './lattice';
import { cellOf, protectLattice, publishedCell, SCOPE_AREA, TOTAL_CELL } from './lattice';

/** Records of a population on a day (`MM-DD`) in an area, with their categories. */
function records(
  n: number,
  monthDay: string,
  area: string,
  cells: Record<string, string> = {},
): LatticeRow[] {
  const month = Number(monthDay.slice(0, 2));
  return [
    { month, area, cell: TOTAL_CELL, count: n },
    { month, area, cell: cellOf('action_month', actionMonthCategoryOf(monthDay)), count: n },
    ...Object.entries(cells).map(([d, c]) => ({ month, area, cell: cellOf(d, c), count: n })),
  ];
}

const dimensionsOf = (population: StatisticsPopulation, ids: readonly string[]) =>
  POPULATION_DIMENSIONS[population].filter((d) => ids.includes(d.id));

const value = (p: { kind: string; value?: number }) => (p.kind === 'count' ? p.value : '<5');

describe('the action month (15/11–15/12)', () => {
  it('is a day window of Vietnam dates, both ends included', () => {
    expect(actionMonthCategoryOf('11-14')).toBe('outside');
    expect(actionMonthCategoryOf('11-15')).toBe('in_window');
    expect(actionMonthCategoryOf('12-01')).toBe('in_window');
    expect(actionMonthCategoryOf('12-15')).toBe('in_window');
    expect(actionMonthCategoryOf('12-16')).toBe('outside');
    expect(actionMonthCategoryOf('03-20')).toBe('outside');
  });

  it('publishes its counts exactly when every part of November and December is 0 or 5+', () => {
    const dims = dimensionsOf('calls', ['action_month']);
    const lattice = protectLattice(
      dims,
      ['A'],
      [
        ...records(6, '11-03', 'A'),
        ...records(8, '11-20', 'A'),
        ...records(7, '12-10', 'A'),
        ...records(9, '12-24', 'A'),
      ],
    );
    const indicator = INDICATORS.find((i) => i.id === 'action_month_calls');
    if (!indicator) throw new Error('no action_month_calls');
    expect(value(evaluateIndicator(lattice, indicator, 'Q4', SCOPE_AREA).numerator)).toBe(15);
    expect(value(evaluateIndicator(lattice, indicator, 'Y', SCOPE_AREA).numerator)).toBe(15);
    expect(value(evaluateIndicator(lattice, indicator, 'M11', SCOPE_AREA).numerator)).toBe(8);
    expect(auditLattice(lattice)).toEqual([]);
  });

  it('never lets the action month be subtracted from the months it overlaps', () => {
    // Two calls on 1–14 November: November (10) minus the action month's November part (8) would
    // reveal them, and so would the action month (15) minus its December part (7).
    const dims = dimensionsOf('calls', ['action_month', 'sex']);
    const lattice = protectLattice(
      dims,
      ['A', 'B'],
      [
        ...records(2, '11-05', 'A', { sex: 'female' }),
        ...records(8, '11-20', 'A', { sex: 'female' }),
        ...records(7, '12-10', 'A', { sex: 'female' }),
        ...records(9, '12-24', 'B', { sex: 'male' }),
        ...records(6, '10-02', 'B', { sex: 'male' }),
      ],
    );
    const at = (period: 'M11' | 'M12' | 'Q4', cell: string) =>
      value(publishedCell(lattice, period, SCOPE_AREA, cell));
    const inWindow = cellOf('action_month', 'in_window');
    const outside = cellOf('action_month', 'outside');
    // The reader's subtractions: each needs a number that is not published.
    const november = [at('M11', TOTAL_CELL), at('M11', inWindow)];
    const actionMonth = [at('Q4', inWindow), at('M12', inWindow)];
    expect(november.includes('<5') && actionMonth.includes('<5')).toBe(true);
    expect(at('M11', outside)).toBe('<5');
    // The action month's count is hidden with November's part rather than give the 2 away.
    expect(at('Q4', inWindow)).toBe('<5');
    // December alone is untouched by November's small part.
    expect([at('M12', inWindow), at('M12', outside)]).toEqual([7, 9]);
    expect(auditLattice(lattice)).toEqual([]);
  });
});

describe('referral response times', () => {
  const sent = new Date('2025-03-01T02:00:00Z');
  const after = (hours: number) => new Date(sent.getTime() + hours * 3600_000);

  it('fall in one bucket each, never averaged', () => {
    expect(responseTimeBucketOf(sent, null)).toBe('not_answered');
    expect(responseTimeBucketOf(sent, after(0.5))).toBe('within_1h');
    expect(responseTimeBucketOf(sent, after(1))).toBe('within_1h');
    expect(responseTimeBucketOf(sent, after(1.01))).toBe('within_24h');
    expect(responseTimeBucketOf(sent, after(24))).toBe('within_24h');
    expect(responseTimeBucketOf(sent, after(72))).toBe('within_72h');
    expect(responseTimeBucketOf(sent, after(73))).toBe('later');
  });
});

describe('the new populations through the lattice: nothing from 1 to 4 published or pinned', () => {
  let seed = 1215;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];

  /** Random sparse records over two communes and November–December, with a dimension's categories. */
  function sparse(dimension: string, categories: readonly string[]): LatticeRow[] {
    const rows: LatticeRow[] = [];
    for (const area of ['A', 'B']) {
      for (const day of ['11-03', '11-25', '12-08', '12-20']) {
        const n = Math.floor(random() * 5);
        for (let i = 0; i < n; i += 1)
          rows.push(...records(1, day, area, { [dimension]: pick(categories) }));
      }
    }
    return rows;
  }

  it.each([
    ['calls', 'call_outcome'],
    ['calls', 'sex'],
    ['community_referrals', 'community_referral_outcome'],
    ['services', 'service_sector'],
    ['referrals', 'response_time'],
  ] as const)('%s by %s and the action month', (population, dimension) => {
    const dims = dimensionsOf(population, [dimension, 'action_month']);
    const categories = dims.find((d) => d.id === dimension)?.categories ?? [];
    const lattice = protectLattice(dims, ['A', 'B'], sparse(dimension, categories.slice(0, 3)));
    expect(auditLattice(lattice)).toEqual([]);
  });
});
