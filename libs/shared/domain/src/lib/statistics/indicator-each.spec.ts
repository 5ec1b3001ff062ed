import type { IndicatorDefinition, StatisticsPopulation } from './indicators';
import { evaluateIndicator, INDICATORS, POPULATION_DIMENSIONS } from './indicators';
import type { LatticeRow, ProtectedLattice } from './lattice';
import { cellOf, protectLattice, publishAll, SCOPE_AREA, TOTAL_CELL, trueValue } from './lattice';
import type { PeriodNode } from './lattice';

/**
 * Every indicator of indicators.ts, one by one: its exact numerator, denominator and target, its value
 * over known counts, and the rule that a share is given only when every number behind it is
 * published (docs/statistics.md "Indicators").
 */
type Expected = Pick<
  IndicatorDefinition,
  'population' | 'kind' | 'numerator' | 'denominator' | 'target'
>;
const count = (population: StatisticsPopulation, dimension: string, top: string[]): Expected => ({
  population,
  kind: 'count',
  numerator: { dimension, categories: top },
  denominator: undefined,
  target: undefined,
});
const share = (
  population: StatisticsPopulation,
  dimension: string,
  [top, bottom]: [string[], string[]],
  target?: number,
): Expected => ({
  population,
  kind: 'share',
  numerator: { dimension, categories: top },
  denominator: { dimension, categories: bottom },
  target,
});
const ASSESSED = ['high', 'medium', 'low', 'unknown'];
const ANSWERED = ['on_time', 'late', 'overdue'];

const EXPECTED: Record<string, Expected> = {
  sought_help: count(
    'cases',
    'channel_sex',
    ['hotline', 'walk_in', 'volunteer', 'agency'].flatMap((c) =>
      ['female', 'male', 'other', 'unknown'].map((s) => `${c}×${s}`),
    ),
  ),
  help_received: share('cases', 'help', [['received'], ['received', 'not_received']], 1),
  risk_assessed: share('cases', 'risk_level', [ASSESSED, [...ASSESSED, 'not_assessed']]),
  high_risk: share('cases', 'risk_level', [['high'], ASSESSED]),
  safety_plan: share('cases', 'safety_plan', [['yes'], ['yes', 'no']]),
  high_risk_safety_plan: share('cases', 'risk_safety_plan', [
    ['high×yes'],
    ['high×yes', 'high×no'],
  ]),
  referrals_on_time: share('referrals', 'response', [['on_time'], ANSWERED]),
  incident_reports_on_time: share('incident_reports', 'timeliness', [['on_time'], ANSWERED], 1),
  services_by_sector: count('services', 'service_sector', [
    'police',
    'health',
    'legal_aid',
    'social_work',
    'other',
  ]),
  ...Object.fromEntries(
    (['cases', 'calls', 'community_referrals', 'services'] as const).map((population) => [
      `action_month_${population}`,
      count(population, 'action_month', ['in_window']),
    ]),
  ),
};

/** The base cells (not margins) behind an indicator's dimension, from the lattice's sources. */
function baseCellsOf(lattice: ProtectedLattice, dimension: string): string[] {
  const base = new Set<string>();
  for (const [cell, source] of lattice.sources) {
    if (cell.startsWith(`${dimension}=`)) {
      for (const c of source.categories) base.add(cellOf(source.dimension, c));
    }
  }
  return [...base];
}

/** Rows for March in area A: each base cell of the dimension gets `countOf(cell, index)` records. */
function rowsFor(
  indicator: IndicatorDefinition,
  countOf: (cell: string, index: number) => number,
): LatticeRow[] {
  const dimensions = POPULATION_DIMENSIONS[indicator.population];
  const empty = protectLattice(dimensions, ['A'], []);
  const cells = baseCellsOf(empty, indicator.numerator.dimension);
  const rows = cells.map((cell, i) => ({ month: 3, area: 'A', cell, count: countOf(cell, i) }));
  const total = rows.reduce((s, r) => s + r.count, 0);
  return [...rows, { month: 3, area: 'A', cell: TOTAL_CELL, count: total }];
}

