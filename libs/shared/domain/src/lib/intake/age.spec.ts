import { CHILD_AGE_LIMIT, CHILD_ASSENT_AGE, ageGroupOf, ageOn, isChild } from './age';
import type { AgeGroup } from './vocabulary';

describe('legal ages', () => {
  it('are 16 for adulthood and 7 for a child’s assent', () => {
    expect(CHILD_AGE_LIMIT).toBe(16);
    expect(CHILD_ASSENT_AGE).toBe(7);
  });
});

describe('ageOn', () => {
  it.each([
    ['2010-06-15', '2026-06-15', 16, 'birthday today'],
    ['2010-06-15', '2026-06-14', 15, 'day before the birthday'],
    ['2010-06-15', '2026-06-16', 16, 'day after the birthday'],
    ['2010-06-15', '2026-05-20', 15, 'earlier month'],
    ['2010-06-15', '2026-07-01', 16, 'later month'],
    ['2010-06-15', '2010-06-15', 0, 'day of birth'],
    ['2010-06-15', '2011-06-14', 0, 'day before the first birthday'],
    ['2010-12-31', '2011-01-01', 0, 'across a new year'],
    ['2008-02-29', '2026-02-28', 17, 'leap-day birthday, 28 Feb of a common year'],
    ['2008-02-29', '2026-03-01', 18, 'leap-day birthday, 1 Mar of a common year'],
    ['2008-02-29', '2028-02-28', 19, 'leap-day birthday, 28 Feb of a leap year'],
    ['2008-02-29', '2028-02-29', 20, 'leap-day birthday, 29 Feb of a leap year'],
    ['2010-03-01', '2024-02-29', 13, '1 Mar birthday on a leap day'],
    ['1926-01-01', '2026-01-01', 100, 'a hundredth birthday'],
  ])('%s on %s is %i (%s)', (birthDate, on, age) => {
    expect(ageOn(birthDate, on)).toBe(age);
  });

  it.each([
    ['2026-06-15', '2026-06-14', 'on is before the birth date'],
    ['2026-06-15', '2025-12-31', 'on is a year earlier'],
    ['2025-02-29', '2026-01-01', 'birth date does not exist'],
    ['2010-06-15', '2026-02-30', 'on does not exist'],
    ['15/06/2010', '2026-06-15', 'birth date is not YYYY-MM-DD'],
    ['2010-06-15', '', 'on is empty'],
  ])('throws RangeError when %s / %s (%s)', (birthDate, on) => {
    expect(() => ageOn(birthDate, on)).toThrow(RangeError);
  });
});

describe('ageGroupOf', () => {
  it.each<[number | null, AgeGroup]>([
    [null, 'unknown'],
    [0, '0_6'],
    [6, '0_6'],
    [7, '7_11'],
    [11, '7_11'],
    [12, '12_15'],
    [15, '12_15'],
    [16, '16_17'],
    [17, '16_17'],
    [18, '18_24'],
    [24, '18_24'],
    [25, '25_59'],
    [59, '25_59'],
    [60, '60_plus'],
    [110, '60_plus'],
  ])('%p → %s', (age, group) => {
    expect(ageGroupOf(age)).toBe(group);
  });

  it.each([-1, 6.5, Number.NaN, Number.POSITIVE_INFINITY])('throws RangeError for %p', (age) => {
    expect(() => ageGroupOf(age)).toThrow(RangeError);
  });
});

describe('isChild', () => {
  it.each([
    [0, true],
    [7, true],
    [15, true],
    [16, false],
    [17, false],
    [40, false],
  ])('%i → %p', (age, child) => {
    expect(isChild(age)).toBe(child);
  });

  it.each([-1, 15.5, Number.NaN])('throws RangeError for %p', (age) => {
    expect(() => isChild(age)).toThrow(RangeError);
  });
});
