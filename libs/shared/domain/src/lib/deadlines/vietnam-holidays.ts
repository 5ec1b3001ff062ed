import type { CalendarDay } from './calendar';

/**
 * SEED DATA, NOT AN AUTHORITY. Vietnam's days off for 2026 and 2027, derived from the Labour Code
 * 2019 Art. 112 (11 public holidays a year; a holiday on a weekly rest day gives a compensatory day
 * off on the next working day) and the lunar dates of Tết and Giỗ Tổ. Each year the government
 * announces the actual arrangement (which Tết days are statutory, swapped days, makeup Saturdays);
 * admins must check these rows against that announcement and correct them through the holiday API.
 * Assumptions made here:
 * - Tết 2026 (Lunar New Year's day Tue 17/02): statutory days Mon 16/02 (29 Chạp) to Fri 20/02
 *   (mùng 4), giving the announced run of days off Sat 14/02 to Sun 22/02 for public servants.
 * - Tết 2027 (Lunar New Year's day Sat 06/02): statutory days assumed Fri 05/02 (29 Chạp) to Tue
 *   09/02 (mùng 4); Sat 06 and Sun 07 fall on rest days, so Wed 10 and Thu 11 are compensatory.
 * - 1/5/2027 is a Saturday, so Mon 03/05/2027 is a compensatory day off (by the Labour Code rule).
 * - No swapped days or makeup Saturdays are listed: none had been confirmed when this was written.
 * Weekend days need no entry unless they are statutory holidays that earn a compensatory day.
 */
export const VIETNAM_OFFICIAL_DAYS: readonly CalendarDay[] = Object.freeze(
  (
    [
      // 2026
      { date: '2026-01-01', kind: 'public_holiday', name: 'Tết Dương lịch' },
      { date: '2026-02-16', kind: 'public_holiday', name: 'Tết Nguyên Đán (29 tháng Chạp)' },
      { date: '2026-02-17', kind: 'public_holiday', name: 'Tết Nguyên Đán (mùng 1)' },
      { date: '2026-02-18', kind: 'public_holiday', name: 'Tết Nguyên Đán (mùng 2)' },
      { date: '2026-02-19', kind: 'public_holiday', name: 'Tết Nguyên Đán (mùng 3)' },
      { date: '2026-02-20', kind: 'public_holiday', name: 'Tết Nguyên Đán (mùng 4)' },
      { date: '2026-04-26', kind: 'public_holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: '2026-04-27', kind: 'compensatory_day_off', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
      { date: '2026-04-30', kind: 'public_holiday', name: 'Ngày Chiến thắng (30/4)' },
      { date: '2026-05-01', kind: 'public_holiday', name: 'Quốc tế Lao động (1/5)' },
      { date: '2026-09-01', kind: 'public_holiday', name: 'Quốc khánh (ngày liền kề)' },
      { date: '2026-09-02', kind: 'public_holiday', name: 'Quốc khánh (2/9)' },
      // 2027
      { date: '2027-01-01', kind: 'public_holiday', name: 'Tết Dương lịch' },
      { date: '2027-02-05', kind: 'public_holiday', name: 'Tết Nguyên Đán (29 tháng Chạp)' },
      { date: '2027-02-06', kind: 'public_holiday', name: 'Tết Nguyên Đán (mùng 1)' },
      { date: '2027-02-07', kind: 'public_holiday', name: 'Tết Nguyên Đán (mùng 2)' },
      { date: '2027-02-08', kind: 'public_holiday', name: 'Tết Nguyên Đán (mùng 3)' },
      { date: '2027-02-09', kind: 'public_holiday', name: 'Tết Nguyên Đán (mùng 4)' },
      { date: '2027-02-10', kind: 'compensatory_day_off', name: 'Nghỉ bù Tết Nguyên Đán' },
      { date: '2027-02-11', kind: 'compensatory_day_off', name: 'Nghỉ bù Tết Nguyên Đán' },
      { date: '2027-04-16', kind: 'public_holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: '2027-04-30', kind: 'public_holiday', name: 'Ngày Chiến thắng (30/4)' },
      { date: '2027-05-01', kind: 'public_holiday', name: 'Quốc tế Lao động (1/5)' },
      { date: '2027-05-03', kind: 'compensatory_day_off', name: 'Nghỉ bù Quốc tế Lao động' },
      { date: '2027-09-02', kind: 'public_holiday', name: 'Quốc khánh (2/9)' },
      { date: '2027-09-03', kind: 'public_holiday', name: 'Quốc khánh (ngày liền kề)' },
    ] satisfies CalendarDay[]
  ).map((day) => Object.freeze(day)),
);

/** The seeded days of one year, as fresh copies the caller may change (e.g. to insert as rows). */
export function officialDaysFor(year: number): CalendarDay[] {
  if (!Number.isInteger(year)) {
    throw new RangeError('A year must be a whole number.');
  }
  const prefix = `${String(year).padStart(4, '0')}-`;
  return VIETNAM_OFFICIAL_DAYS.filter((day) => day.date.startsWith(prefix)).map((day) => ({
    ...day,
  }));
}
