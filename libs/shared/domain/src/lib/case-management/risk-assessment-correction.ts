import type { RiskLevel } from '../intake/vocabulary';
import { riskLevelRank } from './risk-instrument';

/**
 * What correcting a saved risk assessment does to its case (issue 10, "Corrections and conflicts").
 * A correction fixes what was recorded (an answer ticked by mistake, a judgement mis-typed); it is not
 * a new assessment. Only the case's latest assessment speaks for the case now, so correcting an older
 * one changes its own record and the trend, nothing else.
 */
export interface AssessmentCorrectionEffects {
  /** The case's risk level after the correction, or null when it stays as it is. */
  caseLevel: RiskLevel | null;
  /**
   * The level whose reassessment period now applies, or null. The review is only ever brought
   * forward (a correction to a lower level never pushes a review that is already due sooner).
   */
  reviewLevel: RiskLevel | null;
  /** The case reaches high risk through the correction: the centre's supervisors are told. */
  notifySupervisors: boolean;
}

export function assessmentCorrectionEffects(c: {
  /** The corrected assessment is the case's latest. */
  isLatest: boolean;
  /** The assessment's level before and after the correction. */
  before: RiskLevel;
  after: RiskLevel;
  /** The case's risk level before the correction. */
  caseLevel: RiskLevel;
}): AssessmentCorrectionEffects {
  if (!c.isLatest) return { caseLevel: null, reviewLevel: null, notifySupervisors: false };
  return {
    caseLevel: c.after === c.caseLevel ? null : c.after,
    reviewLevel: c.after === c.before ? null : c.after,
    notifySupervisors: c.after === 'high' && riskLevelRank(c.caseLevel) < riskLevelRank('high'),
  };
}
