import type {
  AgencyType,
  Attendance,
  ConferenceActionStatus,
  ConferenceStatus,
} from '@caunoi/shared/domain';

/** An agency invited to a conference and whether it attended. */
export interface ConferenceInvitationView {
  agencyId: string;
  agencyName: string;
  agencyType: AgencyType;
  attendance: Attendance;
}

/** An action agreed at a conference: an owner agency, a due date and the owner's status. */
export interface ConferenceActionView {
  id: string;
  conferenceId: string;
  conferenceCode: string;
  ownerAgencyId: string;
  ownerAgencyName: string;
  description: string;
  /** YYYY-MM-DD (Vietnam): the action's clock ends at the end of this day. */
  dueOn: string;
  /** The clock's due instant (null only for an action without a clock). */
  dueAt: string | null;
  status: ConferenceActionStatus;
  note: string | null;
  statusChangedAt: string | null;
}

/**
 * A conference as its caller may see it. The convening centre sees it whole, with the case; an
 * invited agency sees the agenda, the date, the invitations and its own actions, and the minutes only
 * when it attended and some action is open. Never the case or survivor code for an invitee.
 */
export interface ConferenceView {
  id: string;
  code: string;
  status: ConferenceStatus;
  scheduledAt: string;
  agenda: string;
  reviewOn: string | null;
  convenerAgencyId: string;
  convenerAgencyName: string;
  /** `convener`: the caller's centre convened it; `invitee`: the caller's agency is invited. */
  viewer: 'convener' | 'invitee';
  /** The convening side only. */
  caseId: string | null;
  survivorCode: string | null;
  invitations: ConferenceInvitationView[];
  /** Whether minutes were recorded (whoever may read them). */
  minutesRecorded: boolean;
  /** The minutes, when the caller may read them (mayReadMinutes in the domain). */
  minutes: string | null;
  /** The convening side sees every action; an invitee its own. */
  actions: ConferenceActionView[];
  cancelledAt: string | null;
  /** The convening side only (the reason may speak of the case). */
  cancelReason: string | null;
  /** When the date last moved, and why (the reason: the convening side only). */
  rescheduledAt: string | null;
  rescheduleReason: string | null;
}

/** The convening centre calls a conference off before it is held; invitees hear the code only. */
export interface CancelConferenceRequest {
  reason: string;
}

/** The convening centre moves a conference not yet held; invitees hear the code and the new date. */
export interface RescheduleConferenceRequest {
  scheduledAt: string;
  reason: string;
}

export interface ConveneConferenceRequest {
  /** An instant (ISO 8601) from now to a year ahead. */
  scheduledAt: string;
  agenda: string;
  /** Agencies from the service directory, of an invitable type, not the convening centre. */
  invitedAgencyIds: string[];
  /** YYYY-MM-DD, when the conference reviews its actions. */
  reviewOn?: string | null;
}

export interface ConferenceAttendanceInput {
  agencyId: string;
  attendance: Attendance;
}

/** Held: who attended, the minutes (encrypted), and the review date. */
export interface RecordConferenceRequest {
  attendance: ConferenceAttendanceInput[];
  minutes: string;
  reviewOn?: string | null;
}

export interface CreateConferenceActionRequest {
  /** The convening centre or an invited agency. Required. */
  ownerAgencyId: string;
  description: string;
  /** YYYY-MM-DD, today up to a year ahead. */
  dueOn: string;
}

export interface UpdateConferenceActionStatusRequest {
  status: Exclude<ConferenceActionStatus, 'open'>;
  note?: string | null;
}
