import type { StagePlan } from '../clocks/deadline-kinds';
import type { AgencyType } from '../agencies/agency-type';
import type { ReferralUrgency } from './referral-vocabulary';
import { DEFAULT_RESPONSE_HOURS } from './referral-vocabulary';

const HOUR_MS = 3600_000;

/** One configured response period: hours for an agency type and urgency. */
export interface ResponseTimeSetting {
  agencyType: AgencyType;
  urgency: ReferralUrgency;
  hours: number;
}

/** The response period for a referral: the admin's setting for the agency type, else the default. */
export function responseHours(
  settings: readonly ResponseTimeSetting[],
  agencyType: AgencyType,
  urgency: ReferralUrgency,
): number {
  const set = settings.find((s) => s.agencyType === agencyType && s.urgency === urgency);
  return set?.hours ?? DEFAULT_RESPONSE_HOURS[urgency];
}

/**
 * Stages of a referral's respond-by clock: a reminder to the receiving agency halfway through, then,
 * when the time is up with no answer, an escalation to the receiving agency's users and a notice to
 * the sender (who can re-route in one step).
 */
export function referralResponseStages(periodHours: number): StagePlan[] {
  const halfway = Math.round((periodHours * HOUR_MS) / 2);
  return [
    {
      stage: 'reminder_halfway',
      kind: 'reminder',
      audience: 'receiving_agency',
      offsetMs: -halfway,
    },
    { stage: 'escalation_due', kind: 'escalation', audience: 'receiving_agency', offsetMs: 0 },
    { stage: 'sender_notice_due', kind: 'escalation', audience: 'referring_user', offsetMs: 0 },
  ];
}
