import type { AgencyType } from '../agencies/agency-type';
import type { Role } from '../roles/role';

/** How fast the receiving agency must answer (DOMAIN.md §5: design defaults, configurable). */
export const REFERRAL_URGENCIES = ['emergency', 'urgent', 'routine'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

/** Response periods in hours when an admin has not set others for an agency type. */
export const DEFAULT_RESPONSE_HOURS: Readonly<Record<ReferralUrgency, number>> = {
  emergency: 1,
  urgent: 24,
  routine: 72,
};

/** Bounds an admin may set a response period to: at least 1 hour, at most 30 days. */
export const RESPONSE_HOURS_MIN = 1;
export const RESPONSE_HOURS_MAX = 720;

/** Overdue is a deadline state, not a status (DOMAIN.md §5). */
export const REFERRAL_STATUSES = [
  'sent',
  'accepted',
  'declined',
  'in_service',
  'completed',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** While a referral is open the receiving agency sees its packet; after, only its own service records. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['sent', 'accepted', 'in_service'];

export function isReferralOpen(status: ReferralStatus): boolean {
  return OPEN_REFERRAL_STATUSES.includes(status);
}

export const DECLINE_REASONS = [
  'outside_area',
  'no_capacity',
  'not_eligible',
  'survivor_unreachable',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** The only grounds on which a referral may go without the survivor's consent (DOMAIN.md §6.2). */
export const OVERRIDE_REASONS = [
  'mandatory_child_abuse_report',
  'threat_to_life',
  'legal_obligation',
] as const;
export type OverrideReason = (typeof OVERRIDE_REASONS)[number];

/** Why a referral was withdrawn: by the sender, by re-routing, or because consent was withdrawn. */
export const WITHDRAW_REASONS = [
  'no_longer_needed',
  'survivor_request',
  'rerouted',
  'consent_withdrawn',
  'other',
] as const;
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number];

/** What the sender may pick when withdrawing by hand (the other two are set by the system). */
export const SENDER_WITHDRAW_REASONS: readonly WithdrawReason[] = [
  'no_longer_needed',
  'survivor_request',
  'other',
];

export const SERVICE_OUTCOMES = [
  'provided',
  'survivor_declined',
  'not_available',
  'referred_on',
] as const;
export type ServiceOutcome = (typeof SERVICE_OUTCOMES)[number];

/**
 * Agency types that can receive a referral in the system: each has a role that works an inbox.
 * Shelters, women's unions and schools have no receiving role yet.
 */
export const REFERRAL_TARGET_TYPES = [
  'police',
  'health',
  'legal_aid',
  'court',
  'social_work_centre',
] as const satisfies readonly AgencyType[];
export type ReferralTargetType = (typeof REFERRAL_TARGET_TYPES)[number];

export function isReferralTargetType(type: AgencyType): type is ReferralTargetType {
  return (REFERRAL_TARGET_TYPES as readonly AgencyType[]).includes(type);
}

/** Who works the inbox of a receiving agency of each type. */
export const RECEIVING_ROLES: Readonly<Record<ReferralTargetType, readonly Role[]>> = {
  police: ['police_liaison'],
  health: ['health_liaison'],
  legal_aid: ['justice_liaison'],
  court: ['justice_liaison'],
  social_work_centre: ['caseworker', 'supervisor'],
};

/** Roles that may work some agency's referral inbox. */
export const INBOX_ROLES: readonly Role[] = [
  'police_liaison',
  'health_liaison',
  'justice_liaison',
  'caseworker',
  'supervisor',
];

/** The events on a referral's timeline (audited, shown to the sending case). */
export const REFERRAL_EVENTS = [
  'sent',
  'accepted',
  'declined',
  'service_recorded',
  'completed',
  'withdrawn',
  'response_overdue',
  'override_reviewed',
  'rerouted',
] as const;
export type ReferralEventKind = (typeof REFERRAL_EVENTS)[number];
