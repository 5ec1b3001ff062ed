import type {
  AgeGroup,
  AgencyType,
  ContextFlag,
  DataCategory,
  DatePrecision,
  DeclineReason,
  DvForm,
  GbvType,
  InjuryType,
  OverrideReason,
  ReferralEventKind,
  ReferralStatus,
  ReferralUrgency,
  RiskLevel,
  SafeContactMethod,
  SectorOutcome,
  ServiceOutcome,
  ServiceType,
  Sex,
  WithdrawReason,
} from '@caunoi/shared/domain';
import type { AgencyView } from './agencies';
import type { PerpetratorInput } from './cases';
import type { PacketPerpetrator } from './perpetrators';

export interface ReferralOverrideInput {
  reason: OverrideReason;
  /** Why consent could not be obtained or does not apply (encrypted; at least 20 characters). */
  justification: string;
}

/** One referral of a batch: to an agency, not a person. */
export interface CreateReferralInput {
  agencyId: string;
  services: ServiceType[];
  urgency: ReferralUrgency;
  /** Why the survivor needs this service. Seen by the receiving agency: write only what the packet allows. */
  reason: string;
  /** The data categories disclosed. Counselling notes are never in a packet. */
  packet: DataCategory[];
  /** Only when consent does not cover the agency type and every packet category. */
  override?: ReferralOverrideInput | null;
}

/** Refer one case to one or more agencies at once; all are sent or none. */
export interface CreateReferralsRequest {
  referrals: CreateReferralInput[];
}

export interface AgencyRefView {
  id: string;
  name: string;
  type: AgencyType;
  phone: string | null;
}

export interface ReferralEventView {
  id: string;
  at: string;
  event: ReferralEventKind;
  /** Null for the system (a clock, a consent withdrawal). */
  actorName: string | null;
  actorAgencyName: string | null;
  /** A decline or withdraw reason code, an override reason, or a stage code. */
  reason: string | null;
  note: string | null;
}

export interface ServiceRecordView {
  id: string;
  referralId: string;
  referralCode: string;
  agencyId: string;
  agencyName: string;
  serviceType: ServiceType;
  /** Calendar date in Vietnam, YYYY-MM-DD. */
  providedOn: string;
  outcome: ServiceOutcome;
  sectorOutcome: SectorOutcome;
  note: string | null;
  recordedByName: string;
  recordedAt: string;
}

export interface ReferralOverrideView {
  reason: OverrideReason;
  justification: string;
  reviewedAt: string | null;
  reviewedByName: string | null;
}

/** A referral as the sending case sees it: everything, with its timeline and the services given. */
export interface CaseReferralView {
  id: string;
  code: string;
  toAgency: AgencyRefView;
  services: ServiceType[];
  urgency: ReferralUrgency;
  reason: string;
  packet: DataCategory[];
  status: ReferralStatus;
  sentAt: string;
  respondBy: string;
  /** No answer yet and the respond-by time has passed. */
  responseOverdue: boolean;
  respondedAt: string | null;
  respondedOnTime: boolean | null;
  referredByName: string;
  declineReason: DeclineReason | null;
  declineNote: string | null;
  withdrawReason: WithdrawReason | null;
  override: ReferralOverrideView | null;
  reroutedFromId: string | null;
  events: ReferralEventView[];
  serviceRecords: ServiceRecordView[];
}

/** A referral in the receiving agency's inbox list: no case content beyond the packet's category names. */
export interface InboxReferralView {
  id: string;
  code: string;
  fromAgency: AgencyRefView;
  referredByName: string;
  services: ServiceType[];
  urgency: ReferralUrgency;
  status: ReferralStatus;
  sentAt: string;
  respondBy: string;
  responseOverdue: boolean;
  packet: DataCategory[];
}

/** The disclosed case data: only the keys of categories in the packet are present. */
export interface ReferralPacketView {
  /** identity_contact */
  identity?: {
    fullName: string | null;
    dateOfBirth: string | null;
    age: number | null;
    sex: Sex;
    ageGroup: AgeGroup;
    phone: string | null;
    address: string | null;
    idNumber: string | null;
  };
  /** safe_contact */
  safeContact?: { method: SafeContactMethod | null; details: string | null };
  /** incident_facts */
  incidents?: {
    occurredAt: string;
    occurredPrecision: DatePrecision;
    discoveredAt: string;
    communeCode: string;
    gbvType: GbvType;
    dvForms: DvForm[];
    contextFlags: ContextFlag[];
    description: string | null;
  }[];
  /** injuries_medical */
  injuries?: InjuryType[];
  /** risk_level */
  riskLevel?: RiskLevel;
  /** perpetrator_info */
  perpetrators?: PerpetratorInput[];
  /** perpetrator: the perpetrator records of the case, with their identity */
  perpetratorRecords?: PacketPerpetrator[];
}

/**
 * One referral for the receiving agency. While it is open: the reason and the packet data. Once it
 * is completed, declined or withdrawn: `reason` and `packetData` are null; the agency keeps its own
 * service records.
 */
export interface InboxReferralDetailView extends InboxReferralView {
  reason: string | null;
  packetData: ReferralPacketView | null;
  declineReason: DeclineReason | null;
  withdrawReason: WithdrawReason | null;
  events: ReferralEventView[];
  serviceRecords: ServiceRecordView[];
}

/** `action_needed`: waiting for an answer; `in_progress`: accepted or in service; `closed`: history. */
export const INBOX_VIEWS = ['action_needed', 'in_progress', 'closed'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export interface InboxQuery {
  view?: InboxView;
  after?: string;
  limit?: number;
}

export interface AcceptReferralRequest {
  /** e.g. who will contact the survivor; seen by the sender on the timeline. */
  note?: string | null;
}

export interface DeclineReferralRequest {
  reason: DeclineReason;
  /** Required when the reason is `other`. */
  note?: string | null;
}

export interface RecordServiceRequest {
  serviceType: ServiceType;
  /** YYYY-MM-DD, not in the future and not before the referral was sent. */
  providedOn: string;
  outcome: ServiceOutcome;
  /** Only the fields of the receiving agency's sector (SECTOR_OUTCOME_FIELDS). */
  sectorOutcome: SectorOutcome;
  note?: string | null;
}

export interface CompleteReferralRequest {
  note?: string | null;
}

export interface WithdrawReferralRequest {
  reason: WithdrawReason;
  note?: string | null;
}

/** Re-route an unanswered or declined referral to another agency in one step. */
export interface RerouteReferralRequest {
  agencyId: string;
  override?: ReferralOverrideInput | null;
}

/** The directory's suggestion for each agency type, for the survivor's commune. */
export interface ReferralSuggestionView {
  agencyType: AgencyType;
  agency: AgencyView | null;
}

export interface ResponseTimeView {
  agencyType: AgencyType;
  urgency: ReferralUrgency;
  hours: number;
}

export interface UpdateResponseTimesRequest {
  settings: ResponseTimeView[];
}
