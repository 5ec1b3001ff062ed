import { VIETNAM_TIME_ZONE } from '../time/vietnam-time';
import {
  WorkingCalendar,
  addDaysToDate,
  daysBetween,
  isValidCalendarDate,
  startOfVietnamDay,
  vietnamDateOf,
  weekdayOf,
} from './calendar';
import type { CalendarDay, CalendarDayKind } from './calendar';

describe('isValidCalendarDate', () => {
  it.each([
    ['2026-02-28'],
    ['2028-02-29'],
    ['2000-02-29'],
    ['2026-12-31'],
    ['0001-01-01'],
    ['9999-12-31'],
  ])('accepts %s', (date) => {
    expect(isValidCalendarDate(date)).toBe(true);
  });

  it.each([
    ['2026-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['0000-01-01', 'year 0'],
    ['2026-1-05', 'unpadded month'],
    ['26-01-05', 'two-digit year'],
    ['2026-01-05T00:00', 'a date-time'],
    [' 2026-01-05', 'leading space'],
    ['2026/01/05', 'slashes'],
    ['', 'empty'],
  ])('rejects %s (%s)', (date) => {
    expect(isValidCalendarDate(date)).toBe(false);
  });
});

describe('weekdayOf', () => {
  it.each([
    ['2026-03-02', 1],
    ['2026-03-03', 2],
    ['2026-03-04', 3],
    ['2026-03-05', 4],
    ['2026-03-06', 5],
    ['2026-03-07', 6],
    ['2026-03-08', 0],
    ['2026-01-01', 4],
    ['2026-02-17', 2],
    ['2026-04-26', 0],
    ['2028-02-29', 2],
    ['2000-01-01', 6],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['0001-01-01', 1],
    ['9999-12-31', 5],
  ])('%s is weekday %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it('rejects an invalid date', () => {
    expect(() => weekdayOf('2026-02-30')).toThrow(RangeError);
  });
});

describe('addDaysToDate', () => {
  it.each([
    ['2026-03-02', 10, '2026-03-12'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-01-31', 10, '2026-02-10'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2026-12-25', 10, '2027-01-04'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 366, '2029-01-01'],
    ['0099-12-31', 1, '0100-01-01'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDaysToDate(date, days)).toBe(expected);
    // daysBetween is its inverse, across months, leap days and years.
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['2026-02-30', 1, 'an invalid date'],
    ['2026-03-02', 1.5, 'a fractional number of days'],
    ['2026-03-02', Number.NaN, 'NaN days'],
    ['2026-03-02', Number.POSITIVE_INFINITY, 'infinite days'],
    ['9999-12-31', 1, 'a result after year 9999'],
    ['0001-01-01', -1, 'a result before year 1'],
  ])('rejects %s + %p (%s)', (date, days) => {
    expect(() => addDaysToDate(date, days)).toThrow(RangeError);
  });
});

