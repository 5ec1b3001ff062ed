import { WorkingCalendar, addDaysToDate, vietnamDateOf, weekdayOf } from './calendar';
import type { CalendarDay } from './calendar';
import { addDuration, computeDueAt, timeLeft } from './deadline-arithmetic';
import type { DeadlinePeriod } from './deadline-arithmetic';
import { VIETNAM_OFFICIAL_DAYS } from './vietnam-holidays';

/** An instant given in Vietnam wall-clock time, e.g. vn('2026-03-02T10:00'). */
const vn = (localDateTime: string): Date => new Date(`${localDateTime}:00+07:00`);
/** 00:00 Vietnam time of a date: the exclusive end of the previous day. */
const vnMidnight = (date: string): Date => vn(`${date}T00:00`);

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

const noHolidays = new WorkingCalendar([]);
const official = new WorkingCalendar(VIETNAM_OFFICIAL_DAYS);
const days = (amount: number): DeadlinePeriod => ({ unit: 'days', amount });
const hours = (amount: number): DeadlinePeriod => ({ unit: 'hours', amount });
const workingDays = (amount: number): DeadlinePeriod => ({ unit: 'working_days', amount });

const holiday = (date: string): CalendarDay => ({ date, kind: 'public_holiday', name: 'Ngày lễ' });
const compensatory = (date: string): CalendarDay => ({
  date,
  kind: 'compensatory_day_off',
  name: 'Nghỉ bù',
});
const makeup = (date: string): CalendarDay => ({
  date,
  kind: 'makeup_working_day',
  name: 'Làm bù',
});

