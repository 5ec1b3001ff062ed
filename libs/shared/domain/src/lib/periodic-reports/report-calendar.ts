import { daysBetween, isValidCalendarDate, startOfVietnamDay } from '../deadlines/calendar';
import type { WorkingCalendar } from '../deadlines/calendar';
import type { DeadlinePeriod } from '../deadlines/deadline-arithmetic';
import { computeDueAt } from '../deadlines/deadline-arithmetic';
import { parseYearMonth } from '../statistics/periods';

/**
 * The periodic reports a social-work centre owes its province each year (DOMAIN.md §2):
 * - `half_year`: the 6-month report, by 15/05 (seed 004);
 * - `annual`: the annual report, by 15/11 (seed 004);
 * - `provincial_annual`: the input to the province's annual report, by 05/12 (seed 003);
 * - `consolidated`: the consolidated statistics of the year, by 15/12 (seed 002);
 * - `action_month`: the results of the action month (15/11-15/12), by 18/12 (seeds 000, 002).
 */
export const PERIODIC_REPORT_KINDS = [
  'half_year',
  'annual',
  'provincial_annual',
  'consolidated',
  'action_month',
] as const;
export type PeriodicReportKind = (typeof PERIODIC_REPORT_KINDS)[number];

/** One report of one province's year: when it is due and the months its tables count. */
export interface ReportCalendarEntry {
  kind: PeriodicReportKind;
  /** The last day to submit (`YYYY-MM-DD`, Vietnam); the Civil Code rule may move the end later. */
  dueOn: string;
  /** First and last month the report's statistics cover (`YYYY-MM`, both included). */
  periodFrom: string;
  periodTo: string;
}

interface DefaultRule {
  /** Month and day of the due date in the report's year. */
  due: [month: number, day: number];
  /** Months covered, relative to January of the report's year (-1 = December of the year before). */
  months: [from: number, to: number];
}

/**
 * The seeds fix the due dates; the months covered are our design (docs/periodic-reports.md): the whole
 * months before the due month (the data cut-off), except the action month, which covers itself.
 */
const DEFAULTS: Readonly<Record<PeriodicReportKind, DefaultRule>> = {
  half_year: { due: [5, 15], months: [-2, 3] }, // Nov-Apr
  annual: { due: [11, 15], months: [-2, 9] }, // Nov-Oct
  provincial_annual: { due: [12, 5], months: [-1, 10] }, // Dec-Nov
  consolidated: { due: [12, 15], months: [-1, 10] }, // Dec-Nov
  action_month: { due: [12, 18], months: [10, 11] }, // Nov-Dec
};

function monthOf(year: number, offset: number): string {
  const at = year * 12 + offset;
  return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
}

/** The calendar every province follows until an admin changes an entry. */
export function defaultReportCalendar(year: number): ReportCalendarEntry[] {
  return PERIODIC_REPORT_KINDS.map((kind) => {
    const { due, months } = DEFAULTS[kind];
    return {
      kind,
      dueOn: `${year}-${String(due[0]).padStart(2, '0')}-${String(due[1]).padStart(2, '0')}`,
      periodFrom: monthOf(year, months[0]),
      periodTo: monthOf(year, months[1]),
    };
  });
}

/** Years a report calendar may be kept for. */
export const REPORT_CALENDAR_YEARS = { min: 2020, max: 2100 } as const;

/** A report covers at most two years of months. */
export const MAX_REPORT_PERIOD_MONTHS = 24;

export type ReportCalendarProblem =
  | { field: 'dueOn'; code: 'invalid_date' | 'due_outside_years' }
  | { field: 'periodFrom' | 'periodTo'; code: 'invalid_month' }
  | { field: 'periodTo'; code: 'period_reversed' | 'period_too_long' };

/**
 * Why an admin's entry for `year` is refused, or null. The due date falls in the report's year or the
 * next (a late cut-off); the months covered are a run of at most 24 whole months.
 */
export function reportCalendarProblem(
  year: number,
  entry: Pick<ReportCalendarEntry, 'dueOn' | 'periodFrom' | 'periodTo'>,
): ReportCalendarProblem | null {
  if (!isValidCalendarDate(entry.dueOn)) return { field: 'dueOn', code: 'invalid_date' };
  if (entry.dueOn < `${year}-01-01` || entry.dueOn > `${year + 1}-12-31`) {
    return { field: 'dueOn', code: 'due_outside_years' };
  }
  const from = parseYearMonth(entry.periodFrom);
  const to = parseYearMonth(entry.periodTo);
  if (from === null) return { field: 'periodFrom', code: 'invalid_month' };
  if (to === null) return { field: 'periodTo', code: 'invalid_month' };
  if (to < from) return { field: 'periodTo', code: 'period_reversed' };
  if (to - from + 1 > MAX_REPORT_PERIOD_MONTHS)
    return { field: 'periodTo', code: 'period_too_long' };
  return null;
}

/**
 * A report's clock as a day period (Civil Code 2015 Art. 147-148), so that it is counted, and
 * recounted after a holiday change, like every other day clock: it starts at 00:00 of 1 January of the
 * report's year and runs to 24:00 of the due date, or of the next working day when that day is off.
 */
export function reportClockPeriod(
  year: number,
  dueOn: string,
): { startedAt: Date; period: DeadlinePeriod } {
  const start = `${year}-01-01`;
  const amount = daysBetween(start, dueOn);
  if (amount < 0) throw new RangeError('A report cannot be due before its year starts.');
  return { startedAt: startOfVietnamDay(start), period: { unit: 'days', amount } };
}

/** The instant a report due on `dueOn` is late from (exclusive). */
export function reportDueAt(year: number, dueOn: string, calendar: WorkingCalendar): Date {
  const { startedAt, period } = reportClockPeriod(year, dueOn);
  return computeDueAt(startedAt, period, calendar);
}
