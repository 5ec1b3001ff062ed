import type { ServiceType } from '../agencies/agency-type';
import type { DataCategory, RiskLevel } from '../intake/vocabulary';
import type { ReferralTargetType } from '../referrals/referral-vocabulary';
import type { RiskAnswers } from './risk-instrument';

/** One referral the risk tab offers after a high-risk assessment, to open the refer dialog with. */
export interface UrgentReferral {
  agencyType: ReferralTargetType;
  services: ServiceType[];
  /** What the receiving agency needs, no more; the consent check in the dialog still applies. */
  packet: DataCategory[];
}

/**
 * Items of the starter instruments (adult and child) whose "yes" calls for health care now, and
 * whose "yes" calls for a forensic examination as well. An admin's own instrument that reuses
 * these keys gets the same offers.
 */
export const INJURY_ITEM_KEYS: readonly string[] = ['injury', 'serious_injury'];
export const SEXUAL_VIOLENCE_ITEM_KEYS: readonly string[] = ['sexual_violence', 'sexual_abuse'];

/**
 * The threshold actions of a high-risk assessment (issue 10, item 1), all with urgency `emergency`:
 * police protection always; health if an injury item, or a sexual-violence item, was answered yes
 * (emergency care for an injury, a forensic examination after sexual violence). Nothing below high.
 */
export function urgentReferralsFor(assessment: {
  level: RiskLevel;
  answers: RiskAnswers;
}): UrgentReferral[] {
  if (assessment.level !== 'high') return [];
  const yes = (keys: readonly string[]) => keys.some((k) => assessment.answers[k] === true);
  const offers: UrgentReferral[] = [
    {
      agencyType: 'police',
      services: ['police_protection'],
      packet: ['incident_facts', 'risk_level', 'perpetrator_info', 'perpetrator'],
    },
  ];
  const health: ServiceType[] = [
    ...(yes(INJURY_ITEM_KEYS) ? (['emergency_medical_care'] as const) : []),
    ...(yes(SEXUAL_VIOLENCE_ITEM_KEYS) ? (['forensic_examination'] as const) : []),
  ];
  if (health.length > 0) {
    offers.push({
      agencyType: 'health',
      services: health,
      packet: ['incident_facts', 'injuries_medical', 'risk_level'],
    });
  }
  return offers;
}
