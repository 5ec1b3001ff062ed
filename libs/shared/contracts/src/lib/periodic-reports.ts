import type { PeriodicReportKind, PeriodicReportStatus } from '@caunoi/shared/domain';
import type { StatisticsBlockView } from './statistics';

/** One report of a province's year, as the calendar screen shows it. */
export interface ReportCalendarEntryView {
  kind: PeriodicReportKind;
  /** The last day (`YYYY-MM-DD`) as set: the seeds' default or an admin's change. */
  dueOn: string;
  /** The instant it is late from, by the Civil Code rule over the holiday calendar. */
  dueAt: string;
  periodFrom: string;
  periodTo: string;
  /** True when an admin changed this entry; false when it follows the defaults. */
  configured: boolean;
}

export interface ReportCalendarView {
  provinceCode: string;
  year: number;
  entries: ReportCalendarEntryView[];
}

export interface UpdateReportCalendarEntryRequest {
  dueOn: string;
  periodFrom: string;
  periodTo: string;
}

/**
 * A centre's periodic report to its province. Its tables are the centre's protected aggregates for
 * the entry's months, fixed when the report was drafted (counts 1–4 are already `<5`); the narrative
 * is the centre's words. No survivor data.
 */
export interface PeriodicReportView {
  id: string;
  agencyId: string;
  agencyName: string;
  provinceCode: string;
  year: number;
  kind: PeriodicReportKind;
  /** The calendar entry as it stood when the report was drafted. */
  dueOn: string;
  periodFrom: string;
  periodTo: string;
  status: PeriodicReportStatus;
  tables: StatisticsBlockView[];
  narrative: string | null;
  draftedAt: string;
  approvedAt: string | null;
  submittedAt: string | null;
  /** Whether it was submitted by its due instant; null until submitted. */
  onTime: boolean | null;
  acknowledgedAt: string | null;
  recipientAgencyId: string | null;
}

export interface PeriodicReportListView {
  items: PeriodicReportView[];
}

export interface DraftPeriodicReportRequest {
  year: number;
  kind: PeriodicReportKind;
  narrative?: string | null;
}

export interface UpdatePeriodicReportRequest {
  narrative: string | null;
}

/** `GET /api/periodic-reports/consolidated?year=&kind=` (reporting officers). */
export interface ConsolidatedReportQuery {
  year: number;
  kind: PeriodicReportKind;
}

/** One centre's report as the province received it. */
export interface ConsolidatedCentreView {
  reportId: string;
  agencyId: string;
  agencyName: string;
  status: PeriodicReportStatus;
  submittedAt: string | null;
  onTime: boolean | null;
}

/**
 * The province's consolidated report for one calendar entry: the centres' reports submitted to the
 * officer's agency, and the province's own tables for the entry's months, counted and protected at
 * the province level (a sum of centres' tables cannot be published: a "<5" cannot be added up).
 */
export interface ConsolidatedReportView {
  provinceCode: string;
  provinceAuthority: string;
  year: number;
  kind: PeriodicReportKind;
  dueOn: string;
  periodFrom: string;
  periodTo: string;
  centres: ConsolidatedCentreView[];
  tables: StatisticsBlockView[];
}
