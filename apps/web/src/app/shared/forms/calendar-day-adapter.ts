import type { Provider } from '@angular/core';
import { Injectable, inject } from '@angular/core';
import type { MatDateFormats } from '@angular/material/core';
import { DateAdapter, MAT_DATE_FORMATS } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { vietnamDateOf } from '@caunoi/shared/domain';
import { TranslationService } from '../../core/i18n/translation.service';

/**
 * The Material datepicker over calendar days as the API speaks them: `YYYY-MM-DD` strings, no time
 * and no zone, so a form's value is what it sends and a day never shifts across midnight UTC. People
 * type and read `dd/MM/yyyy` (Vietnamese order, whatever the UI language); an ISO day typed or pasted
 * is understood too. The week starts on Monday; "today" is today in Vietnam.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
const INVALID = 'invalid';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(day: string): { year: number; month: number; date: number } {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`not a calendar day: ${day}`);
  return { year: Number(match[1]), month: Number(match[2]) - 1, date: Number(match[3]) };
}

const asUtc = (day: string) => {
  const { year, month, date } = parts(day);
  return new Date(Date.UTC(year, month, date));
};

/** A day from year, zero-based month and date; null when they name no real day (31 April). */
function dayOf(year: number, month: number, date: number): string | null {
  const d = new Date(Date.UTC(year, month, date));
  if (year < 1 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month) return null;
  if (d.getUTCDate() !== date) return null;
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(date)}`;
}

const fromUtc = (d: Date) =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

export const CALENDAR_DAY_FORMATS: MatDateFormats = {
  parse: { dateInput: 'dd/MM/yyyy' },
  display: {
    dateInput: 'dd/MM/yyyy',
    monthYearLabel: 'MM/yyyy',
    dateA11yLabel: 'long',
    monthYearA11yLabel: 'month-year-long',
  },
};

@Injectable()
export class CalendarDayAdapter extends DateAdapter<string, string> {
  private readonly translation = inject(TranslationService);

  /** Month and weekday names in the UI's language; the digits stay in Vietnamese order. */
  private intl(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return new Intl.DateTimeFormat(this.translation.language(), { ...options, timeZone: 'UTC' });
  }

  getYear(day: string): number {
    return parts(day).year;
  }

  getMonth(day: string): number {
    return parts(day).month;
  }

  getDate(day: string): number {
    return parts(day).date;
  }

  getDayOfWeek(day: string): number {
    return asUtc(day).getUTCDay();
  }

  getMonthNames(style: 'long' | 'short' | 'narrow'): string[] {
    const format = this.intl({ month: style });
    return Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2017, m, 1))));
  }

  getDateNames(): string[] {
    return Array.from({ length: 31 }, (_, i) => String(i + 1));
  }

  getDayOfWeekNames(style: 'long' | 'short' | 'narrow'): string[] {
    const format = this.intl({ weekday: style });
    // 1 January 2017 was a Sunday: index 0 is Sunday, as the adapter contract wants.
    return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2017, 0, 1 + i))));
  }

  getYearName(day: string): string {
    return String(this.getYear(day));
  }

  getFirstDayOfWeek(): number {
    return 1;
  }

  getNumDaysInMonth(day: string): number {
    const { year, month } = parts(day);
    return daysInMonth(year, month);
  }

  clone(day: string): string {
    return day;
  }

  createDate(year: number, month: number, date: number): string {
    const day = dayOf(year, month, date);
    if (!day) throw new RangeError(`no such day: ${year}-${month + 1}-${date}`);
    return day;
  }

  today(): string {
    return vietnamDateOf(new Date());
  }

  parse(value: unknown): string | null {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value !== 'string') return INVALID;
    const iso = DAY.exec(value.trim());
    if (iso) return dayOf(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) ?? INVALID;
    const typed = TYPED.exec(value);
    if (!typed) return INVALID;
    return dayOf(Number(typed[3]), Number(typed[2]) - 1, Number(typed[1])) ?? INVALID;
  }

  format(day: string, displayFormat: string): string {
    if (!this.isValid(day)) throw new RangeError('cannot format an invalid day');
    const { year, month, date } = parts(day);
    switch (displayFormat) {
      case 'MM/yyyy':
        return `${pad(month + 1)}/${year}`;
      case 'long':
        return this.intl({ day: 'numeric', month: 'long', year: 'numeric' }).format(asUtc(day));
      case 'month-year-long':
        return this.intl({ month: 'long', year: 'numeric' }).format(asUtc(day));
      default:
        return `${pad(date)}/${pad(month + 1)}/${year}`;
    }
  }

  addCalendarYears(day: string, years: number): string {
    return this.addCalendarMonths(day, years * 12);
  }

  addCalendarMonths(day: string, months: number): string {
    const { year, month, date } = parts(day);
    const target = new Date(Date.UTC(year, month + months, 1));
    const y = target.getUTCFullYear();
    const m = target.getUTCMonth();
    // 31 January plus a month is the end of February, as in every calendar app.
    return this.createDate(y, m, Math.min(date, daysInMonth(y, m)));
  }

  addCalendarDays(day: string, days: number): string {
    const d = asUtc(day);
    d.setUTCDate(d.getUTCDate() + days);
    return fromUtc(d);
  }

  toIso8601(day: string): string {
    return day;
  }

  /** An empty form value is no day yet, not an invalid one (the field stays clean until typed in). */
  override deserialize(value: unknown): string | null {
    return value === '' ? null : super.deserialize(value);
  }

  isDateInstance(value: unknown): boolean {
    return typeof value === 'string';
  }

  isValid(day: string): boolean {
    const match = DAY.exec(day);
    return !!match && dayOf(Number(match[1]), Number(match[2]) - 1, Number(match[3])) === day;
  }

  invalid(): string {
    return INVALID;
  }
}

/** The datepicker's button and calendar labels, read by screen readers, in the UI's language. */
@Injectable()
export class TranslatedDatepickerIntl extends MatDatepickerIntl {
  constructor() {
    super();
    const translation = inject(TranslationService);
    this.calendarLabel = translation.t('datepicker.calendar');
    this.openCalendarLabel = translation.t('datepicker.open');
    this.closeCalendarLabel = translation.t('datepicker.close');
    this.prevMonthLabel = translation.t('datepicker.prevMonth');
    this.nextMonthLabel = translation.t('datepicker.nextMonth');
    this.prevYearLabel = translation.t('datepicker.prevYear');
    this.nextYearLabel = translation.t('datepicker.nextYear');
    this.prevMultiYearLabel = translation.t('datepicker.prevMultiYear');
    this.nextMultiYearLabel = translation.t('datepicker.nextMultiYear');
    this.switchToMonthViewLabel = translation.t('datepicker.switchToMonthView');
    this.switchToMultiYearViewLabel = translation.t('datepicker.switchToMultiYearView');
  }
}

/** What a component with a datepicker over calendar days provides (its form values stay `YYYY-MM-DD`). */
export function provideCalendarDays(): Provider[] {
  return [
    { provide: DateAdapter, useClass: CalendarDayAdapter },
    { provide: MAT_DATE_FORMATS, useValue: CALENDAR_DAY_FORMATS },
    { provide: MatDatepickerIntl, useClass: TranslatedDatepickerIntl },
  ];
}
