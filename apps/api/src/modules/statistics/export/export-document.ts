import type {
  ExportLanguage,
  ConsolidatedReportView,
  IndicatorValueView,
  PeriodicReportView,
  PublishedNumber,
  StatisticsAreaView,
  StatisticsBlockView,
  StatisticsPopulationView,
  StatisticsTrendPointView,
  StatisticsView,
  StatisticsVocabularyKey,
} from '@caunoi/shared/contracts';
import {
  categoryKey,
  monthLabel,
  periodLabel,
  STATISTICS_SCOPE_AREA,
  statisticsVocabularyEn,
  statisticsVocabularyVi,
  tableKey,
} from '@caunoi/shared/contracts';
import type { StatisticsPopulation } from '@caunoi/shared/domain';
import {
  POPULATION_DIMENSIONS,
  STATISTICS_POPULATIONS,
  VIETNAM_TIME_ZONE,
} from '@caunoi/shared/domain';

/**
 * What an XLSX or PDF export holds, in one shape for both files: titled tables of published values
 * only. A value is a published count, the mark "<5", a share (0..1) or empty; labels are in the
 * export's language and every category keeps its code beside it.
 */
export type ExportValue = PublishedNumber | { share: number } | { text: string } | null;

export interface ExportRow {
  label: string;
  code: string;
  values: ExportValue[];
}

export interface ExportTable {
  title: string;
  /** Headings of the value columns (the label and code columns come first). */
  columns: string[];
  rows: ExportRow[];
}

export interface ExportSection {
  /** A short name (an XLSX sheet's), and the heading over its tables. */
  name: string;
  heading: string;
  tables: ExportTable[];
  /** Free text under the heading (a report's narrative). */
  paragraphs?: string[];
}

export interface ExportDocument {
  language: ExportLanguage;
  title: string;
  /** Scope, area, months, production time: one line each. */
  lines: string[];
  /** What "<5" means. */
  legend: string;
  sections: ExportSection[];
}

export type Translate = (
  key: StatisticsVocabularyKey,
  params?: Record<string, string | number>,
) => string;

const DICTIONARIES = { vi: statisticsVocabularyVi, en: statisticsVocabularyEn } as const;

/** The statistics vocabulary in one language; `{name}` placeholders are filled from params. */
export function translator(language: ExportLanguage): Translate {
  const dictionary: Readonly<Record<string, string>> = DICTIONARIES[language];
  return (key, params = {}) =>
    Object.entries(params).reduce(
      (text, [name, value]) => text.replaceAll(`{${name}}`, String(value)),
      dictionary[key] ?? key,
    );
}

/** The cross-tabs of the cases, by table: the dimensions of their rows and columns. */
const CROSS_TABLES: Readonly<Record<string, readonly [string, string]>> = Object.fromEntries(
  POPULATION_DIMENSIONS.cases.flatMap((d) => (d.crossOf ? [[d.id, d.crossOf]] : [])),
);

/** A label whose key is built from codes (a table, a category, a period). */
function label(t: Translate, key: string, params?: Record<string, string | number>): string {
  return t(key as StatisticsVocabularyKey, params);
}

function categoryLabel(t: Translate, table: string, category: string): string {
  // A cross-tab's categories are `<row>×<column>` of its two margins (channel × sex, risk × plan).
  const margins = CROSS_TABLES[table];
  if (margins) {
    const [row, column] = category.split('×');
    return `${label(t, categoryKey(margins[0], row))} × ${label(t, categoryKey(margins[1], column))}`;
  }
  return label(t, categoryKey(table, category));
}

/** A block's own name: a month, a quarter, a half or a year. */
function blockName(t: Translate, block: StatisticsBlockView): string {
  const { key, params } = periodLabel(block.year, block.period);
  return label(t, key, params);
}

export function blockHeading(t: Translate, block: StatisticsBlockView): string {
  return `${blockName(t, block)} (${t('stats.export.months', {
    from: monthLabel(block.from),
    to: monthLabel(block.to),
  })})`;
}

function indicatorTable(t: Translate, indicators: IndicatorValueView[]): ExportTable {
  return {
    title: t('stats.indicators'),
    columns: [t('stats.export.numerator'), t('stats.export.denominator'), t('stats.share')],
    rows: indicators.map((i) => ({
      label: label(t, `stats.indicator.${i.id}`),
      code: i.id,
      values: [i.numerator, i.denominator ?? null, i.share === null ? null : { share: i.share }],
    })),
  };
}

function populationTables(t: Translate, p: StatisticsPopulationView): ExportTable[] {
  const population = label(t, `stats.population.${p.population}`);
  const count = [t('stats.count')];
  return [
    {
      title: population,
      columns: count,
      rows: [{ label: t('stats.total'), code: 'total', values: [p.total] }],
    },
    ...p.tables.map((table) => ({
      title: `${population}: ${label(t, tableKey(table.id))}`,
      columns: count,
      rows: table.cells.map((cell) => ({
        label: categoryLabel(t, table.id, cell.category),
        code: cell.category,
        values: [cell.value],
      })),
    })),
  ];
}

/** Each population's columns over rows of published totals (months of the trend, communes). */
function totalsTable(
  t: Translate,
  title: string,
  rows: { label: string; code: string; totals: Record<StatisticsPopulation, PublishedNumber> }[],
): ExportTable {
  return {
    title,
    columns: STATISTICS_POPULATIONS.map((p) => label(t, `stats.population.${p}`)),
    rows: rows.map((r) => ({
      label: r.label,
      code: r.code,
      // A report drafted before a population was counted has no total for it: an empty cell.
      values: STATISTICS_POPULATIONS.map((p) => r.totals[p] ?? null),
    })),
  };
}

