import { compareCalendarDates, parseCalendarDate } from './calendar-date';
import type { AgeGroup } from './vocabulary';

/** Law on Children 2016: a child is a person under 16. */
export const CHILD_AGE_LIMIT = 16;
/** Law on Children 2016: a child of 7 or older must agree to disclosure of their private life. */
export const CHILD_ASSENT_AGE = 7;

/**
 * Completed years on a day. Comparing month and day directly means a 29 February birthday is
 * reached on 1 March in a non-leap year, as Vietnamese practice counts it.
 */
export function ageOn(birthDate: string, on: string): number {
  const birth = parseCalendarDate(birthDate);
  const day = parseCalendarDate(on);
  if (birth === null) throw new RangeError('The birth date is not a real YYYY-MM-DD date.');
  if (day === null) throw new RangeError('The date is not a real YYYY-MM-DD date.');
  if (compareCalendarDates(day, birth) < 0) {
    throw new RangeError('The date is before the birth date.');
  }
  const birthdayPassed =
    day.month > birth.month || (day.month === birth.month && day.day >= birth.day);
  return day.year - birth.year - (birthdayPassed ? 0 : 1);
}

// An age is a whole number of completed years; anything else is a caller's bug, not a group.
function assertAge(age: number): void {
  if (!Number.isInteger(age) || age < 0) {
    throw new RangeError('An age is a whole number of years from 0.');
  }
}

/** Null means the age is not known, which is common for anonymous calls. */
export function ageGroupOf(age: number | null): AgeGroup {
  if (age === null) return 'unknown';
  assertAge(age);
  if (age < CHILD_ASSENT_AGE) return '0_6';
  if (age < 12) return '7_11';
  if (age < CHILD_AGE_LIMIT) return '12_15';
  if (age < 18) return '16_17';
  if (age < 25) return '18_24';
  if (age < 60) return '25_59';
  return '60_plus';
}

export function isChild(age: number): boolean {
  assertAge(age);
  return age < CHILD_AGE_LIMIT;
}
