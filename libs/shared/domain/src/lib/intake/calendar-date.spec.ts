import { compareCalendarDates, daysInMonth, isLeapYear, parseCalendarDate } from './calendar-date';

describe('isLeapYear', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
  ])('%i → %p', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });
});

describe('daysInMonth', () => {
  it('knows every month of a common and a leap year', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});

describe('parseCalendarDate', () => {
  it.each([
    ['2026-01-31', { year: 2026, month: 1, day: 31 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['1950-12-01', { year: 1950, month: 12, day: 1 }],
  ])('reads %s', (text, date) => {
    expect(parseCalendarDate(text)).toEqual(date);
  });

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '0000-01-01',
    '2026-1-5',
    '26-01-05',
    '2026/01/05',
    '05-01-2026',
    '2026-01-05T00:00:00Z',
    ' 2026-01-05',
    '',
    'yesterday',
  ])('rejects %p', (text) => {
    expect(parseCalendarDate(text)).toBeNull();
  });
});

describe('compareCalendarDates', () => {
  const d = (year: number, month: number, day: number) => ({ year, month, day });

  it('orders by year, then month, then day', () => {
    expect(compareCalendarDates(d(2025, 12, 31), d(2026, 1, 1))).toBeLessThan(0);
    expect(compareCalendarDates(d(2026, 2, 1), d(2026, 1, 31))).toBeGreaterThan(0);
    expect(compareCalendarDates(d(2026, 1, 2), d(2026, 1, 1))).toBeGreaterThan(0);
    expect(compareCalendarDates(d(2026, 1, 1), d(2026, 1, 1))).toBe(0);
  });
});
