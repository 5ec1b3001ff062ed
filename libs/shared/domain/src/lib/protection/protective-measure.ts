import type { Role } from '../roles/role';

/**
 * Protective measures on a case (Law 13/2022/QH15 Art. 22), the no-contact orders of Art. 25 (by the
 * commune chairman) and Art. 26 (by a court), and their state machine and limits.
 */

/** Art. 22's measures that a case records. */
export const PROTECTIVE_MEASURE_TYPES = [
  /** Art. 25: decided by the chairman of the commune People's Committee, at most 3 days. */
  'no_contact_commune',
  /** Art. 26: decided by a court, at most 4 months. */
  'no_contact_court',
  'commune_police_summons',
  'temporary_shelter',
  'care_and_treatment',
  'legal_aid',
  'behaviour_change_education',
  'community_service',
  'other',
] as const;
export type ProtectiveMeasureType = (typeof PROTECTIVE_MEASURE_TYPES)[number];

/** Who asked for the measure. An agency asking needs the victim's consent (Art. 25.1). */
export const MEASURE_REQUESTERS = [
  'victim',
  'guardian',
  'social_work_centre',
  'police',
  'other_agency',
] as const;
export type MeasureRequester = (typeof MEASURE_REQUESTERS)[number];

const AGENCY_REQUESTERS: readonly MeasureRequester[] = [
  'social_work_centre',
  'police',
  'other_agency',
];

/** Whether the request needs the victim's recorded consent: it does when an agency asks. */
export function requestNeedsConsent(requestedBy: MeasureRequester): boolean {
  return AGENCY_REQUESTERS.includes(requestedBy);
}

export const DECIDING_BODIES = [
  'commune_chairman',
  'court',
  'commune_police',
  'social_work_centre',
  'health_facility',
  'legal_aid_centre',
  'other',
] as const;
export type DecidingBody = (typeof DECIDING_BODIES)[number];

/** The body the law names for a measure, when it names one; other measures take the requester's choice. */
export const FIXED_DECIDING_BODY: Readonly<Partial<Record<ProtectiveMeasureType, DecidingBody>>> = {
  no_contact_commune: 'commune_chairman',
  no_contact_court: 'court',
  commune_police_summons: 'commune_police',
};

/**
 * Statuses. `granted` is decided and not yet in force (a court order that starts later); a commune
 * order is in force from its signing. `breached` is still in force: a breach is reported, the order
 * runs to its end.
 */
