import type {
  PublishedNumber,
  StatisticsBlockView,
  StatisticsPopulationView,
  StatisticsView,
} from '@caunoi/shared/contracts';
import { categoryKey, monthLabel, tableKey } from '@caunoi/shared/contracts';
import type { StatisticsPopulation } from '@caunoi/shared/domain';
import { STATISTICS_POPULATIONS } from '@caunoi/shared/domain';

/** Translates a key (with parameters) in the screen's language. */
export type Label = (key: string, params?: Record<string, string>) => string;

/** One chart and its table: categories along one axis, a series of published numbers per legend. */
export interface ChartSpec {
  id: string;
  title: string;
  categories: string[];
  series: { name: string; values: PublishedNumber[] }[];
}

export const SUPPRESSED = '<5';
const SUPPRESSED_COLOUR = '#6b4e00';
const PALETTE = ['#1f5f8b', '#c2410c', '#4d7c0f'];

function tableChart(
  id: string,
  title: string,
  population: StatisticsPopulationView | undefined,
  table: string,
  t: Label,
): ChartSpec | null {
  const cells = population?.tables.find((x) => x.id === table)?.cells;
  if (!cells) return null;
  return {
    id,
    title,
    categories: cells.map((c) => t(categoryKey(table, c.category))),
    series: [{ name: t('stats.count'), values: cells.map((c) => c.value) }],
  };
}

/** Charts of one table of a population other than the cases: `[population, table]`. */
const POPULATION_CHARTS: readonly (readonly [StatisticsPopulation, string])[] = [
  ['calls', 'sex'],
  ['calls', 'call_outcome'],
  ['community_referrals', 'community_referral_outcome'],
  ['referrals', 'response'],
  ['referrals', 'response_time'],
  ['referrals', 'sector'],
  ['services', 'service_sector'],
  ['incident_reports', 'timeliness'],
];

/**
 * The dashboard's charts for one block of the answer and the trend: months, the breakdowns of the
 * cases, communes (for the whole scope), calls by sex and outcome, what became of community
 * referrals, referral answers, response times and sectors, services by sector, 10-day report
 * timeliness.
 */
export function dashboardCharts(
  view: StatisticsView,
  block: StatisticsBlockView,
  t: Label,
): ChartSpec[] {
  const of = (p: StatisticsPopulation) => block.populations.find((x) => x.population === p);
  const population = (p: StatisticsPopulation) => t(`stats.population.${p}`);
  const names = new Map(view.communes.map((c) => [c.code, c.name]));
  const cases = of('cases');
  const charts: (ChartSpec | null)[] = [
    {
      id: 'trend',
      title: t('stats.trend'),
      categories: view.trend.map((p) => monthLabel(p.month)),
      series: STATISTICS_POPULATIONS.map((p) => ({
        name: population(p),
        values: view.trend.map((point) => point.totals[p]),
      })),
    },
    ...(['sex', 'age_group', 'gbv_type', 'channel', 'risk_level'] as const).map((table) =>
      tableChart(table, `${population('cases')}: ${t(tableKey(table))}`, cases, table, t),
    ),
    block.communes?.length
      ? {
          id: 'commune',
          title: t('stats.byCommune'),
          categories: block.communes.map((c) => names.get(c.code) ?? c.code),
          series: STATISTICS_POPULATIONS.map((p) => ({
            name: population(p),
            values: (block.communes ?? []).map((c) => c.totals[p]),
          })),
        }
      : null,
    ...POPULATION_CHARTS.map(([p, table]) =>
      tableChart(
        p === 'calls' ? `calls_${table}` : table,
        `${population(p)}: ${t(tableKey(table))}`,
        of(p),
        table,
        t,
      ),
    ),
  ];
  return charts.filter((c): c is ChartSpec => c !== null);
}

/**
 * The ECharts option of a chart. A suppressed number is never drawn as a quantity: its bar has no
 * height and carries the mark "<5" (italic, its own colour), and the tooltip says "<5" too.
 */
export function chartOption(spec: ChartSpec): Record<string, unknown> {
  const horizontal = spec.categories.length > 6 && spec.id !== 'trend';
  const categoryAxis = {
    type: 'category',
    data: spec.categories,
    axisLabel: horizontal ? { width: 160, overflow: 'truncate' } : { interval: 0, rotate: 30 },
    inverse: horizontal,
  };
  const valueAxis = { type: 'value', minInterval: 1 };
  return {
    color: PALETTE,
    animation: false,
    grid: { containLabel: true, left: 8, right: 24, top: 36, bottom: 8 },
    legend: spec.series.length > 1 ? { top: 0 } : undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // The published value, "<5" included, never the drawn height.
      formatter: (params: { seriesIndex: number; dataIndex: number; marker: string }[]) =>
        [
          spec.categories[params[0]?.dataIndex ?? 0],
          ...params.map(
            (p) =>
              `${p.marker}${spec.series[p.seriesIndex].name}: ${String(
                spec.series[p.seriesIndex].values[p.dataIndex],
              )}`,
          ),
        ].join('<br>'),
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values.map((v) =>
        v === SUPPRESSED
          ? {
              // No height: the bar is only the mark.
              value: 0,
              suppressed: true,
              label: {
                show: true,
                formatter: SUPPRESSED,
                position: horizontal ? 'right' : 'top',
                fontStyle: 'italic',
                fontWeight: 'bold',
                color: SUPPRESSED_COLOUR,
              },
            }
          : v,
      ),
    })),
  };
}
