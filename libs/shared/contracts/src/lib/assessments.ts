import type {
  RiskAnswers,
  RiskAudience,
  RiskInstrumentContent,
  RiskLevel,
  RiskProblem,
  SafetyPlanSection,
  SafetyPlanSections,
} from '@caunoi/shared/domain';

export type RiskInstrumentStatus = 'draft' | 'published' | 'retired';

export interface RiskInstrumentView {
  id: string;
  code: string;
  version: number;
  audience: RiskAudience;
  status: RiskInstrumentStatus;
  content: RiskInstrumentContent;
  maxScore: number;
  createdAt: string;
  publishedAt: string | null;
  /** Admins' list only: assessments made with this version (any centre; a count, never a case). */
  assessmentCount?: number;
}

/** A new draft version of an instrument (a new code starts at version 1). */
export type CreateRiskInstrumentRequest = RiskInstrumentContent;

export interface RiskAssessmentView {
  id: string;
  caseId: string;
  instrument: { id: string; code: string; version: number; audience: RiskAudience };
  answers: RiskAnswers;
  score: number;
  maxScore: number;
  computedLevel: RiskLevel;
  overrideLevel: RiskLevel | null;
  overrideReason: string | null;
  level: RiskLevel;
  criticalYes: string[];
  assessedByName: string | null;
  assessedAt: string;
  /** Raised by each correction; a correction names the version it was made from (409 if stale). */
  version: number;
}

export interface CreateRiskAssessmentRequest {
  instrumentId: string;
  answers: RiskAnswers;
  overrideLevel?: RiskLevel | null;
  overrideReason?: string | null;
}

/**
 * Corrects a saved assessment (answers, judgement) with the assessment's own instrument version;
 * the values it replaces are kept in the correction history.
 */
export interface CorrectRiskAssessmentRequest {
  answers: RiskAnswers;
  overrideLevel?: RiskLevel | null;
  overrideReason?: string | null;
  reason: string;
  /** The version the editor opened: a stale one answers 409 `stale_version`. */
  version: number;
}

export type { RiskProblem };

export interface SafetyPlanView {
  id: string;
  caseId: string;
  version: number;
  sections: SafetyPlanSections;
  /** Section names that changed from the previous version (the history shows names, not contents). */
  changedSections: SafetyPlanSection[];
  reviewOn: string;
  createdByName: string | null;
  createdAt: string;
}

export interface SaveSafetyPlanRequest {
  /** The version the edit started from (null for the first plan): a stale one is a 409. */
  baseVersion: number | null;
  sections: SafetyPlanSections;
  /** YYYY-MM-DD, 1 to 180 days ahead. */
  reviewOn: string;
}
