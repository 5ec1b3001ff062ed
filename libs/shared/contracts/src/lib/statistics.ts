import type { PeriodKind, PeriodNode, StatisticsPopulation } from '@caunoi/shared/domain';

/**
 * Statistics (docs/statistics.md, decision 0021). Every number is published or suppressed: a
 * suppressed number is the mark "<5", whether it is 1 to 4 or a larger number hidden with one.
 */
export type PublishedNumber = number | '<5';

export const STATISTICS_SCOPE_AREA = 'all';

/** `GET /api/statistics`: a period of one kind, and an area (the scope, or one commune code). */
export interface StatisticsQuery {
  period: PeriodKind;
  year?: number;
  month?: number;
  quarter?: number;
  half?: number;
  /** `YYYY-MM`, with `to`, for a range. */
  from?: string;
  to?: string;
  /** `all` (default) or a commune code of the scope's province. */
  area?: string;
}

/** The file formats of an export: CSV (codes only), XLSX and PDF (labels in the chosen language). */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The language of an export's labels: Vietnamese unless English is asked for. */
export const EXPORT_LANGUAGES = ['vi', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/**
 * A password the user types to protect an XLSX or PDF file (AES: ECMA-376 agile encryption for XLSX,
 * PDF 2.0 security for PDF). It travels only in a POST body, never in a URL, and is not kept.
 */
export const EXPORT_PASSWORD_LENGTH = { min: 8, max: 128 } as const;

/** `POST /api/statistics/export` (body): the view's query, a format (default CSV), a language (default vi). */
export interface StatisticsExportQuery extends StatisticsQuery {
  format?: ExportFormat;
  lang?: ExportLanguage;
  /** XLSX and PDF only (a CSV cannot be protected: 400 on `password`). */
  password?: string;
}

/** `POST /api/periodic-reports/:id/export` and the province's consolidated report's export (body). */
export interface ReportExportQuery {
  format: Exclude<ExportFormat, 'csv'>;
  lang?: ExportLanguage;
  password?: string;
}

export interface StatisticsCellView {
  category: string;
  value: PublishedNumber;
}

export interface StatisticsTableView {
  /** A dimension, or `dv_form` / `context` for the multi-select facts (their "yes" cells). */
  id: string;
  cells: StatisticsCellView[];
}

export interface StatisticsPopulationView {
  population: StatisticsPopulation;
  total: PublishedNumber;
  tables: StatisticsTableView[];
}

export interface IndicatorValueView {
  id: string;
  numerator: PublishedNumber;
  /** Absent for a count indicator. */
  denominator?: PublishedNumber;
  /** 0..1, only when every number behind it is published. */
  share: number | null;
  target: number | null;
}

/** One whole calendar period of the answer. */
export interface StatisticsBlockView {
  year: number;
  period: PeriodNode;
  /** `YYYY-MM`, both included. */
  from: string;
  to: string;
  populations: StatisticsPopulationView[];
  indicators: IndicatorValueView[];
  /**
   * For the whole scope: each commune's published totals (communes with none left out), the same
   * numbers each commune shows when chosen as the area.
   */
  communes?: StatisticsCommuneTotalsView[];
}

export interface StatisticsCommuneTotalsView {
  code: string;
  totals: Record<StatisticsPopulation, PublishedNumber>;
}

export interface StatisticsTrendPointView {
  /** `YYYY-MM`. */
  month: string;
  totals: Record<StatisticsPopulation, PublishedNumber>;
  shares: Record<string, number | null>;
}

export interface StatisticsAreaView {
  code: string;
  name: string;
}

export interface StatisticsView {
  scope: { kind: 'centre' | 'province'; name: string; provinceCode: string };
  area: StatisticsAreaView;
  /** The communes of the scope's province, for choosing an area. */
  communes: StatisticsAreaView[];
  blocks: StatisticsBlockView[];
  /** The months of the years the blocks cover. */
  trend: StatisticsTrendPointView[];
}
