import { WorkingCalendar } from '../deadlines/calendar';
import { computeDueAt } from '../deadlines/deadline-arithmetic';
import { VIETNAM_OFFICIAL_DAYS } from '../deadlines/vietnam-holidays';
import type { AgeGroup, RiskLevel } from '../intake/vocabulary';
import type { ChildInterventionMeasure } from './child-emergency';
import {
  CHILD_EMERGENCY_PERIOD,
  CHILD_SUPPORT_PLAN_PERIOD,
  assessmentMarksSeriousDanger,
  checkChildEmergencyStart,
  checkChildIntervention,
  childEmergencyStages,
  childSupportPlanStages,
  isChildEmergencyCall,
  isChildSurvivor,
} from './child-emergency';

/** An instant in Vietnam wall-clock time. */
const vn = (local: string): Date => new Date(`${local}:00+07:00`);
const HOUR = 60 * 60 * 1000;
const official = new WorkingCalendar(VIETNAM_OFFICIAL_DAYS);
const noHolidays = new WorkingCalendar([]);

describe('child emergency: the 12-hour intervention clock runs through nights, weekends and Tết', () => {
  // [information received (Vietnam time), due (Vietnam time)]
  it.each([
    ['2026-12-07T08:00', '2026-12-07T20:00'], // a Monday morning: the same evening
    ['2026-12-07T20:30', '2026-12-08T08:30'], // across midnight
    ['2026-12-04T22:00', '2026-12-05T10:00'], // Friday night into Saturday
    ['2026-12-05T23:59', '2026-12-06T11:59'], // Saturday into Sunday
    ['2027-02-05T18:00', '2027-02-06T06:00'], // the last day of the lunar year into mùng 1 Tết
    ['2027-02-09T13:15', '2027-02-10T01:15'], // mùng 4 into the compensatory day off
  ])('information at %s is met by %s', (received, due) => {
    expect(computeDueAt(vn(received), CHILD_EMERGENCY_PERIOD, official)).toEqual(vn(due));
    // The holiday calendar makes no difference to an hour period.
    expect(computeDueAt(vn(received), CHILD_EMERGENCY_PERIOD, noHolidays)).toEqual(vn(due));
  });

  it('reminds the caseworker halfway and tells the supervisors at 12 hours', () => {
    expect(childEmergencyStages()).toEqual([
      {
        stage: 'reminder_halfway',
        kind: 'reminder',
        audience: 'assigned_caseworker',
        offsetMs: -6 * HOUR,
      },
      { stage: 'escalation_due', kind: 'escalation', audience: 'supervisors', offsetMs: 0 },
    ]);
  });
});

describe('child emergency: the support plan is due in 5 working days over the holiday calendar', () => {
  // [emergency started (Vietnam time), end of the period (exclusive, Vietnam midnight)]
  it.each([
    // Monday: Tue, Wed, Thu, Fri, Mon → the end of Monday 14 December
    ['2026-12-07T10:00', '2026-12-15T00:00'],
    // Saturday: the weekend does not count; Mon-Fri → the end of Friday 11 December
    ['2026-12-05T10:00', '2026-12-12T00:00'],
    // Friday 23:50 is still Friday: Mon-Fri of the next week
    ['2026-12-04T23:50', '2026-12-12T00:00'],
    // Before Tết 2027: 5 to 11 February are off (Tết and compensatory days); 12, 15, 16, 17, 18 count
    ['2027-02-04T10:00', '2027-02-19T00:00'],
    // New Year's Day 2027 (a Friday): Mon 4 to Fri 8 January
    ['2026-12-31T16:00', '2027-01-09T00:00'],
    // Around 30/4 and 1/5 2026 (Thu, Fri): Mon 4 to Fri 8 May
    ['2026-04-29T09:00', '2026-05-09T00:00'],
  ])('an emergency from %s needs its support plan before %s', (started, due) => {
    expect(computeDueAt(vn(started), CHILD_SUPPORT_PLAN_PERIOD, official)).toEqual(vn(due));
  });

  it('without the calendar Tết would count: the calendar is what moves it', () => {
    expect(computeDueAt(vn('2027-02-04T10:00'), CHILD_SUPPORT_PLAN_PERIOD, noHolidays)).toEqual(
      vn('2027-02-12T00:00'),
    );
  });

  it('reminds the caseworker the day before and tells the supervisors when it is late', () => {
    expect(childSupportPlanStages().map((s) => [s.stage, s.audience, s.offsetMs])).toEqual([
      ['reminder_1d', 'assigned_caseworker', -24 * HOUR],
      ['escalation_due', 'supervisors', 0],
    ]);
  });
});