export const MEASURE_STATUSES = [
  'requested',
  'granted',
  'in_force',
  'ended',
  'revoked',
  'breached',
  'refused',
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export type MeasureAction = 'grant' | 'refuse' | 'take_effect' | 'breach' | 'end' | 'revoke';

const TRANSITIONS: Readonly<Record<MeasureAction, Partial<Record<MeasureStatus, MeasureStatus>>>> =
  {
    grant: { requested: 'granted' },
    refuse: { requested: 'refused' },
    take_effect: { granted: 'in_force' },
    breach: { in_force: 'breached', breached: 'breached' },
    end: { granted: 'ended', in_force: 'ended', breached: 'ended' },
    revoke: { granted: 'revoked', in_force: 'revoked', breached: 'revoked' },
  };

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextMeasureStatus(
  status: MeasureStatus,
  action: MeasureAction,
): MeasureStatus | null {
  return TRANSITIONS[action][status] ?? null;
}

/** Whether the order binds now (a breach can be reported against it). */
export function isInForce(status: MeasureStatus): boolean {
  return status === 'in_force' || status === 'breached';
}

/**
 * The status a measure has at `now`: a granted measure takes effect at its start, and every decided
 * measure ends at its end. Stored statuses lag behind time; every read goes through this.
 */
export function measureStatusAt(
  measure: { status: MeasureStatus; startsAt: Date | null; endsAt: Date | null },
  now: Date,
): MeasureStatus {
  let status = measure.status;
  if (status === 'granted' && measure.startsAt && measure.startsAt <= now) status = 'in_force';
  if (measure.endsAt && measure.endsAt <= now && nextMeasureStatus(status, 'end')) status = 'ended';
  return status;
}

const HOUR_MS = 3600_000;
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;

/** Art. 25.3: a commune no-contact order lasts at most 3 days. */
export const COMMUNE_ORDER_MAX_HOURS = 72;
/** Art. 26: a court's no-contact order lasts at most 4 months. */
export const COURT_ORDER_MAX_MONTHS = 4;

/**
 * `instant` plus `months` calendar months in Vietnam time, the day clamped to the target month's
 * last day (31 October + 4 months is 28 or 29 February).
 */
export function addVietnamMonths(instant: Date, months: number): Date {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const day = local.getUTCDate();
  const target = new Date(local.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return new Date(target.getTime() - VIETNAM_OFFSET_MS);
}

/** The latest end a measure of `type` starting at `startsAt` may have, or null when the law sets none. */
export function latestEnd(type: ProtectiveMeasureType, startsAt: Date): Date | null {
  if (type === 'no_contact_commune') {
    return new Date(startsAt.getTime() + COMMUNE_ORDER_MAX_HOURS * HOUR_MS);
  }
  if (type === 'no_contact_court') return addVietnamMonths(startsAt, COURT_ORDER_MAX_MONTHS);
  return null;
}

/**
 * Who records a decision on the measure and its revocation: the commune committee addressed, for
 * the chairman's no-contact order (Art. 25: the one who decided revokes, at the victim's request);
 * the case's centre for every other measure, whose deciding body (a court, a shelter) is outside.
 */
export function recordedBy(type: ProtectiveMeasureType): 'commune_committee' | 'centre' {
  return type === 'no_contact_commune' ? 'commune_committee' : 'centre';
}

/** Orders whose decision must carry an end: the no-contact orders. */
export function decisionNeedsEnd(type: ProtectiveMeasureType): boolean {
  return type === 'no_contact_commune' || type === 'no_contact_court';
}

export interface MeasureDecision {
  decision: 'granted' | 'refused';
  startsAt: Date | null;
  endsAt: Date | null;
  reasons: string | null;
}

export const MEASURE_PROBLEM_CODES = [
  'required',
  'refusal_reasons_required',
  'ends_before_start',
  'exceeds_max_duration',
  'decision_after_end',
  'starts_before_request',
  'effective_on_signing',
] as const;
export type MeasureProblemCode = (typeof MEASURE_PROBLEM_CODES)[number];

export interface MeasureProblem {
  field: 'startsAt' | 'endsAt' | 'reasons';
  code: MeasureProblemCode;
}

/** Signing a commune order may be recorded a little after the fact; never in the future. */
export const SIGNING_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * What is wrong with a decision on a measure requested at `requestedAt`, recorded at `now` (empty
 * when nothing). A refusal needs written reasons (Art. 25.2); a grant needs a start, and a no-contact
 * order an end within its legal limit that is still ahead (a decision after the order's end is
 * refused); a commune order is effective on signing, so its start is the signing, not later.
 */
export function decisionProblems(
  type: ProtectiveMeasureType,
  d: MeasureDecision,
  context: { requestedAt: Date; now: Date },
): MeasureProblem[] {
  if (d.decision === 'refused') {
    return d.reasons && d.reasons.trim().length > 0
      ? []
      : [{ field: 'reasons', code: 'refusal_reasons_required' }];
  }
  const problems: MeasureProblem[] = [];
  if (!d.startsAt) problems.push({ field: 'startsAt', code: 'required' });
  if (!d.endsAt && decisionNeedsEnd(type)) problems.push({ field: 'endsAt', code: 'required' });
  if (!d.startsAt) return problems;
  if (d.startsAt < context.requestedAt && type === 'no_contact_commune') {
    problems.push({ field: 'startsAt', code: 'starts_before_request' });
  }
  if (
    type === 'no_contact_commune' &&
    d.startsAt.getTime() > context.now.getTime() + SIGNING_CLOCK_SKEW_MS
  ) {
    problems.push({ field: 'startsAt', code: 'effective_on_signing' });
  }
  if (!d.endsAt) return problems;
  if (d.endsAt <= d.startsAt) {
    problems.push({ field: 'endsAt', code: 'ends_before_start' });
    return problems;
  }
  const limit = latestEnd(type, d.startsAt);
  if (limit && d.endsAt > limit) problems.push({ field: 'endsAt', code: 'exceeds_max_duration' });
  if (d.endsAt <= context.now) problems.push({ field: 'endsAt', code: 'decision_after_end' });
  return problems;
}

/** The status a decision leaves: refused, or granted (in force at once when it has started). */
export function statusAfterDecision(d: MeasureDecision, now: Date): MeasureStatus {
  if (d.decision === 'refused') return 'refused';
  return d.startsAt && d.startsAt <= now ? 'in_force' : 'granted';
}

/** Decree 76/2023 Art. 19: what counts as breaching a no-contact order. */
export const BREACH_KINDS = ['within_100m', 'contact_by_device'] as const;
export type BreachKind = (typeof BREACH_KINDS)[number];

/**
 * Who may report a breach (issue 11): the case's caseworker (and supervisor), the commune police,
 * and the volunteer who referred the survivor. The committee that decided does not report breaches.
 */
export const BREACH_REPORTER_ROLES: readonly Role[] = [
  'caseworker',
  'supervisor',
  'police_liaison',
  'volunteer',
];
