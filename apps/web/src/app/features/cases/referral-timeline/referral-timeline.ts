import type { AgencyRefView, CaseReferralView, ReferralEventView } from '@caunoi/shared/contracts';
import type { ReferralEventKind } from '@caunoi/shared/domain';

/** One line of the case's timeline: a referral event with the referral it belongs to. */
export interface TimelineEntry extends ReferralEventView {
  referralId: string;
  referralCode: string;
  agency: AgencyRefView;
}

/** Every event of every referral of the case, newest first (ties keep the API's order). */
export function mergeTimeline(referrals: readonly CaseReferralView[]): TimelineEntry[] {
  return referrals
    .flatMap((referral) =>
      referral.events.map((event) => ({
        ...event,
        referralId: referral.id,
        referralCode: referral.code,
        agency: referral.toAgency,
      })),
    )
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
}

/** Where an event's `reason` code is labelled, by event (a decline reason, a stage code...). */
const REASON_PREFIXES: Partial<Record<ReferralEventKind, readonly string[]>> = {
  declined: ['declineReason'],
  withdrawn: ['withdrawReason'],
  rerouted: ['withdrawReason', 'overrideReason'],
  sent: ['overrideReason'],
  override_reviewed: ['overrideReason'],
  response_overdue: ['deadline.stage.referral_response'],
};
const ANY_REASON = ['declineReason', 'withdrawReason', 'overrideReason'];

/** The translation key of an event's reason, or null when none labels it. */
export function reasonKey(
  event: ReferralEventKind,
  reason: string,
  hasKey: (key: string) => boolean,
): string | null {
  const prefixes = REASON_PREFIXES[event] ?? ANY_REASON;
  return prefixes.map((prefix) => `${prefix}.${reason}`).find(hasKey) ?? null;
}