describe('who is a child (under 16)', () => {
  // [birth date, age, age group, today, child?]
  it.each([
    ['2010-12-06', null, '12_15', '2026-12-05', true], // 15 until tomorrow
    ['2010-12-05', null, '12_15', '2026-12-05', false], // the 16th birthday: no longer a child
    ['2010-12-05', null, '12_15', '2026-12-04', true], // the day before it
    ['2008-02-29', null, '16_17', '2024-02-28', true], // a leap-day birth: 16 on 29 February 2024
    ['2008-02-29', null, '16_17', '2024-02-29', false],
    ['2020-01-01', null, '0_6', '2026-12-05', true],
    [null, 15, '12_15', '2026-12-05', true],
    [null, 16, '16_17', '2026-12-05', false],
    [null, 0, '0_6', '2026-12-05', true],
    [null, null, '12_15', '2026-12-05', true], // anonymous: the age group alone
    [null, null, '7_11', '2026-12-05', true],
    [null, null, '16_17', '2026-12-05', false],
    [null, null, '25_59', '2026-12-05', false],
    [null, null, 'unknown', '2026-12-05', false],
  ] as const)('born %p, age %p, group %s, on %s: child %p', (dob, age, group, today, child) => {
    expect(isChildSurvivor({ dateOfBirth: dob, age, ageGroup: group as AgeGroup }, today)).toBe(
      child,
    );
  });
});

describe('what marks serious danger', () => {
  // [instrument audience, level, case level before, serious danger?]
  it.each([
    ['child', 'high', 'unknown', true],
    ['child', 'high', 'low', true],
    ['child', 'high', 'medium', true],
    ['child', 'high', 'high', false], // still high: the same danger
    ['child', 'medium', 'unknown', false],
    ['child', 'low', 'high', false],
    ['adult', 'high', 'unknown', false],
  ] as const)('a %s assessment at %s (case was %s): %p', (audience, level, before, danger) => {
    expect(
      assessmentMarksSeriousDanger({
        audience,
        level: level as RiskLevel,
        previousCaseLevel: before as RiskLevel,
      }),
    ).toBe(danger);
  });

  // [danger now, child involved, survivor age group, a child emergency call?]
  it.each([
    [true, false, '12_15', true],
    [true, false, '0_6', true],
    [true, true, '25_59', true],
    [true, true, null, true],
    [true, false, '16_17', false],
    [true, false, null, false],
    [false, true, '7_11', false],
    [false, false, '12_15', false],
  ] as const)(
    'a call, danger %p, child involved %p, age %p: %p',
    (dangerNow, childInvolved, group, urgent) => {
      expect(
        isChildEmergencyCall({
          dangerNow,
          childInvolved,
          survivorAgeGroup: group as AgeGroup | null,
        }),
      ).toBe(urgent);
    },
  );

  // [child?, an emergency waits for its intervention?, problem]
  it.each([
    [true, false, null],
    [true, true, ['emergency', 'already_open']],
    [false, false, ['survivor', 'not_a_child']],
    [false, true, ['survivor', 'not_a_child']],
  ] as const)('child %p, open emergency %p: %p', (isChild, openEmergency, problem) => {
    expect(
      checkChildEmergencyStart({ isChild, openEmergency }).map((p) => [p.field, p.code]),
    ).toEqual(problem ? [problem] : []);
  });
});

describe('recording the intervention', () => {
  const started = new Date(vn('2026-12-05T20:00').getTime() + 30_000); // 20:00:30
  const now = vn('2026-12-06T02:00');
  // [measure, note, taken at, problems]
  it.each([
    ['safe_place', null, '2026-12-05T23:00', []],
    ['police_protection', 'Công an xã đưa trẻ đến nhà bà ngoại', '2026-12-06T02:00', []],
    ['medical_care', null, '2026-12-05T20:00', []], // in the minute it started (entered to the minute)
    ['medical_care', null, '2026-12-05T19:59', [['takenAt', 'before_start']]],
    ['medical_care', null, '2026-12-06T02:01', [['takenAt', 'in_future']]],
    ['other', null, '2026-12-05T23:00', [['note', 'required']]],
    ['other', '   ', '2026-12-05T23:00', [['note', 'required']]],
    ['other', 'Đưa trẻ vào cơ sở trợ giúp xã hội', '2026-12-05T23:00', []],
    [
      'other',
      null,
      '2026-12-06T03:00',
      [
        ['takenAt', 'in_future'],
        ['note', 'required'],
      ],
    ],
  ] as const)('%s, note %p, taken at %s: %p', (measure, note, takenAt, problems) => {
    expect(
      checkChildIntervention(
        { measure: measure as ChildInterventionMeasure, note, takenAt: vn(takenAt) },
        { startedAt: started },
        now,
      ).map((p) => [p.field, p.code]),
    ).toEqual(problems);
  });
});
