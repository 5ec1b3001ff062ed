import type { IndicatorDefinition } from './indicators';
import {
  INDICATORS,
  POPULATION_DIMENSIONS,
  safetyPlanCategoryOf,
  shareOf,
  STATISTICS_RISK_LEVELS,
  statisticsRiskLevelOf,
} from './indicators';
import type { LatticeRow, PeriodNode, ProtectedLattice } from './lattice';
import {
  cellOf,
  crossCategory,
  latticeRelations,
  protectLattice,
  publishAll,
  publishedCell,
  SCOPE_AREA,
  TOTAL_CELL,
  trueValue,
} from './lattice';
import { feasibleValues } from './suppression-attack';

const indicator = (id: string): IndicatorDefinition => {
  const found = INDICATORS.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

/** The dimensions these indicators read: risk level, safety plan and their cross-tab. */
const DIMENSIONS = POPULATION_DIMENSIONS.cases.filter((d) =>
  ['risk_level', 'safety_plan', 'risk_safety_plan'].includes(d.id),
);

/** `n` cases of one risk level with or without a plan, in March, in commune A. */
const cases = (n: number, level: string, plan: 'yes' | 'no', area = 'A'): LatticeRow[] => [
  { month: 3, area, cell: TOTAL_CELL, count: n },
  { month: 3, area, cell: cellOf('risk_safety_plan', crossCategory(level, plan)), count: n },
];

/** An indicator as the API computes it: sums of published cells, a share only if all are exact. */
function evaluate(lattice: ProtectedLattice, id: string, period: PeriodNode = 'M03') {
  const { numerator, denominator } = indicator(id);
  const part = (p: { dimension: string; categories: readonly string[] }) =>
    p.categories.map((c) => {
      const value = publishedCell(lattice, period, SCOPE_AREA, cellOf(p.dimension, c));
      return value.kind === 'count' ? value.value : null;
    });
  const top = part(numerator);
  const bottom = part(denominator ?? numerator);
  const sum = (xs: (number | null)[]) =>
    xs.some((x) => x === null) ? '<5' : (xs as number[]).reduce((s, x) => s + x, 0);
  return { numerator: sum(top), denominator: sum(bottom), share: shareOf(top, bottom) };
}

describe('safety-plan and risk-level indicators', () => {
  it('put every case in one risk category and one safety-plan category', () => {
    expect(statisticsRiskLevelOf(null)).toBe('not_assessed');
    expect(statisticsRiskLevelOf('high')).toBe('high');
    expect(statisticsRiskLevelOf('unknown')).toBe('unknown');
    expect(safetyPlanCategoryOf(0)).toBe('no');
    expect(safetyPlanCategoryOf(3)).toBe('yes');
    expect(STATISTICS_RISK_LEVELS).toHaveLength(5);
    // Risk level and safety plan are the margins of one cross-tab, so they cannot be subtracted apart.
    expect(DIMENSIONS.find((d) => d.id === 'risk_safety_plan')?.crossOf).toEqual([
      'risk_level',
      'safety_plan',
    ]);
  });

  it('count known cases exactly when every cell is 0 or at least 5', () => {
    const lattice = protectLattice(
      DIMENSIONS,
      ['A'],
      [
        ...cases(6, 'high', 'yes'),
        ...cases(5, 'high', 'no'),
        ...cases(7, 'medium', 'yes'),
        ...cases(9, 'low', 'no'),
        ...cases(8, 'not_assessed', 'no'),
      ],
    );
    expect(evaluate(lattice, 'risk_assessed')).toEqual({
      numerator: 27,
      denominator: 35,
      share: 27 / 35,
    });
    expect(evaluate(lattice, 'high_risk')).toEqual({
      numerator: 11,
      denominator: 27,
      share: 11 / 27,
    });
    expect(evaluate(lattice, 'safety_plan')).toEqual({
      numerator: 13,
      denominator: 35,
      share: 13 / 35,
    });
    expect(evaluate(lattice, 'high_risk_safety_plan')).toEqual({
      numerator: 6,
      denominator: 11,
      share: 6 / 11,
    });
    // The same for the quarter and the year (one month of data).
    expect(evaluate(lattice, 'high_risk_safety_plan', 'Y').share).toBe(6 / 11);
  });

  it('suppress small cells through the lattice: no share from a "<5", nothing 1..4 pinned', () => {
    const lattice = protectLattice(
      DIMENSIONS,
      ['A', 'B'],
      [
        // Two high-risk cases with a plan: a count the indicator must not reveal.
        ...cases(2, 'high', 'yes'),
        ...cases(7, 'high', 'no'),
        ...cases(6, 'medium', 'yes'),
        ...cases(9, 'low', 'no'),
        ...cases(6, 'not_assessed', 'no', 'B'),
        ...cases(5, 'low', 'yes', 'B'),
      ],
    );
    const value = evaluate(lattice, 'high_risk_safety_plan');
    expect(value.numerator).toBe('<5');
    expect(value.share).toBeNull();
    expect(publishedCell(lattice, 'M03', SCOPE_AREA, TOTAL_CELL)).toEqual({
      kind: 'count',
      value: 35,
    });

    // Whatever is published is true and never 1..4, and no suppressed 1..4 can be worked out
    // from the published numbers and the relations between them (margins, areas, periods).
    const published = publishAll(lattice);
    const small: string[] = [];
    for (const [key, p] of published) {
      const [period, area, cell] = key.split('|') as [PeriodNode, string, string];
      const truth = trueValue(lattice, period, area, cell);
      if (p.kind === 'count') {
        expect([key, p.value]).toEqual([key, truth]);
        expect([key, p.value === 0 || p.value >= 5]).toEqual([key, true]);
      } else if (truth >= 1 && truth <= 4) {
        small.push(key);
      }
    }
    expect(small).toContain(`M03|${SCOPE_AREA}|${cellOf('risk_safety_plan', 'high×yes')}`);
    const feasible = feasibleValues(published, latticeRelations(lattice), small, {
      lowerBound: (key) => (key.endsWith(`|${TOTAL_CELL}`) ? 1 : 0),
      maxCount: 60,
      upTo: 6,
    });
    for (const key of small)
      expect([key, (feasible.get(key) ?? []).length >= 2]).toEqual([key, true]);
  });
});