/**
 * One section per whole period: its indicators, each population's total and tables, then (for the
 * whole scope) each commune's totals.
 */
export function blockSections(
  t: Translate,
  blocks: StatisticsBlockView[],
  communes: readonly StatisticsAreaView[] = [],
): ExportSection[] {
  const nameOf = new Map(communes.map((c) => [c.code, c.name]));
  return blocks.map((block) => ({
    name: blockName(t, block),
    heading: blockHeading(t, block),
    tables: [
      indicatorTable(t, block.indicators),
      ...block.populations.flatMap((p) => populationTables(t, p)),
      ...(block.communes?.length
        ? [
            totalsTable(
              t,
              t('stats.byCommune'),
              block.communes.map((c) => ({ ...c, label: nameOf.get(c.code) ?? c.code })),
            ),
          ]
        : []),
    ],
  }));
}

/** The monthly totals of each population. */
export function trendSection(t: Translate, trend: StatisticsTrendPointView[]): ExportSection {
  const rows = trend.map((p) => ({ label: monthLabel(p.month), code: p.month, totals: p.totals }));
  return {
    name: t('stats.export.trendSheet'),
    heading: t('stats.trend'),
    tables: [totalsTable(t, t('stats.trend'), rows)],
  };
}

/** `dd/MM/yyyy HH:mm` in Vietnam time. */
export function vietnamTime(at: Date): string {
  return VIETNAM_CLOCK.format(at).replace(',', '');
}

const VIETNAM_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The statistics view as a document: scope and area, the blocks, then the monthly trend. */
export function statisticsDocument(
  view: StatisticsView,
  language: ExportLanguage,
  at: Date,
): ExportDocument {
  const t = translator(language);
  return {
    language,
    title: t('stats.export.title'),
    lines: [
      t(`stats.scope.${view.scope.kind}`, { name: view.scope.name }),
      t('stats.export.areaLine', {
        name: view.area.code === STATISTICS_SCOPE_AREA ? t('stats.area.all') : view.area.name,
      }),
      t('stats.export.generatedAt', { at: vietnamTime(at) }),
    ],
    legend: t('stats.legend'),
    sections: [...blockSections(t, view.blocks, view.communes), trendSection(t, view.trend)],
  };
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`. */
const dayLabel = (day: string): string => day.split('-').reverse().join('/');

/**
 * A centre's periodic report as a document: what it is and for when, its narrative, then its tables
 * exactly as they were fixed when it was drafted.
 */
export function periodicReportDocument(
  report: PeriodicReportView,
  language: ExportLanguage,
  at: Date,
): ExportDocument {
  const t = translator(language);
  return {
    language,
    title: t('stats.export.reportTitle', {
      kind: label(t, `periodicReportKind.${report.kind}`),
      year: report.year,
      centre: report.agencyName,
    }),
    lines: [
      t('stats.export.dueOn', { date: dayLabel(report.dueOn) }),
      t('stats.export.months', {
        from: monthLabel(report.periodFrom),
        to: monthLabel(report.periodTo),
      }),
      t('stats.export.status', { status: label(t, `periodicReportStatus.${report.status}`) }),
      t('stats.export.generatedAt', { at: vietnamTime(at) }),
    ],
    legend: t('stats.legend'),
    sections: [
      {
        name: t('stats.export.narrative'),
        heading: t('stats.export.narrative'),
        paragraphs: (report.narrative?.trim() || t('stats.export.noNarrative')).split(/\n{2,}/),
        tables: [],
      },
      ...blockSections(t, report.tables),
    ],
  };
}

/**
 * The province's consolidated report: the centres' reports it received (state, when, on time), then
 * the province's own tables for the entry's months, protected at the province level.
 */
export function consolidatedReportDocument(
  report: ConsolidatedReportView,
  language: ExportLanguage,
  at: Date,
): ExportDocument {
  const t = translator(language);
  const kind = label(t, `periodicReportKind.${report.kind}`);
  return {
    language,
    title: t('stats.export.consolidatedTitle', {
      kind,
      year: report.year,
      authority: report.provinceAuthority,
    }),
    lines: [
      t('stats.export.dueOn', { date: dayLabel(report.dueOn) }),
      t('stats.export.months', {
        from: monthLabel(report.periodFrom),
        to: monthLabel(report.periodTo),
      }),
      t('stats.export.generatedAt', { at: vietnamTime(at) }),
    ],
    legend: t('stats.legend'),
    sections: [
      {
        name: t('stats.export.centres'),
        heading: t('stats.export.centres'),
        tables: [
          {
            title: t('stats.export.centres'),
            columns: [t('stats.export.state'), t('stats.export.submittedAt')],
            rows: report.centres.map((c) => ({
              label: c.agencyName,
              code: c.agencyId,
              values: [
                {
                  text: `${label(t, `periodicReportStatus.${c.status}`)}${
                    c.onTime === false ? ` (${t('stats.export.late')})` : ''
                  }`,
                },
                c.submittedAt ? { text: vietnamTime(new Date(c.submittedAt)) } : null,
              ],
            })),
          },
        ],
      },
      ...blockSections(t, report.tables),
    ],
  };
}
