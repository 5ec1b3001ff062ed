import type { PeriodicReportKind } from '@caunoi/shared/domain';

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
