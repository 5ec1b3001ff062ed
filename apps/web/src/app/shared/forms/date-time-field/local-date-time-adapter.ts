import { Injectable } from '@angular/core';
import type { MatDateFormats } from '@angular/material/core';
import { CalendarDayAdapter } from '../calendar-day-adapter';

/**
 * The adapter of `cn-date-time-field`: the datepicker and the timepicker over the strings a
 * `datetime-local` input used to give, `YYYY-MM-DDTHH:mm` in Vietnam time (no zone, no seconds),
 * or a bare `YYYY-MM-DD` when only the day is known. Days behave as in `CalendarDayAdapter`
 * (`dd/MM/yyyy`, an ISO day typed is understood); times are 24-hour `HH:mm`, and `9h30`, `930` or
 * `9` typed are understood too.
 */
const AT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/;
const TYPED_TIME = /^\s*(\d{1,2})(?:\s*[:hg.]\s*(\d{2})?)?\s*$/i;
const COMPACT_TIME = /^\s*(\d{1,2})(\d{2})\s*$/;
const TYPED_AT = /^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*$/;
const INVALID = 'invalid';
const pad = (n: number) => String(n).padStart(2, '0');

export const TIME_FORMAT = 'HH:mm';

export const LOCAL_DATE_TIME_FORMATS: MatDateFormats = {
  parse: { dateInput: 'dd/MM/yyyy', timeInput: TIME_FORMAT },
  display: {
    dateInput: 'dd/MM/yyyy',
    monthYearLabel: 'MM/yyyy',
    dateA11yLabel: 'long',
    monthYearA11yLabel: 'month-year-long',
    timeInput: TIME_FORMAT,
    timeOptionLabel: TIME_FORMAT,
  },
};

/** The day of a value (`YYYY-MM-DD`), or the value itself when it is not one. */
export function dayOf(value: string): string {
  return AT.exec(value)?.[1] ?? value;
}

/** `HH:mm` of a value, or null when it carries no time. */
export function timeOf(value: string): string | null {
  const match = AT.exec(value);
  return match?.[2] ? `${match[2]}:${match[3]}` : null;
}

function validTime(hours: number, minutes: number): boolean {
  return hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60;
}

@Injectable()
export class LocalDateTimeAdapter extends CalendarDayAdapter {
  override getYear(value: string): number {
    return super.getYear(dayOf(value));
  }

  override getMonth(value: string): number {
    return super.getMonth(dayOf(value));
  }

  override getDate(value: string): number {
    return super.getDate(dayOf(value));
  }

  override getDayOfWeek(value: string): number {
    return super.getDayOfWeek(dayOf(value));
  }

  override getNumDaysInMonth(value: string): number {
    return super.getNumDaysInMonth(dayOf(value));
  }

  override addCalendarYears(value: string, years: number): string {
    return super.addCalendarYears(dayOf(value), years);
  }

  override addCalendarMonths(value: string, months: number): string {
    return super.addCalendarMonths(dayOf(value), months);
  }

  override addCalendarDays(value: string, days: number): string {
    return super.addCalendarDays(dayOf(value), days);
  }

  /** A whole date and time pasted or typed (`2026-05-01T10:30`) is kept whole. */
  override parse(value: unknown): string | null {
    if (typeof value === 'string') {
      const at = TYPED_AT.exec(value);
      if (at) {
        const day = super.parse(at[1]);
        const [hours, minutes] = [Number(at[2]), Number(at[3])];
        if (!day || day === INVALID || !validTime(hours, minutes)) return INVALID;
        return `${day}T${at[2]}:${at[3]}`;
      }
    }
    return super.parse(value);
  }

  override format(value: string, displayFormat: string): string {
    if (displayFormat === TIME_FORMAT) {
      if (!this.isValid(value)) throw new RangeError('cannot format an invalid time');
      return timeOf(value) ?? '00:00';
    }
    return super.format(dayOf(value), displayFormat);
  }

  override toIso8601(value: string): string {
    return value;
  }

  override isValid(value: string): boolean {
    const match = AT.exec(value);
    if (!match || !super.isValid(match[1])) return false;
    return !match[2] || validTime(Number(match[2]), Number(match[3]));
  }

  override setTime(target: string, hours: number, minutes: number): string {
    if (!validTime(hours, minutes)) throw new RangeError(`no such time: ${hours}:${minutes}`);
    return `${dayOf(target)}T${pad(hours)}:${pad(minutes)}`;
  }

  override getHours(value: string): number {
    return Number((timeOf(value) ?? '00:00').slice(0, 2));
  }

  override getMinutes(value: string): number {
    return Number((timeOf(value) ?? '00:00').slice(3, 5));
  }

  override getSeconds(): number {
    return 0;
  }

  /** `HH:mm` typed (or `9h30`, `9.30`, `930`, `9`) on today; text that names no time is invalid. */
  override parseTime(value: unknown): string | null {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value !== 'string') return INVALID;
    const typed = TYPED_TIME.exec(value) ?? COMPACT_TIME.exec(value);
    if (!typed) return INVALID;
    const [hours, minutes] = [Number(typed[1]), Number(typed[2] ?? 0)];
    return validTime(hours, minutes) ? this.setTime(this.today(), hours, minutes) : INVALID;
  }

  override addSeconds(value: string, seconds: number): string {
    const [hours, minutes] = [this.getHours(value), this.getMinutes(value)];
    const total = hours * 60 + minutes + Math.trunc(seconds / 60);
    const days = Math.floor(total / (24 * 60));
    const within = total - days * 24 * 60;
    return this.setTime(
      days === 0 ? value : this.addCalendarDays(value, days),
      Math.floor(within / 60),
      within % 60,
    );
  }
}