describe('computeDueAt — days (Civil Code Art. 147-148)', () => {
  it('matches the worked example: 10 days from 2026-03-02 10:00 end at 24:00 on 2026-03-12', () => {
    const due = computeDueAt(vn('2026-03-02T10:00'), days(10), noHolidays);
    expect(due.toISOString()).toBe('2026-03-12T17:00:00.000Z');
  });

  // Event dates run Monday 2 March 2026 to Sunday 8 March 2026; the last day is event + 10.
  describe.each([
    // [event date, weekday, due without holidays (start of VN day), holiday-calendar entries, due with them]
    ['2026-03-02', 1, '2026-03-13', [holiday('2026-03-12')], '2026-03-14'],
    ['2026-03-03', 2, '2026-03-14', [holiday('2026-03-13')], '2026-03-17'],
    [
      '2026-03-04',
      3,
      '2026-03-17',
      [holiday('2026-03-14'), compensatory('2026-03-16')],
      '2026-03-18',
    ],
    [
      '2026-03-05',
      4,
      '2026-03-17',
      [holiday('2026-03-15'), compensatory('2026-03-16')],
      '2026-03-18',
    ],
    ['2026-03-06', 5, '2026-03-17', [holiday('2026-03-16')], '2026-03-18'],
    ['2026-03-07', 6, '2026-03-18', [holiday('2026-03-17')], '2026-03-19'],
    ['2026-03-08', 0, '2026-03-19', [holiday('2026-03-18')], '2026-03-20'],
  ] as const)(
    '10 days from %s (weekday %i)',
    (eventDate, weekday, dueWithout, holidayEntries, dueWith) => {
      it('starts on the weekday the table says', () => {
        expect(weekdayOf(eventDate)).toBe(weekday);
      });

      it(`with no holiday ends at the start of ${dueWithout} (Vietnam)`, () => {
        for (const time of ['00:00', '10:00', '23:59']) {
          const due = computeDueAt(vn(`${eventDate}T${time}`), days(10), noHolidays);
          expect(due).toEqual(vnMidnight(dueWithout));
        }
      });

      it(`with a holiday on the last day ends at the start of ${dueWith} (Vietnam)`, () => {
        const calendar = new WorkingCalendar(holidayEntries);
        expect(calendar.isDayOff(addDaysToDate(eventDate, 10))).toBe(true);
        const due = computeDueAt(vn(`${eventDate}T10:00`), days(10), calendar);
        expect(due).toEqual(vnMidnight(dueWith));
      });
    },
  );

  it.each([
    ['month end: Jan 31 + 10 days', '2026-01-31', 10, '2026-02-11'],
    ['month end: Jan 31 + 1 day lands on Sunday Feb 1', '2026-01-31', 1, '2026-02-03'],
    ['month end: Jan 30 + 1 day lands on Saturday Jan 31', '2026-01-30', 1, '2026-02-03'],
    ['month end: Feb 28 2026 + 1 day lands on Sunday Mar 1', '2026-02-28', 1, '2026-03-03'],
    ['month end: Apr 30 + 1 day (no holidays in this calendar)', '2026-04-30', 1, '2026-05-02'],
    ['non-leap February: 2027-02-19 + 10 days is Mar 1', '2027-02-19', 10, '2027-03-02'],
    ['year end: Dec 25 2026 + 10 days is Mon Jan 4 2027', '2026-12-25', 10, '2027-01-05'],
    ['year end: Dec 31 2026 + 1 day', '2026-12-31', 1, '2027-01-02'],
    ['leap day: 2028-02-19 + 10 days is Tue Feb 29', '2028-02-19', 10, '2028-03-01'],
    ['leap day: 2028-02-28 + 1 day is Feb 29', '2028-02-28', 1, '2028-03-01'],
    ['leap day: 2028-02-29 + 1 day is Mar 1', '2028-02-29', 1, '2028-03-02'],
    ['leap year: 2028-02-20 + 10 days is Mar 1', '2028-02-20', 10, '2028-03-02'],
    ['amount 0 on a working day ends with the event day', '2026-03-02', 0, '2026-03-03'],
    ['amount 0 on a Saturday ends with the Monday', '2026-03-07', 0, '2026-03-10'],
  ])('%s (no holidays)', (_label, eventDate, amount, dueStartOf) => {
    expect(computeDueAt(vn(`${eventDate}T09:00`), days(amount), noHolidays)).toEqual(
      vnMidnight(dueStartOf),
    );
  });

  it.each([
    // [label, event date, amount, due (start of that Vietnam day)]
    ['landing on Tết 2026 (16/02) runs over Tết to Mon 23/02', '2026-02-06', 10, '2026-02-24'],
    ['landing on the Saturday before Tết 2026', '2026-02-13', 1, '2026-02-24'],
    ['landing on Lunar New Year 2026 (17/02)', '2026-02-07', 10, '2026-02-24'],
    ['landing on the last day off of Tết 2026 (Sun 22/02)', '2026-02-12', 10, '2026-02-24'],
    ['landing on the day after Tết 2026 (a working day)', '2026-02-13', 10, '2026-02-24'],
    ['landing on Tết 2027 (Sat 06/02) runs to Fri 12/02', '2027-01-27', 10, '2027-02-13'],
    ['landing on a compensatory day (Mon 27/04/2026)', '2026-04-17', 10, '2026-04-29'],
    [
      'landing on Giỗ Tổ on a Sunday (26/04/2026) skips Mon 27/04 too',
      '2026-04-16',
      10,
      '2026-04-29',
    ],
    [
      'landing on 30/4/2026 runs over 1/5 and the weekend to Mon 4/5',
      '2026-04-20',
      10,
      '2026-05-05',
    ],
    ['landing on 1/5/2026 runs over the weekend to Mon 4/5', '2026-04-21', 10, '2026-05-05'],
    [
      'landing on 1/5/2027 (Sat) skips Sun and the compensatory Mon',
      '2027-04-21',
      10,
      '2027-05-05',
    ],
    ['landing on Quốc khánh 2026 (1/9-2/9) ends Thu 3/9', '2026-08-22', 10, '2026-09-04'],
    ['landing on Quốc khánh 2027 (2/9-3/9) runs to Mon 6/9', '2027-08-23', 10, '2027-09-07'],
    ['year end: Dec 22 2026 + 10 days is New Year 2027 (Fri)', '2026-12-22', 10, '2027-01-05'],
    ['year end: Dec 25 2026 + 10 days with the official calendar', '2026-12-25', 10, '2027-01-05'],
  ])('%s (official calendar)', (_label, eventDate, amount, dueStartOf) => {
    expect(computeDueAt(vn(`${eventDate}T15:00`), days(amount), official)).toEqual(
      vnMidnight(dueStartOf),
    );
  });

  it('counts a makeup working Saturday as a working last day', () => {
    const event = vn('2026-03-04T10:00'); // Wed; last day Sat 2026-03-14
    const withMakeup = new WorkingCalendar([makeup('2026-03-14')]);
    expect(computeDueAt(event, days(10), withMakeup)).toEqual(vnMidnight('2026-03-15'));
    expect(computeDueAt(event, days(10), noHolidays)).toEqual(vnMidnight('2026-03-17'));
  });

  it('moves a last day off to a makeup Saturday when that is the next working day', () => {
    // Fri 13/03 is a holiday; Sat 14/03 is worked to bridge it.
    const calendar = new WorkingCalendar([holiday('2026-03-13'), makeup('2026-03-14')]);
    expect(computeDueAt(vn('2026-03-03T10:00'), days(10), calendar)).toEqual(
      vnMidnight('2026-03-15'),
    );
  });

  it('follows a change of the calendar (a new holiday moves the deadline)', () => {
    const event = vn('2026-03-02T10:00');
    const before = computeDueAt(event, days(10), noHolidays);
    const after = computeDueAt(event, days(10), new WorkingCalendar([holiday('2026-03-12')]));
    expect(after.getTime() - before.getTime()).toBe(DAY_MS);
  });
});

