import type {
  IndicatorValueView,
  PublishedNumber,
  StatisticsBlockView,
  StatisticsCommuneTotalsView,
  StatisticsPopulationView,
  StatisticsTableView,
  StatisticsTrendPointView,
} from '@caunoi/shared/contracts';
import type {
  IndicatorDefinition,
  PeriodBlock,
  PeriodNode,
  ProtectedLattice,
  PublishedCount,
  StatisticsPopulation,
} from '@caunoi/shared/domain';
import {
  blockMonths,
  cellOf,
  evaluateIndicator,
  formatPublishedCount,
  INDICATORS,
  monthNode,
  MULTI_SELECT_TABLES,
  POPULATION_DIMENSIONS,
  publishedCell,
  STATISTICS_POPULATIONS,
  TOTAL_CELL,
} from '@caunoi/shared/domain';

/** One year's protected lattices, one per population. */
export type YearLattices = Readonly<Record<StatisticsPopulation, ProtectedLattice>>;

/** The only way a number leaves the API: through the lattice's published value. */
function toNumber(count: PublishedCount): PublishedNumber {
  return count.kind === 'count' ? count.value : (formatPublishedCount(count) as '<5');
}

function tablesOf(
  lattice: ProtectedLattice,
  population: StatisticsPopulation,
  period: PeriodNode,
  area: string,
): StatisticsTableView[] {
  const at = (cell: string) => toNumber(publishedCell(lattice, period, area, cell));
  const tables: StatisticsTableView[] = [];
  for (const d of POPULATION_DIMENSIONS[population]) {
    if (!d.table && !d.crossOf) continue;
    tables.push({
      id: d.id,
      cells: d.categories.map((c) => ({ category: c, value: at(cellOf(d.id, c)) })),
    });
  }
  if (population === 'cases') {
    for (const [id, dimensions] of Object.entries(MULTI_SELECT_TABLES)) {
      tables.push({
        id,
        cells: dimensions.map((d) => ({
          category: d.slice(d.indexOf('_') + 1),
          value: at(cellOf(d, 'yes')),
        })),
      });
    }
  }
  return tables;
}

export function indicatorValue(
  lattices: YearLattices,
  indicator: IndicatorDefinition,
  period: PeriodNode,
  area: string,
): IndicatorValueView {
  const value = evaluateIndicator(lattices[indicator.population], indicator, period, area);
  return {
    id: indicator.id,
    numerator: toNumber(value.numerator),
    ...(value.denominator !== null && { denominator: toNumber(value.denominator) }),
    share: value.share,
    target: indicator.target ?? null,
  };
}

/** Each population's published total in an area for a period. */
function totalsOf(
  lattices: YearLattices,
  period: PeriodNode,
  area: string,
): Record<StatisticsPopulation, PublishedNumber> {
  return Object.fromEntries(
    STATISTICS_POPULATIONS.map((p) => [
      p,
      toNumber(publishedCell(lattices[p], period, area, TOTAL_CELL)),
    ]),
  ) as Record<StatisticsPopulation, PublishedNumber>;
}

/**
 * Each commune's totals, as each would be answered alone (the lattice protects every area against
 * the others, decision 0021); communes with nothing in every population are left out.
 */
function communeTotals(
  lattices: YearLattices,
  period: PeriodNode,
  communes: readonly string[],
): StatisticsCommuneTotalsView[] {
  return communes
    .map((code) => ({ code, totals: totalsOf(lattices, period, code) }))
    .filter(({ totals }) => Object.values(totals).some((v) => v !== 0));
}

/** A block of the answer; `communes` (for the whole scope) adds each commune's totals. */
export function blockView(
  lattices: YearLattices,
  block: PeriodBlock,
  area: string,
  communes: readonly string[] = [],
): StatisticsBlockView {
  const populations: StatisticsPopulationView[] = STATISTICS_POPULATIONS.map((population) => ({
    population,
    total: toNumber(publishedCell(lattices[population], block.node, area, TOTAL_CELL)),
    tables: tablesOf(lattices[population], population, block.node, area),
  }));
  return {
    year: block.year,
    period: block.node,
    ...blockMonths(block),
    populations,
    indicators: INDICATORS.map((i) => indicatorValue(lattices, i, block.node, area)),
    ...(communes.length > 0 && { communes: communeTotals(lattices, block.node, communes) }),
  };
}

export function trendOfYear(
  lattices: YearLattices,
  year: number,
  area: string,
): StatisticsTrendPointView[] {
  return Array.from({ length: 12 }, (_, i) => {
    const node = monthNode(i + 1);
    const totals = totalsOf(lattices, node, area);
    const shares = Object.fromEntries(
      INDICATORS.filter((d) => d.kind === 'share').map((d) => [
        d.id,
        indicatorValue(lattices, d, node, area).share,
      ]),
    );
    return { month: `${year}-${String(i + 1).padStart(2, '0')}`, totals, shares };
  });
}
