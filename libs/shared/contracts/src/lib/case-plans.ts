import type { CasePlanContent, CasePlanPart, CasePlanStatus } from '@caunoi/shared/domain';

/** One version of a case's action plan, newest first in the list. */
export interface CasePlanView {
  id: string;
  caseId: string;
  version: number;
  status: CasePlanStatus;
  content: CasePlanContent;
  /** Parts that changed from the previous version (names only). */
  changedParts: CasePlanPart[];
  createdByUserId: string;
  createdByName: string | null;
  createdAt: string;
  submittedByUserId: string | null;
  submittedAt: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** The supervisor's comment on a returned version. */
  comment: string | null;
}

export interface SaveCasePlanRequest extends CasePlanContent {
  /** The version the edit started from (null for the first plan): a stale one is a 409. */
  baseVersion: number | null;
  /** Submit the new version for approval in the same step. */
  submit: boolean;
}

/** Submit, approve: the version the person saw (another one is a 409). */
export interface CasePlanVersionRequest {
  version: number;
}

export interface ReturnCasePlanRequest extends CasePlanVersionRequest {
  comment: string;
}
