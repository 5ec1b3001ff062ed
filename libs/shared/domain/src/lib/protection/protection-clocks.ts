import type { StagePlan } from '../clocks/deadline-kinds';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Art. 25.2: the commune chairman decides within 12 hours of receiving the request. */
export const NO_CONTACT_DECISION_HOURS = 12;
/** Reminder to the committee 8 hours into the 12. */
export const NO_CONTACT_DECISION_REMINDER_AT_HOURS = 8;
/** Circular 66/2025/TT-BCA: the commune police issue a supervision plan within 1 hour of the decision. */
export const SUPERVISION_PLAN_HOURS = 1;
/** Default: the caseworker is reminded 12 hours before an order ends (configurable). */
export const MEASURE_EXPIRY_REMINDER_HOURS = 12;

/**
 * The 12-hour decision clock: a reminder to the committee at 8 hours, and at 12 the escalation to the
 * committee, the caseworker who asked and the centre's supervisors (one stage per audience).
 */
export function noContactDecisionStages(): StagePlan[] {
  return [
    {
      stage: `reminder_${NO_CONTACT_DECISION_REMINDER_AT_HOURS}h`,
      kind: 'reminder',
      audience: 'deciding_agency',
      offsetMs: (NO_CONTACT_DECISION_REMINDER_AT_HOURS - NO_CONTACT_DECISION_HOURS) * HOUR_MS,
    },
    { stage: 'escalation_due', kind: 'escalation', audience: 'deciding_agency', offsetMs: 0 },
    {
      stage: 'escalation_due_requester',
      kind: 'escalation',
      audience: 'requesting_user',
      offsetMs: 0,
    },
    {
      stage: 'escalation_due_supervisors',
      kind: 'escalation',
      audience: 'supervisors',
      offsetMs: 0,
    },
  ];
}

/** The commune police's 1-hour supervision plan clock: a reminder at 30 minutes, escalation at 1 hour. */
export function supervisionPlanStages(): StagePlan[] {
  return [
    {
      stage: 'reminder_30m',
      kind: 'reminder',
      audience: 'police_agency',
      offsetMs: -30 * MINUTE_MS,
    },
    { stage: 'escalation_due', kind: 'escalation', audience: 'police_agency', offsetMs: 0 },
  ];
}

/**
 * The order's end: the caseworker is reminded `reminderHours` before to decide on renewal or a court
 * order, and told when it has ended with neither.
 */
export function measureExpiryStages(reminderHours: number): StagePlan[] {
  return [
    {
      stage: `reminder_${reminderHours}h`,
      kind: 'reminder',
      audience: 'assigned_caseworker',
      offsetMs: -reminderHours * HOUR_MS,
    },
    { stage: 'escalation_due', kind: 'escalation', audience: 'assigned_caseworker', offsetMs: 0 },
  ];
}

/**
 * An expiry clock is an hour period that ends at the order's end: it starts the whole hours before
 * it (at or after the order's start), so `computeDueAt` gives the end exactly.
 */
export function expiryClockPeriod(
  startsAt: Date,
  endsAt: Date,
): { startedAt: Date; hours: number } {
  const hours = Math.max(0, Math.floor((endsAt.getTime() - startsAt.getTime()) / HOUR_MS));
  return { startedAt: new Date(endsAt.getTime() - hours * HOUR_MS), hours };
}
