import type { CommunityReferralStatus, SafeContactMethod } from '@caunoi/shared/domain';

/** A volunteer's referral from a trusted address, designed for a 360 px phone screen. */
export interface CreateCommunityReferralRequest {
  /** Name or alias of the survivor. */
  survivorName: string;
  safeContactMethod: SafeContactMethod;
  /** Free text: safe way and time to make contact, e.g. "call after 9pm, say you are from the clinic". */
  safeContactDetails: string;
  communeCode: string;
  /** Short description of what happened. */
  whatHappened: string;
  dangerNow: boolean;
  childInvolved: boolean;
  /** The survivor agrees to be contacted by the social-work centre. */
  consentToContact: boolean;
  /**
   * A UUID the phone makes once per submission and sends again on every retry: the same volunteer
   * sending it again gets the first referral back (200), nothing new is created.
   */
  idempotencyKey?: string;
}

/** All a volunteer ever sees again of what they sent. */
export interface CommunityReferralStatusView {
  id: string;
  /** A short reference to tell referrals apart, e.g. "CR-7F3A2C". No personal data. */
  reference: string;
  status: CommunityReferralStatus;
  submittedAt: string;
  updatedAt: string;
}
