import { addDaysToDate } from '../deadlines/calendar';
import type { DeadlineKind, StagePlan } from '../clocks/deadline-kinds';

/**
 * Follow-up contacts (issue 10, IASC step 6): the caseworker plans a contact with the survivor on a
 * date, by a method, then records its outcome and, when the case needs more, the next date. Each
 * planned contact runs a clock (`follow_up`): the caseworker is reminded the day before, the
 * supervisors hear of it once the day has passed with no outcome recorded.
 */
export const FOLLOW_UP_KIND = 'follow_up' as const satisfies DeadlineKind;

export const FOLLOW_UP_METHODS = [
  'phone',
  'home_visit',
  'office_visit',
  'online',
  'via_partner',
] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];

/** `reached`: the contact happened; `not_reached`: tried and failed; `declined`: the survivor said no. */
export const FOLLOW_UP_OUTCOMES = ['reached', 'not_reached', 'declined'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** A contact is planned at most this far ahead (a case nobody looks at for longer is not followed). */
export const FOLLOW_UP_MAX_DAYS = 180;
export const FOLLOW_UP_NOTE_MAX = 2000;

export type FollowUpStatus = 'planned' | 'done';

export interface FollowUpProblem {
  field: 'plannedOn' | 'nextOn' | 'status';
  code: 'before_today' | 'too_far' | 'already_recorded';
  message: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Reminder the day before (the morning of the day, since the clock ends at midnight); escalation when it passes. */
export function followUpStages(): StagePlan[] {
  return [
    { stage: 'reminder_1d', kind: 'reminder', audience: 'assigned_caseworker', offsetMs: -DAY_MS },
    { stage: 'escalation_due', kind: 'escalation', audience: 'supervisors', offsetMs: 0 },
  ];
}

/** A date a contact may be planned for: today up to FOLLOW_UP_MAX_DAYS ahead. */
export function checkFollowUpDate(
  field: 'plannedOn' | 'nextOn',
  date: string,
  today: string,
): FollowUpProblem[] {
  if (date < today) return [{ field, code: 'before_today', message: `${field} is today or later` }];
  if (date > addDaysToDate(today, FOLLOW_UP_MAX_DAYS)) {
    return [{ field, code: 'too_far', message: `${field} is within ${FOLLOW_UP_MAX_DAYS} days` }];
  }
  return [];
}

/**
 * Recording an outcome: only a planned contact takes one (once), and a next date, when given,
 * plans the next contact (its method defaults to this one's).
 */
export function checkFollowUpOutcome(
  status: FollowUpStatus,
  next: { nextOn: string | null },
  today: string,
): FollowUpProblem[] {
  if (status !== 'planned') {
    return [
      {
        field: 'status',
        code: 'already_recorded',
        message: 'this contact already has its outcome',
      },
    ];
  }
  return next.nextOn === null ? [] : checkFollowUpDate('nextOn', next.nextOn, today);
}