describe('vietnamDateOf', () => {
  it.each([
    ['2026-03-02T16:59:59.999Z', '2026-03-02', '23:59:59.999 in Vietnam'],
    ['2026-03-02T17:00:00.000Z', '2026-03-03', 'midnight in Vietnam'],
    ['2026-03-02T16:30:00.000Z', '2026-03-02', '23:30 in Vietnam'],
    ['2026-03-02T17:30:00.000Z', '2026-03-03', '00:30 in Vietnam, same UTC date'],
    ['2026-03-02T00:00:00.000Z', '2026-03-02', '07:00 in Vietnam'],
    ['2026-12-31T17:00:00.000Z', '2027-01-01', 'new year in Vietnam, still 2026 in UTC'],
    ['2028-02-28T17:00:00.000Z', '2028-02-29', 'leap day begins in Vietnam'],
    ['1969-12-31T17:00:00.000Z', '1970-01-01', 'before the epoch'],
  ])('%s is %s (%s)', (iso, expected) => {
    expect(vietnamDateOf(new Date(iso))).toBe(expected);
  });

  it('agrees with Intl for Asia/Ho_Chi_Minh around the clock and the year', () => {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: VIETNAM_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const intlDate = (instant: Date): string => {
      const parts = format.formatToParts(instant);
      const part = (type: Intl.DateTimeFormatPartTypes): string =>
        parts.find((p) => p.type === type)?.value ?? '';
      return `${part('year')}-${part('month')}-${part('day')}`;
    };
    const start = Date.parse('2025-12-20T00:00:00Z');
    const end = Date.parse('2028-03-10T00:00:00Z');
    // A step of 7 h 13 min visits every hour of the day across the span.
    let checked = 0;
    for (let t = start; t < end; t += (7 * 60 + 13) * 60 * 1000) {
      const instant = new Date(t);
      expect(vietnamDateOf(instant)).toBe(intlDate(instant));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('rejects an invalid Date', () => {
    expect(() => vietnamDateOf(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('startOfVietnamDay', () => {
  it.each([
    ['2026-03-13', '2026-03-12T17:00:00.000Z'],
    ['2026-01-01', '2025-12-31T17:00:00.000Z'],
    ['2028-02-29', '2028-02-28T17:00:00.000Z'],
    ['2026-02-24', '2026-02-23T17:00:00.000Z'],
  ])('%s starts at %s', (date, iso) => {
    expect(startOfVietnamDay(date).toISOString()).toBe(iso);
  });

  it.each([['2026-03-02'], ['2026-12-31'], ['2028-02-29'], ['2027-01-01']])(
    'round-trips %s and the millisecond before is the previous day',
    (date) => {
      const start = startOfVietnamDay(date);
      expect(vietnamDateOf(start)).toBe(date);
      expect(vietnamDateOf(new Date(start.getTime() - 1))).toBe(addDaysToDate(date, -1));
    },
  );

  it('rejects an invalid date', () => {
    expect(() => startOfVietnamDay('2026-02-29')).toThrow(RangeError);
  });
});

describe('WorkingCalendar', () => {
  const days: CalendarDay[] = [
    { date: '2026-04-30', kind: 'public_holiday', name: 'Ngày Chiến thắng (30/4)' },
    { date: '2026-04-27', kind: 'compensatory_day_off', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
    { date: '2026-03-14', kind: 'makeup_working_day', name: 'Làm bù' },
    { date: '2026-03-07', kind: 'public_holiday', name: 'Ngày lễ rơi vào thứ Bảy' },
  ];
  const calendar = new WorkingCalendar(days);

  it.each([
    ['2026-03-09', true, 'an ordinary Monday'],
    ['2026-03-13', true, 'an ordinary Friday'],
    ['2026-03-08', false, 'a Sunday'],
    ['2026-03-21', false, 'an ordinary Saturday'],
    ['2026-04-30', false, 'a public holiday on a Thursday'],
    ['2026-04-27', false, 'a compensatory day off on a Monday'],
    ['2026-03-14', true, 'a makeup working Saturday'],
    ['2026-03-07', false, 'a public holiday on a Saturday'],
  ])('%s is a working day: %p (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
    expect(calendar.isDayOff(date)).toBe(!working);
  });

  it('with no entries works exactly Monday to Friday', () => {
    const empty = new WorkingCalendar([]);
    for (let i = 0; i < 14; i += 1) {
      const date = addDaysToDate('2026-03-02', i);
      const weekday = weekdayOf(date);
      expect(empty.isWorkingDay(date)).toBe(weekday >= 1 && weekday <= 5);
    }
  });

  it('is not changed by later changes to the array or objects it was built from', () => {
    const source: CalendarDay[] = [{ date: '2026-03-10', kind: 'public_holiday', name: 'X' }];
    const built = new WorkingCalendar(source);
    source[0].kind = 'makeup_working_day';
    source.push({ date: '2026-03-11', kind: 'public_holiday', name: 'Y' });
    expect(built.isDayOff('2026-03-10')).toBe(true);
    expect(built.isWorkingDay('2026-03-11')).toBe(true);
  });

  it.each<[string, CalendarDay[]]>([
    ['an invalid date', [{ date: '2026-02-29', kind: 'public_holiday', name: 'X' }]],
    [
      'an unknown kind',
      [{ date: '2026-03-10', kind: 'bank_holiday' as unknown as CalendarDayKind, name: 'X' }],
    ],
    [
      'a duplicate date',
      [
        { date: '2026-03-10', kind: 'public_holiday', name: 'X' },
        { date: '2026-03-10', kind: 'makeup_working_day', name: 'Y' },
      ],
    ],
  ])('refuses %s', (_label, entries) => {
    expect(() => new WorkingCalendar(entries)).toThrow(RangeError);
  });

  it('refuses to answer for an invalid date', () => {
    expect(() => calendar.isWorkingDay('2026-13-01')).toThrow(RangeError);
    expect(() => calendar.isDayOff('')).toThrow(RangeError);
  });
});