describe('computeDueAt — the UTC/Vietnam day boundary', () => {
  // Both events are on UTC date 2026-03-02 but on different Vietnam days.
  const lateEvening = new Date('2026-03-02T16:30:00Z'); // 23:30 on 2 March in Vietnam
  const pastMidnight = new Date('2026-03-02T17:30:00Z'); // 00:30 on 3 March in Vietnam

  it('the two events share a UTC date but not a Vietnam date', () => {
    expect(lateEvening.toISOString().slice(0, 10)).toBe(pastMidnight.toISOString().slice(0, 10));
    expect(vietnamDateOf(lateEvening)).toBe('2026-03-02');
    expect(vietnamDateOf(pastMidnight)).toBe('2026-03-03');
  });

  it('23:30 Vietnam time: the last day is Thu 12 March', () => {
    expect(computeDueAt(lateEvening, days(10), noHolidays).toISOString()).toBe(
      '2026-03-12T17:00:00.000Z',
    );
  });

  it('00:30 Vietnam time: the last day is Fri 13 March', () => {
    expect(computeDueAt(pastMidnight, days(10), noHolidays).toISOString()).toBe(
      '2026-03-13T17:00:00.000Z',
    );
  });

  it('their 10-day deadlines differ by exactly one day', () => {
    const a = computeDueAt(lateEvening, days(10), noHolidays);
    const b = computeDueAt(pastMidnight, days(10), noHolidays);
    expect(b.getTime() - a.getTime()).toBe(DAY_MS);
  });

  it('00:00:00.000 Vietnam time belongs to the new day, 23:59:59.999 to the old one', () => {
    const lastMs = new Date('2026-03-02T16:59:59.999Z');
    const firstMs = new Date('2026-03-02T17:00:00.000Z');
    expect(computeDueAt(lastMs, days(10), noHolidays)).toEqual(vnMidnight('2026-03-13'));
    expect(computeDueAt(firstMs, days(10), noHolidays)).toEqual(vnMidnight('2026-03-14'));
  });

  it('a Friday 23:30 event and a Saturday 00:30 event both roll to the same Monday', () => {
    // Fri 6/3 23:30 → last day Mon 16/3; Sat 7/3 00:30 → last day Tue 17/3.
    expect(computeDueAt(vn('2026-03-06T23:30'), days(10), noHolidays)).toEqual(
      vnMidnight('2026-03-17'),
    );
    expect(computeDueAt(vn('2026-03-07T00:30'), days(10), noHolidays)).toEqual(
      vnMidnight('2026-03-18'),
    );
  });
});

describe('computeDueAt — hours run straight through', () => {
  it.each([
    ['12 h across midnight', '2026-03-02T20:00', 12, '2026-03-03T08:00'],
    ['1 h across midnight', '2026-03-02T23:30', 1, '2026-03-03T00:30'],
    ['1 h across the end of a year', '2026-12-31T23:15', 1, '2027-01-01T00:15'],
    ['12 h into a public holiday (30/4)', '2026-04-29T18:00', 12, '2026-04-30T06:00'],
    ['12 h across two holidays (30/4 → 1/5)', '2026-04-30T20:00', 12, '2026-05-01T08:00'],
    ['1 h on Lunar New Year’s eve', '2026-02-16T23:45', 1, '2026-02-17T00:45'],
    ['12 h across a weekend night', '2026-03-07T21:00', 12, '2026-03-08T09:00'],
    ['72 h over Tết 2026', '2026-02-15T09:00', 72, '2026-02-18T09:00'],
    ['72 h from the last working day before Tết', '2026-02-13T16:00', 72, '2026-02-16T16:00'],
    ['0 h is the event instant', '2026-03-02T10:00', 0, '2026-03-02T10:00'],
  ])('%s', (_label, start, amount, expected) => {
    expect(computeDueAt(vn(start), hours(amount), official)).toEqual(vn(expected));
    // The calendar must make no difference to an hour-based clock.
    expect(computeDueAt(vn(start), hours(amount), noHolidays)).toEqual(vn(expected));
  });

  it('keeps seconds and milliseconds of the event', () => {
    const event = new Date('2026-03-02T16:30:12.345Z');
    expect(computeDueAt(event, hours(12), official).toISOString()).toBe('2026-03-03T04:30:12.345Z');
  });
});

