import { TestBed } from '@angular/core/testing';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { vietnamDateOf } from '@caunoi/shared/domain';
import { TranslationService } from '../../core/i18n/translation.service';
import { provideCalendarDays } from './calendar-day-adapter';

describe('CalendarDayAdapter', () => {
  let adapter: DateAdapter<string>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideCalendarDays() });
    adapter = TestBed.inject(DateAdapter<string>);
  });

  it.each([
    ['05/12/2026', '2026-12-05'],
    ['5/1/2027', '2027-01-05'],
    ['29.02.2028', '2028-02-29'],
    ['2026-12-05', '2026-12-05'],
    [' 31/12/2026 ', '2026-12-31'],
  ])('reads %s, typed the Vietnamese way or as ISO, as the day %s', (typed, day) => {
    expect(adapter.parse(typed, 'dd/MM/yyyy')).toBe(day);
  });

  it.each(['31/04/2026', '29/02/2026', '12/31/2026', 'hôm qua', '2026-13-01'])(
    'refuses %s, which names no day',
    (typed) => {
      const parsed = adapter.parse(typed, 'dd/MM/yyyy');
      expect(parsed === null ? false : adapter.isValid(parsed)).toBe(false);
    },
  );

  it('reads an empty field as no day', () => {
    expect(adapter.parse('', 'dd/MM/yyyy')).toBeNull();
  });

  it('shows a day as dd/MM/yyyy and the calendar header as MM/yyyy', () => {
    expect(adapter.format('2026-01-09', 'dd/MM/yyyy')).toBe('09/01/2026');
    expect(adapter.format('2026-01-09', 'MM/yyyy')).toBe('01/2026');
  });

  it('counts months and days the calendar way: 31 January plus a month is the end of February', () => {
    expect(adapter.addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(adapter.addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(adapter.addCalendarYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(adapter.addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(adapter.addCalendarDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(adapter.getNumDaysInMonth('2028-02-10')).toBe(29);
  });

  it('starts the week on Monday and knows the weekday (5 December 2026 is a Saturday)', () => {
    expect(adapter.getFirstDayOfWeek()).toBe(1);
    expect(adapter.getDayOfWeek('2026-12-05')).toBe(6);
    expect(adapter.getDayOfWeekNames('long')).toHaveLength(7);
  });

  it('names the months in the UI language', () => {
    TestBed.inject(TranslationService).use('en');
    expect(adapter.getMonthNames('long')[11]).toBe('December');
    TestBed.inject(TranslationService).use('vi');
    expect(adapter.getMonthNames('long')[11]).toMatch(/12/);
  });

  it('takes the form value as it is: empty is no day, a valid ISO day stays, anything else is invalid', () => {
    expect(adapter.deserialize('')).toBeNull();
    expect(adapter.deserialize('2026-12-05')).toBe('2026-12-05');
    expect(adapter.isValid(adapter.deserialize('2026-02-30') as string)).toBe(false);
    expect(adapter.today()).toBe(vietnamDateOf(new Date()));
  });

  it('labels the calendar button in the UI language', () => {
    expect(TestBed.inject(MatDatepickerIntl).openCalendarLabel).toBe('Mở lịch');
  });
});
