import { WorkingCalendar } from '../deadlines/calendar';
import { computeDueAt } from '../deadlines/deadline-arithmetic';
import {
  NO_CONTACT_DECISION_HOURS,
  SUPERVISION_PLAN_HOURS,
  expiryClockPeriod,
  measureExpiryStages,
  noContactDecisionStages,
  supervisionPlanStages,
} from './protection-clocks';

const HOUR = 3600_000;
// Tết 2027 (the official days off the deadline calendar ships) and a weekend: hours run through.
const TET = new WorkingCalendar([
  { date: '2027-02-05', kind: 'public_holiday', name: 'Tết Nguyên đán' },
  { date: '2027-02-06', kind: 'public_holiday', name: 'Tết Nguyên đán' },
  { date: '2027-02-08', kind: 'public_holiday', name: 'Tết Nguyên đán' },
]);

describe('the 12-hour and 1-hour clocks run through nights, weekends and Tết', () => {
  it.each([
    // 20:00 Vietnam time Friday → 08:00 Saturday.
    ['2026-12-04T13:00:00Z', NO_CONTACT_DECISION_HOURS, '2026-12-05T01:00:00Z'],
    // 23:30 on the eve of Tết → 11:30 on a holiday.
    ['2027-02-05T16:30:00Z', NO_CONTACT_DECISION_HOURS, '2027-02-06T04:30:00Z'],
    // 23:30 Sunday → 00:30 Monday (across midnight).
    ['2026-12-06T16:30:00Z', SUPERVISION_PLAN_HOURS, '2026-12-06T17:30:00Z'],
    // During Tết.
    ['2027-02-06T01:00:00Z', SUPERVISION_PLAN_HOURS, '2027-02-06T02:00:00Z'],
  ])('from %s, %i hours → %s', (from, hours, due) => {
    expect(computeDueAt(new Date(from), { unit: 'hours', amount: hours }, TET).toISOString()).toBe(
      new Date(due).toISOString(),
    );
  });
});

describe('stage plans', () => {
  it('reminds the committee at 8 hours and escalates at 12 to the committee, the requester and the supervisors', () => {
    expect(
      noContactDecisionStages().map((s) => [s.stage, s.kind, s.audience, s.offsetMs / HOUR]),
    ).toEqual([
      ['reminder_8h', 'reminder', 'deciding_agency', -4],
      ['escalation_due', 'escalation', 'deciding_agency', 0],
      ['escalation_due_requester', 'escalation', 'requesting_user', 0],
      ['escalation_due_supervisors', 'escalation', 'supervisors', 0],
    ]);
  });

  it('speaks to the commune police about the supervision plan, at 30 minutes and at the hour', () => {
    expect(supervisionPlanStages().map((s) => [s.stage, s.audience, s.offsetMs / 60_000])).toEqual([
      ['reminder_30m', 'police_agency', -30],
      ['escalation_due', 'police_agency', 0],
    ]);
  });

  it.each([12, 6, 24])('reminds the caseworker %i hours before an order ends', (hours) => {
    const [reminder, end] = measureExpiryStages(hours);
    expect([reminder.stage, reminder.audience, reminder.offsetMs / HOUR]).toEqual([
      `reminder_${hours}h`,
      'assigned_caseworker',
      -hours,
    ]);
    expect([end.stage, end.kind, end.offsetMs]).toEqual(['escalation_due', 'escalation', 0]);
  });
});

describe('expiryClockPeriod', () => {
  it.each([
    // Whole hours: starts with the order.
    ['2026-12-05T06:00:00Z', '2026-12-08T06:00:00Z', '2026-12-05T06:00:00Z', 72],
    // A part hour: starts up to an hour after the order, so the due instant is its end exactly.
    ['2026-12-05T06:20:00Z', '2026-12-08T06:00:00Z', '2026-12-05T07:00:00Z', 71],
  ])('%s → %s starts at %s for %i hours', (starts, ends, started, hours) => {
    const p = expiryClockPeriod(new Date(starts), new Date(ends));
    expect([p.startedAt.toISOString(), p.hours]).toEqual([new Date(started).toISOString(), hours]);
    expect(computeDueAt(p.startedAt, { unit: 'hours', amount: p.hours }, TET).toISOString()).toBe(
      new Date(ends).toISOString(),
    );
  });
});