describe('computeDueAt — working days', () => {
  it.each([
    // [label, event date, amount, due (start of that Vietnam day)]
    ['5 working days from a Monday', '2026-03-02', 5, '2026-03-10'],
    ['5 working days from a Thursday, over a weekend', '2026-03-05', 5, '2026-03-13'],
    ['5 working days from a Friday, over a weekend', '2026-03-06', 5, '2026-03-14'],
    ['5 working days from a Saturday', '2026-03-07', 5, '2026-03-14'],
    ['5 working days from a Sunday', '2026-03-08', 5, '2026-03-14'],
    ['1 working day from a Friday is the Monday', '2026-03-06', 1, '2026-03-10'],
    ['0 working days on a working day ends with that day', '2026-03-04', 0, '2026-03-05'],
    ['0 working days on a Saturday ends with the Monday', '2026-03-07', 0, '2026-03-10'],
  ])('%s (no holidays)', (_label, eventDate, amount, dueStartOf) => {
    expect(computeDueAt(vn(`${eventDate}T10:00`), workingDays(amount), noHolidays)).toEqual(
      vnMidnight(dueStartOf),
    );
  });

  it.each([
    ['5 working days over Tết 2026 (13/02, then 23-26/02)', '2026-02-12', 5, '2026-02-27'],
    ['5 working days started during Tết 2026', '2026-02-17', 5, '2026-02-28'],
    ['5 working days over 30/4-1/5 2026', '2026-04-29', 5, '2026-05-09'],
    ['5 working days over Giỗ Tổ and its compensatory day 2026', '2026-04-24', 5, '2026-05-07'],
    ['5 working days over Tết 2027', '2027-02-03', 5, '2027-02-18'],
  ])('%s (official calendar)', (_label, eventDate, amount, dueStartOf) => {
    expect(computeDueAt(vn(`${eventDate}T10:00`), workingDays(amount), official)).toEqual(
      vnMidnight(dueStartOf),
    );
  });

  it('counts a makeup working Saturday', () => {
    const calendar = new WorkingCalendar([makeup('2026-03-07')]);
    // Thu 5/3 → Fri 6, Sat 7 (makeup), Mon 9, Tue 10, Wed 11.
    expect(computeDueAt(vn('2026-03-05T10:00'), workingDays(5), calendar)).toEqual(
      vnMidnight('2026-03-12'),
    );
  });

  it('differs from calendar days when the period spans a weekend', () => {
    const event = vn('2026-03-05T10:00');
    const calendarDays = computeDueAt(event, days(5), noHolidays);
    const working = computeDueAt(event, workingDays(5), noHolidays);
    expect(calendarDays).toEqual(vnMidnight('2026-03-11'));
    expect(working).toEqual(vnMidnight('2026-03-13'));
  });
});

describe('computeDueAt — invalid input', () => {
  const event = vn('2026-03-02T10:00');

  it.each<[string, DeadlinePeriod]>([
    ['negative days', days(-1)],
    ['fractional days', days(1.5)],
    ['NaN days', days(Number.NaN)],
    ['infinite days', days(Number.POSITIVE_INFINITY)],
    ['negative hours', hours(-1)],
    ['fractional hours', hours(0.5)],
    ['NaN hours', hours(Number.NaN)],
    ['negative working days', workingDays(-5)],
    ['fractional working days', workingDays(2.25)],
    ['an unknown unit', { unit: 'weeks', amount: 1 } as unknown as DeadlinePeriod],
    ['a result after year 9999', days(3_000_000)],
    ['an hour result beyond the Date range', hours(Number.MAX_SAFE_INTEGER)],
  ])('throws a RangeError for %s', (_label, period) => {
    expect(() => computeDueAt(event, period, noHolidays)).toThrow(RangeError);
  });

  it('throws a RangeError for an invalid event Date', () => {
    expect(() => computeDueAt(new Date(Number.NaN), days(10), noHolidays)).toThrow(RangeError);
  });

  it('does not change the event Date it was given', () => {
    const original = new Date(event.getTime());
    computeDueAt(event, days(10), official);
    computeDueAt(event, hours(12), official);
    expect(event).toEqual(original);
  });
});

