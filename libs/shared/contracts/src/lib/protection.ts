import type {
  BreachKind,
  DecidingBody,
  MeasureRequester,
  MeasureStatus,
  ProtectiveMeasureType,
} from '@caunoi/shared/domain';

/** Longest free texts of a protective measure (grounds for the committee, reasons, supervision plan). */
export const PROTECTION_TEXT_MAX = 4000;

export interface RequestProtectiveMeasureRequest {
  type: ProtectiveMeasureType;
  requestedBy: MeasureRequester;
  /** Required true when an agency requests (Law 13/2022 Art. 25.1). */
  victimConsent: boolean;
  /** Only for measures whose deciding body the law does not fix. */
  decidingBody?: DecidingBody;
  /** What the deciding body needs to decide; encrypted; the committee reads it in its packet. */
  grounds: string;
}

export interface DecideProtectiveMeasureRequest {
  decision: 'granted' | 'refused';
  /** Granted: when it takes effect (a commune order: its signing). */
  startsAt?: string;
  endsAt?: string;
  /** Refused: the written reasons (required). */
  reasons?: string;
  /** The decision's number, as printed. */
  decisionNumber?: string;
}

export interface SupervisionPlanRequest {
  /** The officer assigned to supervise (a police officer's name, not the survivor's). */
  supervisingOfficer: string;
  plan: string;
}

export interface ReportBreachRequest {
  kind: BreachKind;
  occurredAt: string;
}

/**
 * Revoking a measure (Law 13/2022 Art. 25: the one who decided revokes, at the victim's request):
 * the written reasons, encrypted. The committee records it for its orders, the centre for the others.
 */
export interface RevokeProtectiveMeasureRequest {
  reasons: string;
}

/**
 * The caseworker's answer to an order's expiry clock when neither a renewal nor a court order is
 * needed: the reason (encrypted) closes the clock.
 */
export interface NoRenewalRequest {
  reason: string;
}

/**
 * An order the caller may report a breach of, for the referring volunteer: its code and the
 * reference of the volunteer's own community referral, nothing else of the order or the case.
 */
export interface BreachTargetView {
  id: string;
  code: string;
  /** The volunteer's referral the case came from (`CR-7F3A2C`), or null for other reporters. */
  referralReference: string | null;
}

export interface MeasureEventView {
  event: string;
  at: string;
  /** Codes and instants only (a breach's kind, a decision). */
  details: Record<string, string | null>;
}

/** The case's view of a measure (the centre's own record). */
export interface CaseMeasureView {
  id: string;
  code: string;
  type: ProtectiveMeasureType;
  status: MeasureStatus;
  requestedBy: MeasureRequester;
  victimConsent: boolean;
  decidingBody: DecidingBody;
  decidingAgencyName: string | null;
  policeAgencyName: string | null;
  requestedAt: string;
  /** The 12-hour decision clock's due instant (commune orders). */
  decideBy: string | null;
  decision: 'granted' | 'refused' | null;
  decidedAt: string | null;
  decisionNumber: string | null;
  startsAt: string | null;
  endsAt: string | null;
  reasons: string | null;
  supervisionPlanDueAt: string | null;
  supervisionPlanAt: string | null;
  /** The end the running expiry clock asks about (renewal, court order, or "no renewal needed"). */
  renewalDueAt: string | null;
  revokedAt: string | null;
  revocationReasons: string | null;
  noRenewalAt: string | null;
  noRenewalReason: string | null;
  events: MeasureEventView[];
}

export const PROTECTION_INBOX_VIEWS = ['requests', 'in_force', 'closed'] as const;
export type ProtectionInboxView = (typeof PROTECTION_INBOX_VIEWS)[number];

/**
 * What the commune committee and the commune police see: the packet, never the case or survivor
 * code. `grounds` is the request's text while the measure is open.
 */
export interface MeasurePacketView {
  id: string;
  code: string;
  type: ProtectiveMeasureType;
  status: MeasureStatus;
  communeName: string | null;
  requestingAgencyName: string;
  requestedBy: MeasureRequester;
  victimConsent: boolean;
  requestedAt: string;
  decideBy: string | null;
  decision: 'granted' | 'refused' | null;
  decidedAt: string | null;
  decisionNumber: string | null;
  startsAt: string | null;
  endsAt: string | null;
  reasons: string | null;
  decidingAgencyName: string | null;
  policeAgencyName: string | null;
  supervisionPlanDueAt: string | null;
  supervisionPlanAt: string | null;
  supervisingOfficer: string | null;
  supervisionPlan: string | null;
  grounds: string | null;
  revokedAt: string | null;
  /** The revocation's written reasons (the committee wrote them, or the centre recorded a court's). */
  revocationReasons: string | null;
  breaches: { kind: BreachKind; occurredAt: string; reportedAt: string }[];
}

/** What a breach report answers: enough to confirm it, nothing of the order (a volunteer reports too). */
export interface BreachReceiptView {
  code: string;
  status: 'breached';
  reportedAt: string;
}
