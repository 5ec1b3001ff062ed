import type {
  AgeGroup,
  ClosureGoalStatus,
  ClosureReason,
  ClosureRequestStatus,
  CaseSource,
  CaseStage,
  ConsentGiver,
  ConsentKind,
  ConsentMethod,
  ContextFlag,
  DataCategory,
  DatePrecision,
  DisabilityStatus,
  DvForm,
  EthnicMinorityStatus,
  GbvType,
  InjuryType,
  AgencyType,
  PerpetratorRelationship,
  RiskLevel,
  SafeContactMethod,
  SeriousReason,
  Sex,
} from '@caunoi/shared/domain';

export interface PerpetratorInput {
  relationship: PerpetratorRelationship;
  sex: Sex;
  ageGroup: AgeGroup;
}

/**
 * An incident. The GBVIMS type is not picked: it follows from `classificationAnswers`, keyed by the
 * domain's CLASSIFICATION_QUESTIONS, answered in order until the first "yes".
 */
export interface CreateIncidentRequest {
  /** ISO instant (approximate allowed: see `occurredPrecision`). */
  occurredAt: string;
  occurredPrecision: DatePrecision;
  /** ISO instant the incident came to light; never in the future, never before `occurredAt`. */
  discoveredAt: string;
  communeCode: string;
  classificationAnswers: Record<string, boolean>;
  dvForms: DvForm[];
  contextFlags: ContextFlag[];
  perpetrators: PerpetratorInput[];
  injuries: InjuryType[];
  serious: boolean;
  seriousReasons: SeriousReason[];
  /** Short factual description (encrypted). */
  description?: string | null;
}

export type UpdateIncidentRequest = Partial<CreateIncidentRequest> & {
  /** Required when `serious` goes from true to false: un-marking cancels the 10-day clock with this reason. */
  unmarkReason?: string | null;
  /** Why the facts are corrected: required when anything but the serious mark changes. */
  correctionReason?: string | null;
  /** The version the editor opened; when given, a stale one answers 409 `stale_version`. */
  version?: number;
};

export interface IncidentView {
  id: string;
  occurredAt: string;
  occurredPrecision: DatePrecision;
  discoveredAt: string;
  communeCode: string;
  classificationAnswers: Record<string, boolean>;
  gbvType: GbvType;
  dvForms: DvForm[];
  contextFlags: ContextFlag[];
  perpetrators: (PerpetratorInput & { family: boolean })[];
  injuries: InjuryType[];
  serious: boolean;
  seriousReasons: SeriousReason[];
  description: string | null;
  /** Raised by every change; a correction names the version it was made from. */
  version: number;
  createdAt: string;
}

/** A masked identity: which fields are on file, never their values. */
export interface MaskedIdentity {
  /** The subject of the identity's correction history (`subjectType=SurvivorIdentity`). */
  survivorId: string;
  /** Raised by each correction of the identity. */
  version: number;
  anonymous: boolean;
  sex: Sex;
  ageGroup: AgeGroup;
  /** Coded at intake, in clear (the statistics count them); not part of the encrypted identity. */
  disabilityStatus: DisabilityStatus;
  ethnicMinority: EthnicMinorityStatus;
  /** e.g. { fullName: true, phone: false, ... } */
  present: Record<string, boolean>;
}

/** The identity in clear: returned only by the audited reveal endpoint. */
export interface RevealedIdentity {
  fullName: string | null;
  dateOfBirth: string | null;
  age: number | null;
  sex: Sex;
  phone: string | null;
  address: string | null;
  idNumber: string | null;
  ethnicity: string | null;
  disability: string | null;
  safeContactMethod: SafeContactMethod | null;
  safeContactDetails: string | null;
  /** The coded facts (in clear, outside the encrypted identity), for a correction form to start from. */
  disabilityStatus: DisabilityStatus;
  ethnicMinority: EthnicMinorityStatus;
  /** The identity's version, for a correction made from it (409 `stale_version` when stale). */
  version: number;
}