/** The true sum of a part's categories, read back from the lattice (never published as such). */
function truth(lattice: ProtectedLattice, dimension: string, categories: readonly string[]) {
  return categories.reduce(
    (s, c) => s + trueValue(lattice, 'M03', SCOPE_AREA, cellOf(dimension, c)),
    0,
  );
}

const value = (p: { kind: string; value?: number }) => (p.kind === 'count' ? p.value : '<5');

describe.each(INDICATORS.map((i) => [i.id, i] as const))('indicator %s', (id, indicator) => {
  it('has the documented numerator, denominator and target', () => {
    const expected = EXPECTED[id];
    expect(expected).toBeDefined();
    expect({
      population: indicator.population,
      kind: indicator.kind,
      numerator: { ...indicator.numerator, categories: [...indicator.numerator.categories] },
      denominator: indicator.denominator && {
        ...indicator.denominator,
        categories: [...indicator.denominator.categories],
      },
      target: indicator.target,
    }).toEqual(expected);
  });

  it('counts known records exactly when every number behind it is at least 5', () => {
    const dimensions = POPULATION_DIMENSIONS[indicator.population];
    const lattice = protectLattice(
      dimensions,
      ['A'],
      rowsFor(indicator, (_, i) => 5 + (i % 4)),
    );
    for (const period of ['M03', 'Q1', 'Y'] as PeriodNode[]) {
      const result = evaluateIndicator(lattice, indicator, period, SCOPE_AREA);
      const top = truth(lattice, indicator.numerator.dimension, indicator.numerator.categories);
      if (indicator.kind === 'count') {
        expect(value(result.numerator)).toBe(top);
        expect(result.share).toBeNull();
        continue;
      }
      const denominator = indicator.denominator ?? indicator.numerator;
      const bottom = truth(lattice, denominator.dimension, denominator.categories);
      expect([value(result.numerator), value(result.denominator ?? { kind: 'x' })]).toEqual([
        top,
        bottom,
      ]);
      expect(top).toBeGreaterThan(0);
      expect(result.share).toBeCloseTo(top / bottom, 10);
    }
  });

  it('gives no share and no number from 1 to 4 when a number behind it is small', () => {
    const dimensions = POPULATION_DIMENSIONS[indicator.population];
    const firstNumerator = cellOf(indicator.numerator.dimension, indicator.numerator.categories[0]);
    const empty = protectLattice(dimensions, ['A'], []);
    const small = new Set(
      (empty.sources.get(firstNumerator)?.categories ?? []).map((c) =>
        cellOf(empty.sources.get(firstNumerator)?.dimension ?? '', c),
      ),
    );
    // The numerator's first category gets 2 records (in its first base cell), the others 6 each.
    const [first] = small;
    const whole = indicator.kind === 'count' && indicator.numerator.categories.length > 1;
    const rows = rowsFor(indicator, (cell) => {
      if (cell === first) return whole ? 3 : 2;
      return whole || small.has(cell) ? 0 : 6;
    });
    const lattice = protectLattice(dimensions, ['A'], rows);
    const smallTruth = truth(lattice, indicator.numerator.dimension, [
      indicator.numerator.categories[0],
    ]);
    expect(smallTruth).toBeGreaterThanOrEqual(1);
    expect(smallTruth).toBeLessThanOrEqual(4);

    const result = evaluateIndicator(lattice, indicator, 'M03', SCOPE_AREA);
    expect(value(result.numerator)).toBe('<5');
    expect(result.share).toBeNull();
    for (const [key, p] of publishAll(lattice)) {
      if (p.kind === 'count') expect([key, p.value === 0 || p.value >= 5]).toEqual([key, true]);
    }
  });
});
