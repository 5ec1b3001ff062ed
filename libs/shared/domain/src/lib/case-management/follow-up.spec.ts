import type { FollowUpStatus } from './follow-up';
import {
  FOLLOW_UP_MAX_DAYS,
  checkFollowUpDate,
  checkFollowUpOutcome,
  followUpStages,
} from './follow-up';

const DAY = 24 * 60 * 60 * 1000;
const TODAY = '2026-12-05';

describe('follow-up contacts', () => {
  it('remind the caseworker the day before and tell the supervisors when the day has passed', () => {
    expect(followUpStages()).toEqual([
      { stage: 'reminder_1d', kind: 'reminder', audience: 'assigned_caseworker', offsetMs: -DAY },
      { stage: 'escalation_due', kind: 'escalation', audience: 'supervisors', offsetMs: 0 },
    ]);
  });

  // [planned date, problem code or null]
  it.each([
    ['2026-12-04', 'before_today'],
    ['2025-12-31', 'before_today'],
    [TODAY, null],
    ['2026-12-06', null],
    ['2027-06-03', null], // 180 days ahead
    ['2027-06-04', 'too_far'],
  ] as const)('a contact planned for %s: %p', (date, code) => {
    expect(FOLLOW_UP_MAX_DAYS).toBe(180);
    expect(checkFollowUpDate('plannedOn', date, TODAY).map((p) => p.code)).toEqual(
      code ? [code] : [],
    );
  });

  // [status, next date, [field, code] or null]
  it.each([
    ['planned', null, null],
    ['planned', '2026-12-19', null],
    ['planned', TODAY, null],
    ['planned', '2026-12-01', ['nextOn', 'before_today']],
    ['planned', '2027-12-01', ['nextOn', 'too_far']],
    ['done', null, ['status', 'already_recorded']],
    ['done', '2026-12-19', ['status', 'already_recorded']],
  ] as const)(
    'recording the outcome of a %s contact, next on %p: %p',
    (status, nextOn, problem) => {
      expect(
        checkFollowUpOutcome(status as FollowUpStatus, { nextOn }, TODAY).map((p) => [
          p.field,
          p.code,
        ]),
      ).toEqual(problem ? [problem] : []);
    },
  );
});
