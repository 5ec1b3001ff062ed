import { addDaysToDate, startOfVietnamDay, vietnamDateOf } from './calendar';
import type { WorkingCalendar } from './calendar';

/** A legal period: calendar days (Civil Code), hours, or working days. */
export type DeadlinePeriod =
  | { unit: 'days'; amount: number }
  | { unit: 'hours'; amount: number }
  | { unit: 'working_days'; amount: number };

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

function assertValidInstant(instant: Date, what: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${what} is not a valid Date.`);
  }
}

function instantOrThrow(ms: number): Date {
  const result = new Date(ms);
  // Date silently turns an overflow into an Invalid Date; a deadline must never be one.
  if (Number.isNaN(result.getTime())) {
    throw new RangeError('The resulting instant is out of range.');
  }
  return result;
}

// Civil Code Art. 148: a last day that is a weekend day or a holiday moves to the next working day.
// Terminates because a calendar lists finitely many days, so some later Monday-Friday is a working day.
function nextWorkingDayFrom(date: string, calendar: WorkingCalendar): string {
  let day = date;
  while (!calendar.isWorkingDay(day)) day = addDaysToDate(day, 1);
  return day;
}

// "Ends at 24:00 Vietnam time of the last day", stored as the exclusive instant 00:00 of the next day.
function endOfVietnamDay(date: string): Date {
  return startOfVietnamDay(addDaysToDate(date, 1));
}

/**
 * The instant a period started by `event` ends (exclusive: the deadline is met strictly before it).
 * - days (Civil Code 2015 Art. 147-148): the event's Vietnam day is not counted; the period ends at
 *   24:00 of the last day, or of the next working day when the last day is off.
 * - hours: run straight through nights, weekends and holidays.
 * - working_days: the event's day is not counted; only working days are counted.
 * An amount of 0 ends with the event's own day (rolled to the next working day if it is off).
 */
export function computeDueAt(event: Date, period: DeadlinePeriod, calendar: WorkingCalendar): Date {
  assertValidInstant(event, 'The event time');
  const { amount } = period;
  if (!Number.isInteger(amount) || amount < 0) {
    throw new RangeError('A period amount must be a whole number from 0.');
  }
  switch (period.unit) {
    case 'hours':
      return instantOrThrow(event.getTime() + amount * HOUR_MS);
    case 'days': {
      const lastDay = addDaysToDate(vietnamDateOf(event), amount);
      return endOfVietnamDay(nextWorkingDayFrom(lastDay, calendar));
    }
    case 'working_days': {
      let day = vietnamDateOf(event);
      for (let counted = 0; counted < amount; ) {
        day = addDaysToDate(day, 1);
        if (calendar.isWorkingDay(day)) counted += 1;
      }
      return endOfVietnamDay(nextWorkingDayFrom(day, calendar));
    }
    default: {
      // Periods can come from stored rows: an unknown unit must fail loudly, not count as something.
      const unknown: never = period;
      throw new RangeError(`Unknown period unit "${String((unknown as { unit: unknown }).unit)}".`);
    }
  }
}

/** The instant `ms` later (earlier when negative), e.g. a reminder 3 days before a due instant. */
export function addDuration(instant: Date, ms: number): Date {
  assertValidInstant(instant, 'The instant');
  if (!Number.isFinite(ms)) {
    throw new RangeError('A duration must be a finite number of milliseconds.');
  }
  return instantOrThrow(instant.getTime() + ms);
}

/** Time left until a due instant, split for display; the parts are absolute values. */
export interface TimeLeft {
  /** True from the due instant on (the due instant is exclusive). */
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
  /** Signed: dueAt − now, negative once overdue, for sorting. */
  totalMs: number;
}

/** Whole days, hours and minutes between now and the due instant, rounded down. */
export function timeLeft(now: Date, dueAt: Date): TimeLeft {
  assertValidInstant(now, 'The current time');
  assertValidInstant(dueAt, 'The due time');
  const totalMs = dueAt.getTime() - now.getTime();
  const absolute = Math.abs(totalMs);
  return {
    overdue: totalMs <= 0,
    days: Math.floor(absolute / DAY_MS),
    hours: Math.floor((absolute % DAY_MS) / HOUR_MS),
    minutes: Math.floor((absolute % HOUR_MS) / MINUTE_MS),
    totalMs,
  };
}
