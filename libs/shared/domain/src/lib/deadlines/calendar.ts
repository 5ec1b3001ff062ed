import { parseCalendarDate } from '../intake/calendar-date';

/**
 * Vietnam calendar dates (`YYYY-MM-DD`) and the working-day calendar that legal clocks count on.
 * Every function here is pure and ignores the machine's time zone: dates are handled as day numbers
 * in UTC, and Vietnam instants are derived from one fixed offset.
 */

/**
 * Asia/Ho_Chi_Minh has been UTC+7 all year, without daylight saving, since 1975. Hard-coding the
 * offset keeps the arithmetic independent of the host's time-zone data; a spec cross-checks it
 * against Intl with `VIETNAM_TIME_ZONE`.
 */
const VIETNAM_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

export type CalendarDayKind = 'public_holiday' | 'compensatory_day_off' | 'makeup_working_day';

const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = [
  'public_holiday',
  'compensatory_day_off',
  'makeup_working_day',
];

export interface CalendarDay {
  /** `YYYY-MM-DD`, a day of the Vietnam calendar. */
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** True when the text is `YYYY-MM-DD` and names a real day between 0001-01-01 and 9999-12-31. */
export function isValidCalendarDate(date: string): boolean {
  return parseCalendarDate(date) !== null;
}

// Days since 1970-01-01. setUTCFullYear is used because Date.UTC maps years 0-99 to 1900-1999.
function toDayNumber(date: string): number {
  const parsed = parseCalendarDate(date);
  if (parsed === null) {
    throw new RangeError(`"${date}" is not a real YYYY-MM-DD date.`);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(parsed.year, parsed.month - 1, parsed.day);
  return Math.round(utc.getTime() / DAY_MS);
}

function fromDayNumber(dayNumber: number): string {
  const utc = new Date(dayNumber * DAY_MS);
  const year = utc.getUTCFullYear();
  // Outside 0001-9999 a date has no YYYY-MM-DD spelling; refuse rather than write a wrong one.
  if (Number.isNaN(year) || year < 1 || year > 9999) {
    throw new RangeError('The date is outside the years 0001-9999.');
  }
  const month = String(utc.getUTCMonth() + 1).padStart(2, '0');
  const day = String(utc.getUTCDate()).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${month}-${day}`;
}

function assertValidInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('The instant is not a valid Date.');
  }
}

/** The Vietnam calendar date (`YYYY-MM-DD`) on which the instant falls. */
export function vietnamDateOf(instant: Date): string {
  assertValidInstant(instant);
  return fromDayNumber(Math.floor((instant.getTime() + VIETNAM_UTC_OFFSET_MS) / DAY_MS));
}

/** The instant of 00:00 Vietnam time on the date. */
export function startOfVietnamDay(date: string): Date {
  return new Date(toDayNumber(date) * DAY_MS - VIETNAM_UTC_OFFSET_MS);
}

/** The date `days` calendar days later (earlier when negative). */
export function addDaysToDate(date: string, days: number): string {
  if (!Number.isInteger(days)) {
    throw new RangeError('A number of days must be a whole number.');
  }
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function weekdayOf(date: string): number {
  // Day 0 (1970-01-01) was a Thursday; the double modulo keeps dates before 1970 non-negative.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/**
 * The working-day calendar: Monday-Friday work unless the date is a public holiday or a
 * compensatory day off; a makeup working day (usually a Saturday swapped to bridge a holiday) works.
 */
export class WorkingCalendar {
  private readonly days: ReadonlyMap<string, CalendarDay>;

  constructor(days: readonly CalendarDay[]) {
    const byDate = new Map<string, CalendarDay>();
    for (const day of days) {
      if (!isValidCalendarDate(day.date)) {
        throw new RangeError(`Calendar day "${day.date}" is not a real YYYY-MM-DD date.`);
      }
      if (!CALENDAR_DAY_KINDS.includes(day.kind)) {
        throw new RangeError(`Calendar day ${day.date} has an unknown kind "${String(day.kind)}".`);
      }
      // Two entries for one date would make the answer depend on their order: refuse instead.
      if (byDate.has(day.date)) {
        throw new RangeError(`Calendar day ${day.date} is listed more than once.`);
      }
      // A copy, so a caller mutating its array or objects later cannot move a deadline silently.
      byDate.set(day.date, { date: day.date, kind: day.kind, name: day.name });
    }
    this.days = byDate;
  }

  isWorkingDay(date: string): boolean {
    const weekday = weekdayOf(date);
    const entry = this.days.get(date);
    if (entry !== undefined) return entry.kind === 'makeup_working_day';
    return weekday >= 1 && weekday <= 5;
  }

  isDayOff(date: string): boolean {
    return !this.isWorkingDay(date);
  }
}
