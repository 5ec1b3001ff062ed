import type { AgencyRefView, CaseReferralView, ReferralEventView } from '@caunoi/shared/contracts';

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