export interface CaseSummaryView {
  id: string;
  survivorCode: string;
  stage: CaseStage;
  riskLevel: RiskLevel;
  source: CaseSource;
  assignedUserId: string | null;
  assignedUserName: string | null;
  childInvolved: boolean;
  seriousIncident: boolean;
  openedAt: string;
  updatedAt: string;
}

export interface ConsentView {
  id: string;
  kind: ConsentKind;
  givenBy: ConsentGiver;
  method: ConsentMethod;
  childAssent: boolean | null;
  guardianIsSuspect: boolean;
  agencyTypes: AgencyType[];
  dataCategories: DataCategory[];
  givenAt: string;
  /** YYYY-MM-DD: it holds to the end of this day; after it, it covers nothing. */
  expiresOn: string;
  recordedByUserId: string;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
}

/** Another case that may be the same survivor. Only cases the caller may open are named. */
export interface PossibleDuplicate {
  caseId: string;
  survivorCode: string;
  matchedOn: ('phone' | 'name_and_birth_date')[];
}

export interface CaseDetailView extends CaseSummaryView {
  agencyId: string;
  communeCode: string | null;
  identity: MaskedIdentity;
  incidents: IncidentView[];
  consents: ConsentView[];
  possibleDuplicates: PossibleDuplicate[];
  /** Matches exist that the caller may not see: "ask your supervisor". */
  hiddenDuplicateExists: boolean;
}

export interface CaseListQuery {
  after?: string;
  limit?: number;
  stage?: CaseStage;
  riskLevel?: RiskLevel;
  /** Exact survivor code, e.g. DN-2026-000123. */
  code?: string;
  /** `mine` (assigned to me), `unassigned` (the centre's queue) or `all` (supervisor). */
  scope?: 'mine' | 'unassigned' | 'all';
}

/** Exact search through the blind index. POST, so identifiers never appear in a URL. */
export interface CaseSearchRequest {
  phone?: string | null;
  fullName?: string | null;
  dateOfBirth?: string | null;
}

/** Moves the case to a stage; its risk level follows from the latest risk assessment. */
export interface UpdateCaseRequest {
  stage: CaseStage;
}

export interface AssignCaseRequest {
  /** A caseworker or supervisor of the case's centre; null returns it to the unassigned queue. */
  userId: string | null;
}

export interface CreateCaseNoteRequest {
  body: string;
}

export interface CaseNoteView {
  id: string;
  body: string;
  authorUserId: string;
  authorName: string;
  createdAt: string;
  /** Raised by each correction; a correction names the version it was made from. */
  version: number;
}

export interface CreateSharingConsentRequest {
  givenBy: ConsentGiver;
  method: ConsentMethod;
  childAssent?: boolean | null;
  guardianIsSuspect?: boolean;
  agencyTypes: AgencyType[];
  dataCategories: DataCategory[];
  /** YYYY-MM-DD, after today and within 5 years; default: the configured validity. */
  expiresOn?: string | null;
}

export interface WithdrawConsentRequest {
  reason: string;
}

/** "Who saw this file": the case's audit trail, for supervisors. */
export interface AccessLogEntryView {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string;
  fields: string[];
}

/** The caseworker asks to close the case (IASC step 6); a supervisor of the centre decides. */
export interface RequestClosureRequest {
  reason: ClosureReason;
  goalStatus: ClosureGoalStatus;
  /** What was done and where the survivor stands: kept encrypted, shown to the case's team only. */
  summary: string;
}

/** The supervisor sends the request back with what is missing. */
export interface ReturnClosureRequest {
  comment: string;
}

export interface ReopenCaseRequest {
  reason: string;
}

/** One closure request of a case, newest first in the history. */
export interface ClosureRequestView {
  id: string;
  status: ClosureRequestStatus;
  reason: ClosureReason;
  goalStatus: ClosureGoalStatus;
  summary: string;
  /** The stage the case was in when closure was asked (a returned request goes back there). */
  previousStage: CaseStage;
  requestedByUserId: string;
  requestedByName: string | null;
  requestedAt: string;
  decidedByUserId: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** The supervisor's comment on a returned request. */
  comment: string | null;
  reopenedByUserId: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
}
