import type { FollowUpMethod, FollowUpOutcome, FollowUpStatus } from '@caunoi/shared/domain';

/** A planned follow-up contact on a case and, once done, its outcome. */
export interface FollowUpView {
  id: string;
  caseId: string;
  /** YYYY-MM-DD (Vietnam). */
  plannedOn: string;
  method: FollowUpMethod;
  status: FollowUpStatus;
  outcome: FollowUpOutcome | null;
  note: string | null;
  doneAt: string | null;
  doneByName: string | null;
  /** The contact planned when this one's outcome was recorded, if any. */
  nextFollowUpId: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface ScheduleFollowUpRequest {
  /** Today up to 180 days ahead. */
  plannedOn: string;
  method: FollowUpMethod;
}

export interface RecordFollowUpOutcomeRequest {
  outcome: FollowUpOutcome;
  note?: string | null;
  /** Plans the next contact (today up to 180 days ahead); none when the case needs no more. */
  nextOn?: string | null;
  /** The next contact's method; this one's when left out. */
  nextMethod?: FollowUpMethod | null;
}
