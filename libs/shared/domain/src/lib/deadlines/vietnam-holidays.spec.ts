import { WorkingCalendar, addDaysToDate, isValidCalendarDate, weekdayOf } from './calendar';
import type { CalendarDayKind } from './calendar';
import { VIETNAM_OFFICIAL_DAYS, officialDaysFor } from './vietnam-holidays';

const isWeekend = (date: string): boolean => [0, 6].includes(weekdayOf(date));
const calendar = new WorkingCalendar(VIETNAM_OFFICIAL_DAYS);

describe('VIETNAM_OFFICIAL_DAYS', () => {
  it('has only real, unique dates in 2026 and 2027, in order', () => {
    const dates = VIETNAM_OFFICIAL_DAYS.map((day) => day.date);
    for (const date of dates) {
      expect(isValidCalendarDate(date)).toBe(true);
      expect(['2026', '2027']).toContain(date.slice(0, 4));
    }
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it('builds a WorkingCalendar without error', () => {
    expect(() => new WorkingCalendar(VIETNAM_OFFICIAL_DAYS)).not.toThrow();
  });

  it('names every day in Vietnamese with diacritics', () => {
    for (const day of VIETNAM_OFFICIAL_DAYS) {
      expect(day.name.trim()).not.toBe('');
      expect(day.name).toMatch(/[^\u0020-\u007e]/);
    }
  });

  it.each([[2026], [2027]])('%i has the 11 public holidays of Labour Code Art. 112', (year) => {
    const holidays = officialDaysFor(year).filter((day) => day.kind === 'public_holiday');
    expect(holidays).toHaveLength(11);
  });

  it.each([[2026], [2027]])(
    '%i gives one compensatory weekday off for each holiday on a weekend',
    (year) => {
      const days = officialDaysFor(year);
      const holidaysOnWeekend = days.filter(
        (day) => day.kind === 'public_holiday' && isWeekend(day.date),
      );
      const compensatory = days.filter((day) => day.kind === 'compensatory_day_off');
      expect(compensatory).toHaveLength(holidaysOnWeekend.length);
      for (const day of compensatory) expect(isWeekend(day.date)).toBe(false);
    },
  );

  it.each<[string, CalendarDayKind, RegExp]>([
    ['2026-01-01', 'public_holiday', /Tết Dương lịch/],
    ['2026-02-16', 'public_holiday', /Tết Nguyên Đán/],
    ['2026-02-17', 'public_holiday', /Tết Nguyên Đán \(mùng 1\)/],
    ['2026-02-20', 'public_holiday', /Tết Nguyên Đán/],
    ['2026-04-26', 'public_holiday', /Giỗ Tổ Hùng Vương/],
    ['2026-04-27', 'compensatory_day_off', /Giỗ Tổ Hùng Vương/],
    ['2026-04-30', 'public_holiday', /Ngày Chiến thắng/],
    ['2026-05-01', 'public_holiday', /Quốc tế Lao động/],
    ['2026-09-01', 'public_holiday', /Quốc khánh/],
    ['2026-09-02', 'public_holiday', /Quốc khánh/],
    ['2027-01-01', 'public_holiday', /Tết Dương lịch/],
    ['2027-02-06', 'public_holiday', /Tết Nguyên Đán \(mùng 1\)/],
    ['2027-02-10', 'compensatory_day_off', /Tết Nguyên Đán/],
    ['2027-02-11', 'compensatory_day_off', /Tết Nguyên Đán/],
    ['2027-04-16', 'public_holiday', /Giỗ Tổ Hùng Vương/],
    ['2027-05-03', 'compensatory_day_off', /Quốc tế Lao động/],
    ['2027-09-02', 'public_holiday', /Quốc khánh/],
    ['2027-09-03', 'public_holiday', /Quốc khánh/],
  ])('lists %s as %s', (date, kind, name) => {
    const day = VIETNAM_OFFICIAL_DAYS.find((d) => d.date === date);
    expect(day?.kind).toBe(kind);
    expect(day?.name).toMatch(name);
  });

  it.each([
    // [label, last working day before, first working day after]: every day strictly between is off.
    ['Tết 2026 (Sat 14/02 – Sun 22/02)', '2026-02-13', '2026-02-23'],
    ['Tết 2027 (Fri 05/02 – Thu 11/02)', '2027-02-04', '2027-02-12'],
    ['Giỗ Tổ 2026 with its compensatory Monday', '2026-04-24', '2026-04-28'],
    ['Giỗ Tổ 2027 (Fri 16/04) and the weekend', '2027-04-15', '2027-04-19'],
    ['30/4–1/5 2026 and the weekend', '2026-04-29', '2026-05-04'],
    ['30/4–1/5 2027, the weekend and the compensatory Monday', '2027-04-29', '2027-05-04'],
    ['Quốc khánh 2026', '2026-08-31', '2026-09-03'],
    ['Quốc khánh 2027 and the weekend', '2027-09-01', '2027-09-06'],
    ['Tết Dương lịch 2026', '2025-12-31', '2026-01-02'],
    ['Tết Dương lịch 2027 and the weekend', '2026-12-31', '2027-01-04'],
  ])('makes %s one contiguous run of days off', (_label, lastBefore, firstAfter) => {
    expect(calendar.isWorkingDay(lastBefore)).toBe(true);
    expect(calendar.isWorkingDay(firstAfter)).toBe(true);
    for (let day = addDaysToDate(lastBefore, 1); day < firstAfter; day = addDaysToDate(day, 1)) {
      expect(calendar.isDayOff(day)).toBe(true);
    }
  });

  it('cannot be modified by callers', () => {
    expect(Object.isFrozen(VIETNAM_OFFICIAL_DAYS)).toBe(true);
    expect(VIETNAM_OFFICIAL_DAYS.every((day) => Object.isFrozen(day))).toBe(true);
  });
});

describe('officialDaysFor', () => {
  it.each([[2026], [2027]])('returns only the days of %i', (year) => {
    const days = officialDaysFor(year);
    expect(days.length).toBeGreaterThan(0);
    expect(days.every((day) => day.date.startsWith(`${year}-`))).toBe(true);
    expect(days).toEqual(VIETNAM_OFFICIAL_DAYS.filter((d) => d.date.startsWith(`${year}-`)));
  });

  it('returns the two years together as the whole seed', () => {
    expect([...officialDaysFor(2026), ...officialDaysFor(2027)]).toEqual([
      ...VIETNAM_OFFICIAL_DAYS,
    ]);
  });

  it.each([[2025], [2028], [26], [-2026]])('returns nothing for an unseeded year %i', (year) => {
    expect(officialDaysFor(year)).toEqual([]);
  });

  it('returns copies the caller may change without touching the seed', () => {
    const days = officialDaysFor(2026);
    days[0].name = 'changed';
    days.pop();
    expect(officialDaysFor(2026)[0].name).toBe('Tết Dương lịch');
    expect(officialDaysFor(2026)).toHaveLength(days.length + 1);
  });

  it.each([[2026.5], [Number.NaN]])('throws a RangeError for the year %p', (year) => {
    expect(() => officialDaysFor(year)).toThrow(RangeError);
  });
});
