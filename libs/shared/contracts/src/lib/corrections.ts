import type { SurvivorIdentityInput } from './intake';

/** What a correction may apply to (issue 10, "Corrections and conflicts"). */
export const CORRECTION_SUBJECTS = [
  'SurvivorIdentity',
  'Incident',
  'CaseNote',
  'Perpetrator',
  'RiskAssessment',
] as const;
export type CorrectionSubject = (typeof CORRECTION_SUBJECTS)[number];

/** The shortest reason a correction is accepted with. */
export const CORRECTION_REASON_MIN = 5;
export const CORRECTION_REASON_MAX = 1000;

/** One correction: the version it replaced, who made it, when and why. */
export interface CorrectionView {
  id: string;
  subjectType: CorrectionSubject;
  subjectId: string;
  /** The replaced version's fields that changed, as they were. */
  previous: Record<string, unknown>;
  changedFields: string[];
  reason: string;
  correctedByName: string | null;
  correctedAt: string;
}

export interface CorrectionsQuery {
  subjectType: CorrectionSubject;
  subjectId: string;
}

export interface CorrectCaseNoteRequest {
  body: string;
  reason: string;
  /** The version the editor opened: a stale one answers 409 `stale_version`. */
  version: number;
}

/**
 * The survivor's identity as corrected: every identity field (left out or null: not recorded), and
 * the coded facts counted by the statistics (sex, disability, ethnic minority), each left as it is
 * when left out.
 */
export type SurvivorIdentityCorrection = Omit<SurvivorIdentityInput, 'sex'> & {
  sex?: SurvivorIdentityInput['sex'];
};

/** `PUT /api/cases/:id/identity`: the whole identity, why, and the version it was read at. */
export interface CorrectSurvivorIdentityRequest {
  identity: SurvivorIdentityCorrection;
  reason: string;
  version: number;
}
