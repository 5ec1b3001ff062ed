/** Coded vocabulary for intake, cases and incidents. Labels live in the web's translation files. */

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Age groups chosen so the legal thresholds (7: child assent; 16: adult in Vietnamese law; 18) are edges. */
export const AGE_GROUPS = [
  '0_6',
  '7_11',
  '12_15',
  '16_17',
  '18_24',
  '25_59',
  '60_plus',
  'unknown',
] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const CALL_CHANNELS = ['phone', 'sms', 'zalo', 'walk_in'] as const;
export type CallChannel = (typeof CALL_CHANNELS)[number];

export const CALLER_TYPES = [
  'survivor',
  'family_member',
  'witness',
  'professional',
  'anonymous',
] as const;
export type CallerType = (typeof CALLER_TYPES)[number];

export const CALL_OUTCOMES = [
  'information',
  'counselling',
  'emergency_police_referral',
  'handed_to_centre',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** How the commune chairman was told (Decree 76 Art. 8-9). */
export const NOTIFICATION_MEANS = ['phone', 'sms', 'in_person', 'written', 'other'] as const;
export type NotificationMeans = (typeof NOTIFICATION_MEANS)[number];

/** GBVIMS core types, in the order of elimination (DOMAIN.md §4). */
export const GBV_TYPES = [
  'rape',
  'sexual_assault',
  'physical_assault',
  'forced_marriage',
  'denial_of_resources',
  'psychological_abuse',
  'non_gbv',
] as const;
export type GbvType = (typeof GBV_TYPES)[number];

/** Vietnamese statistics: the four forms of domestic violence (multi-select). */
export const DV_FORMS = ['psychological', 'physical', 'sexual', 'economic'] as const;
export type DvForm = (typeof DV_FORMS)[number];

export const CONTEXT_FLAGS = [
  'domestic_violence',
  'intimate_partner_violence',
  'child_sexual_abuse',
  'early_marriage',
  'trafficking',
  'sexual_exploitation',
] as const;
export type ContextFlag = (typeof CONTEXT_FLAGS)[number];

export const PERPETRATOR_RELATIONSHIPS = [
  'spouse',
  'former_spouse',
  'cohabiting_partner',
  'dating_partner',
  'parent',
  'step_parent',
  'child',
  'grandparent',
  'sibling',
  'in_law',
  'other_relative',
  'caregiver',
  'employer',
  'teacher',
  'schoolmate',
  'service_provider',
  'neighbour_or_family_friend',
  'other_community_member',
  'stranger',
  'unknown',
] as const;
export type PerpetratorRelationship = (typeof PERPETRATOR_RELATIONSHIPS)[number];

export const INJURY_TYPES = [
  'none',
  'bruises_or_cuts',
  'fracture',
  'burn',
  'head_injury',
  'sexual_or_reproductive_injury',
  'pregnancy',
  'other',
] as const;
export type InjuryType = (typeof INJURY_TYPES)[number];

/** Why an incident is serious; any one starts the 10-day clock (issue 4). */
export const SERIOUS_REASONS = [
  'death',
  'life_threatening_injury',
  'serious_injury',
  'sexual_violence_against_child',
  'child_victim',
  'weapon_used',
  'repeated_violence',
  'multiple_victims',
  'other',
] as const;
export type SeriousReason = (typeof SERIOUS_REASONS)[number];

/** How precisely the time of the incident is known ("approximate allowed"). */
export const DATE_PRECISIONS = ['exact', 'day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const CASE_STAGES = [
  'intake',
  'assessment',
  'case_planning',
  'implementation',
  'follow_up',
  'closure_pending',
  'closed',
  'reopened',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const RISK_LEVELS = ['unknown', 'low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * Where a case came from: a hotline call, a community referral, a walk-in, or a survivor referred in
 * by another agency outside Cầu Nối (police, a health facility, the commune…), recorded at a walk-in.
 */
export const CASE_SOURCES = ['call', 'community_referral', 'walk_in', 'agency_referral'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const INTAKE_ITEM_STATUSES = ['pending', 'opened', 'dismissed'] as const;
export type IntakeItemStatus = (typeof INTAKE_ITEM_STATUSES)[number];

/** Why a centre takes an item off its queue without opening a case. */
export const INTAKE_DISMISSAL_REASONS = ['duplicate', 'not_gbv', 'test', 'other'] as const;
export type IntakeDismissalReason = (typeof INTAKE_DISMISSAL_REASONS)[number];

/** What a volunteer may see of what they sent. */
export const COMMUNITY_REFERRAL_STATUSES = ['received', 'accepted', 'closed'] as const;
export type CommunityReferralStatus = (typeof COMMUNITY_REFERRAL_STATUSES)[number];

export const CONSENT_KINDS = ['case_management', 'information_sharing'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_GIVERS = ['survivor', 'guardian', 'best_interest_decision'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const CONSENT_METHODS = ['verbal', 'written', 'electronic'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** What a referral packet may disclose (counselling notes are never shareable). */
export const DATA_CATEGORIES = [
  'identity_contact',
  'safe_contact',
  'incident_facts',
  'injuries_medical',
  'risk_level',
  'perpetrator_info',
  /** The perpetrator record's identity (name, aliases, phone, address, ID number): police need it for protection. */
  'perpetrator',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const SAFE_CONTACT_METHODS = [
  'phone_call',
  'sms',
  'zalo',
  'through_trusted_person',
  'in_person',
  'do_not_contact',
] as const;
export type SafeContactMethod = (typeof SAFE_CONTACT_METHODS)[number];
