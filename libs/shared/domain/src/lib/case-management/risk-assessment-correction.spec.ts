import type { RiskLevel } from '../intake/vocabulary';
import { assessmentCorrectionEffects } from './risk-assessment-correction';

describe('assessmentCorrectionEffects', () => {
  const none = { caseLevel: null, reviewLevel: null, notifySupervisors: false };

  it.each<[RiskLevel, RiskLevel, RiskLevel]>([
    ['low', 'high', 'low'],
    ['high', 'low', 'high'],
    ['medium', 'medium', 'medium'],
  ])(
    'an older assessment (%s → %s, case %s) changes only its own record',
    (before, after, caseLevel) => {
      expect(assessmentCorrectionEffects({ isLatest: false, before, after, caseLevel })).toEqual(
        none,
      );
    },
  );

  // The latest assessment: [before, after, case level] → [case level, review level, notify].
  it.each<[RiskLevel, RiskLevel, RiskLevel, RiskLevel | null, RiskLevel | null, boolean]>([
    ['low', 'low', 'low', null, null, false],
    ['low', 'medium', 'low', 'medium', 'medium', false],
    ['low', 'high', 'low', 'high', 'high', true],
    ['medium', 'high', 'medium', 'high', 'high', true],
    ['high', 'medium', 'high', 'medium', 'medium', false],
    ['high', 'low', 'high', 'low', 'low', false],
    ['high', 'high', 'high', null, null, false],
    // A case level out of step with its latest assessment follows the assessment.
    ['medium', 'medium', 'unknown', 'medium', null, false],
    ['high', 'high', 'medium', 'high', null, true],
  ])(
    'the latest assessment %s → %s on a %s case',
    (before, after, caseLevel, nextCase, review, notify) => {
      expect(assessmentCorrectionEffects({ isLatest: true, before, after, caseLevel })).toEqual({
        caseLevel: nextCase,
        reviewLevel: review,
        notifySupervisors: notify,
      });
    },
  );
});
