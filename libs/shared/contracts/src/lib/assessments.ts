import type {
  RiskAnswers,
  RiskAudience,
  RiskInstrumentContent,
  RiskLevel,
  RiskProblem,
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
}

export interface CreateRiskAssessmentRequest {
  instrumentId: string;
  answers: RiskAnswers;
  overrideLevel?: RiskLevel | null;
  overrideReason?: string | null;
}

export type { RiskProblem };
