import type { AgencyType } from '../agencies/agency-type';
import type { DeadlineKind, StagePlan } from '../clocks/deadline-kinds';
import type { Role } from '../roles/role';
import { addDaysToDate } from '../deadlines/calendar';

/**
 * Case conferences (issue 11, like a MARAC): a centre's supervisor convenes the agencies around a
 * high-risk case, records who attended and the minutes, and gives each agreed action an owner agency,
 * a due date and a status the owner keeps. Invited agencies see the conference, never the case.
 */

/** Agency types a conference may invite (the convening centre is there by right). */
export const CONFERENCE_INVITABLE_TYPES = [
  'police',
  'health',
  'legal_aid',
  'court',
  'commune_committee',
  'social_work_centre',
] as const satisfies readonly AgencyType[];

export function isConferenceInvitableType(type: AgencyType): boolean {
  return (CONFERENCE_INVITABLE_TYPES as readonly AgencyType[]).includes(type);
}

/**
 * The roles that work an invited agency's conference inbox: the liaisons, a commune committee's
 * officers, and a centre's caseworkers and supervisors. The one place to add a role that gains an inbox.
 */
export const CONFERENCE_INBOX_ROLES: readonly Role[] = [
  'police_liaison',
  'health_liaison',
  'justice_liaison',
  'commune_officer',
  'caseworker',
  'supervisor',
];

export function mayWorkConferenceInvites(role: Role): boolean {
  return CONFERENCE_INBOX_ROLES.includes(role);
}

/**
 * Scheduled until the convening centre records who attended and the minutes; a scheduled
 * conference may be cancelled (with a reason) instead, which is final.
 */
export const CONFERENCE_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];

/** The convening centre's steps on a conference. */
export type ConferenceStep = 'record' | 'reschedule' | 'cancel' | 'add_action';

/**
 * The conference's own status machine as a table: the statuses each step applies to and the one it
 * leaves. Recording again corrects the minutes; only a conference not yet held moves or is
 * cancelled; a cancelled conference takes nothing more.
 */
export const CONFERENCE_STEPS: Readonly<
  Record<ConferenceStep, Partial<Record<ConferenceStatus, ConferenceStatus>>>
> = {
  record: { scheduled: 'held', held: 'held' },
  reschedule: { scheduled: 'scheduled' },
  cancel: { scheduled: 'cancelled' },
  add_action: { scheduled: 'scheduled', held: 'held' },
};

/** The status after `step`, or null when the step does not apply to a conference in `status`. */
export function conferenceStatusAfter(
  status: ConferenceStatus,
  step: ConferenceStep,
): ConferenceStatus | null {
  return CONFERENCE_STEPS[step][status] ?? null;
}

export const ATTENDANCE_VALUES = ['unknown', 'attended', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE_VALUES)[number];

export const CONFERENCE_ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ConferenceActionStatus = (typeof CONFERENCE_ACTION_STATUSES)[number];

/** Who moves an action: the agency that owns it, or the convening centre. */
export type ConferenceActionSide = 'owner' | 'convener';

/**
 * The action status machine as a table: from, to, who may. Done and cancelled are final (a new
 * action is agreed instead). The owner completes or cancels its own action from its inbox; the
 * convening centre may cancel an action it no longer needs.
 */
export const CONFERENCE_ACTION_TRANSITIONS: readonly (readonly [
  ConferenceActionStatus,
  ConferenceActionStatus,
  readonly ConferenceActionSide[],
])[] = [
  ['open', 'done', ['owner']],
  ['open', 'cancelled', ['owner', 'convener']],
];

export function conferenceActionTransition(
  from: ConferenceActionStatus,
  to: ConferenceActionStatus,
  sides: readonly ConferenceActionSide[],
): 'allowed' | 'not_allowed_for_side' | 'invalid_transition' {
  const row = CONFERENCE_ACTION_TRANSITIONS.find(([f, t]) => f === from && t === to);
  if (!row) return 'invalid_transition';
  return row[2].some((s) => sides.includes(s)) ? 'allowed' : 'not_allowed_for_side';
}

/**
 * Who reads the minutes: the convening centre always; an invited agency only when it attended and
 * only while some action of the conference is still open (once every action is closed, the minutes
 * go back to the convening centre alone).
 */
export function mayReadMinutes(input: {
  viewerAgencyId: string;
  convenerAgencyId: string;
  attendance: Attendance | null;
  actionsOpen: boolean;
}): boolean {
  if (input.viewerAgencyId === input.convenerAgencyId) return true;
  return input.attendance === 'attended' && input.actionsOpen;
}

export const CONFERENCE_ACTION_KIND = 'conference_action' as const satisfies DeadlineKind;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An action's clock: the owner agency's inbox users are reminded the day before; when it passes
 * open, the owner agency and the convener hear of it, each once.
 */
export function conferenceActionStages(): StagePlan[] {
  return [
    { stage: 'reminder_1d', kind: 'reminder', audience: 'action_owner_agency', offsetMs: -DAY_MS },
    { stage: 'escalation_due', kind: 'escalation', audience: 'action_owner_agency', offsetMs: 0 },
    { stage: 'escalation_due_convener', kind: 'escalation', audience: 'convener', offsetMs: 0 },
  ];
}

export const CONFERENCE_LIMITS = {
  agenda: 4000,
  /** A cancellation's or a rescheduling's reason. */
  reason: 1000,
  minutes: 20000,
  actionDescription: 1000,
  note: 1000,
  invited: 20,
  /** A conference is scheduled, an action due and a review dated within this many days (as follow-ups). */
  maxDaysAhead: 180,
} as const;

export interface ConferenceProblem {
  field: string;
  code: 'before_today' | 'too_far' | 'not_invitable' | 'convener_invited';
  message: string;
}

/** A date (due, review) from today to a year ahead. */
export function checkConferenceDate(
  field: string,
  date: string,
  today: string,
): ConferenceProblem[] {
  if (date < today) return [{ field, code: 'before_today', message: `${field} is today or later` }];
  if (date > addDaysToDate(today, CONFERENCE_LIMITS.maxDaysAhead)) {
    return [
      {
        field,
        code: 'too_far',
        message: `${field} is within ${CONFERENCE_LIMITS.maxDaysAhead} days`,
      },
    ];
  }
  return [];
}
