import type {
  AgeGroup,
  CallChannel,
  CallerType,
  CaseSource,
  ConsentGiver,
  ConsentMethod,
  DisabilityStatus,
  EthnicMinorityStatus,
  IntakeDismissalReason,
  IntakeItemStatus,
  SafeContactMethod,
  Sex,
} from '@caunoi/shared/domain';
import type { CreateIncidentRequest } from './cases';

/** One item in a social-work centre's intake queue: a handed-over call or a community referral. */
export interface IntakeItemView {
  id: string;
  source: Exclude<CaseSource, 'walk_in' | 'agency_referral'>;
  status: IntakeItemStatus;
  receivedAt: string;
  communeCode: string | null;
  dangerNow: boolean;
  childInvolved: boolean;
  /** For calls. */
  channel: CallChannel | null;
  callerType: CallerType | null;
  survivorSex: Sex | null;
  survivorAgeGroup: AgeGroup | null;
  /** For community referrals: whether the survivor agreed to be contacted. */
  consentToContact: boolean | null;
  /** Decrypted details the caseworker needs to reach the survivor (calls: operator notes). */
  summary: string | null;
  safeContactMethod: SafeContactMethod | null;
  safeContactDetails: string | null;
  survivorName: string | null;
  caseId: string | null;
  /**
   * True for an opened item whose case the reader may not open: its summary, name, contact details and
   * case id are then null.
   */
  detailsWithheld: boolean;
  /** Why the centre took it off the queue without a case; null unless dismissed. */
  dismissalReason: IntakeDismissalReason | null;
}

/** Taking an item off the queue without opening a case. */
export interface DismissIntakeItemRequest {
  reason: IntakeDismissalReason;
  /** Optional, kept encrypted (it may name someone); required when the reason is `other`. */
  note?: string | null;
}

export interface IntakeListQuery {
  after?: string;
  limit?: number;
  status?: IntakeItemStatus;
}

/** Consent to case management, recorded before the story is taken (IASC step 1). */
export interface CaseConsentInput {
  given: boolean;
  givenBy: ConsentGiver;
  method: ConsentMethod;
  /** For a child of 7 or more. */
  childAssent?: boolean | null;
  /** The guardian is the suspected perpetrator: only a supervisor's best-interest decision can stand in. */
  guardianIsSuspect?: boolean;
  /** Free-text reason recorded with a best-interest decision (encrypted). */
  bestInterestReason?: string | null;
}

/** Identity is stored only with consent to case management; every field is encrypted at rest. */
export interface SurvivorIdentityInput {
  fullName?: string | null;
  /** YYYY-MM-DD. Either a birth date or an age. */
  dateOfBirth?: string | null;
  age?: number | null;
  sex: Sex;
  phone?: string | null;
  address?: string | null;
  idNumber?: string | null;
  ethnicity?: string | null;
  disability?: string | null;
  safeContactMethod?: SafeContactMethod | null;
  safeContactDetails?: string | null;
  /** Coded in clear, outside the encrypted identity, to be counted (statistics); default unknown. */
  disabilityStatus?: DisabilityStatus;
  ethnicMinority?: EthnicMinorityStatus;
}

/**
 * Opens a case: from an intake item (`POST /api/intake/:id/open-case`) or a walk-in (`POST /api/cases`).
 * Without consent only an anonymous record is kept: identity, notes and incidents' free text are refused.
 */
export interface OpenCaseRequest {
  consent: CaseConsentInput;
  survivor: SurvivorIdentityInput;
  /** Optional first incident, recorded with the case. */
  incident?: CreateIncidentRequest | null;
  communeCode?: string | null;
  /**
   * A walk-in only: the survivor was referred in by another agency outside Cầu Nối (police, a health
   * facility, the commune…); the case's source is then `agency_referral` (the `agency` channel).
   */
  referredByAgency?: boolean;
}