describe('computeDueAt — independent of the machine’s time zone', () => {
  const originalTz = process.env['TZ'];
  afterEach(() => {
    if (originalTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = originalTz;
  });

  it.each([['UTC'], ['Asia/Tokyo'], ['America/New_York'], ['Pacific/Kiritimati'], ['Etc/GMT+12']])(
    'gives the same answers with TZ=%s',
    (tz) => {
      process.env['TZ'] = tz;
      expect(
        computeDueAt(new Date('2026-03-02T16:30:00Z'), days(10), noHolidays).toISOString(),
      ).toBe('2026-03-12T17:00:00.000Z');
      expect(
        computeDueAt(new Date('2026-03-02T17:30:00Z'), days(10), noHolidays).toISOString(),
      ).toBe('2026-03-13T17:00:00.000Z');
      expect(computeDueAt(vn('2026-02-06T10:00'), days(10), official).toISOString()).toBe(
        '2026-02-23T17:00:00.000Z',
      );
      expect(computeDueAt(vn('2026-02-12T10:00'), workingDays(5), official).toISOString()).toBe(
        '2026-02-26T17:00:00.000Z',
      );
    },
  );
});

describe('addDuration', () => {
  const due = vnMidnight('2026-03-13');

  it.each([
    ['3 days before', -3 * DAY_MS, '2026-03-10T00:00'],
    ['1 day before', -DAY_MS, '2026-03-12T00:00'],
    ['1 day after', DAY_MS, '2026-03-14T00:00'],
    ['nothing', 0, '2026-03-13T00:00'],
    ['90 minutes after', 90 * 60 * 1000, '2026-03-13T01:30'],
  ])('%s', (_label, ms, expected) => {
    expect(addDuration(due, ms)).toEqual(vn(expected));
  });

  it('does not change the Date it was given', () => {
    addDuration(due, DAY_MS);
    expect(due).toEqual(vnMidnight('2026-03-13'));
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['beyond the Date range', 9e15],
  ])('throws a RangeError for a duration of %s', (_label, ms) => {
    expect(() => addDuration(due, ms)).toThrow(RangeError);
  });

  it('throws a RangeError for an invalid Date', () => {
    expect(() => addDuration(new Date('nope'), DAY_MS)).toThrow(RangeError);
  });
});

describe('timeLeft', () => {
  const dueAt = new Date('2026-03-12T17:00:00.000Z');
  const before = (ms: number): Date => new Date(dueAt.getTime() - ms);
  const MINUTE_MS = 60 * 1000;

  it.each([
    [
      '2 d 3 h 4 min 5 s left',
      before(2 * DAY_MS + 3 * HOUR_MS + 4 * MINUTE_MS + 5000),
      false,
      2,
      3,
      4,
    ],
    ['exactly 10 days left', before(10 * DAY_MS), false, 10, 0, 0],
    ['23 h 59 min left', before(DAY_MS - MINUTE_MS), false, 0, 23, 59],
    ['59 s left: still on time, 0 minutes shown', before(59 * 1000), false, 0, 0, 0],
    ['1 ms left', before(1), false, 0, 0, 0],
    ['at the due instant: overdue', dueAt, true, 0, 0, 0],
    ['1 ms overdue', before(-1), true, 0, 0, 0],
    ['1 h 30 min overdue', before(-(HOUR_MS + 30 * MINUTE_MS)), true, 0, 1, 30],
    ['15 days overdue (discovered long ago)', before(-15 * DAY_MS), true, 15, 0, 0],
  ])('%s', (_label, now, overdue, d, h, m) => {
    const left = timeLeft(now, dueAt);
    expect(left).toEqual({
      overdue,
      days: d,
      hours: h,
      minutes: m,
      totalMs: dueAt.getTime() - now.getTime(),
    });
  });

  it('gives a negative totalMs once overdue and a positive one before', () => {
    expect(timeLeft(before(-HOUR_MS), dueAt).totalMs).toBe(-HOUR_MS);
    expect(timeLeft(before(HOUR_MS), dueAt).totalMs).toBe(HOUR_MS);
  });

  it('throws a RangeError for invalid Dates', () => {
    expect(() => timeLeft(new Date('nope'), dueAt)).toThrow(RangeError);
    expect(() => timeLeft(dueAt, new Date('nope'))).toThrow(RangeError);
  });
});
