import type { ReferralStatus } from './referral-vocabulary';

/** What can happen to a referral; each is done by one side only. */
export type ReferralAction =
  /** Receiving agency. */
  | 'accept'
  | 'decline'
  | 'record_service'
  | 'complete'
  /** Sender. */
  | 'withdraw'
  | 'reroute'
  /** The system, when the consent the referral relied on is withdrawn. */
  | 'consent_withdrawn';

/**
 * The referral state machine (issue 5): sent → accepted | declined; accepted → in service →
 * completed; sent/accepted → withdrawn by the sender. Consent withdrawal also ends a referral in
 * service: the survivor's "no" outranks the work in progress. Re-routing replaces a referral that is
 * unanswered (it is withdrawn) or declined (it stays declined).
 */
const TRANSITIONS: Readonly<
  Record<ReferralAction, Partial<Record<ReferralStatus, ReferralStatus>>>
> = {
  accept: { sent: 'accepted' },
  decline: { sent: 'declined' },
  record_service: { accepted: 'in_service', in_service: 'in_service' },
  complete: { in_service: 'completed' },
  withdraw: { sent: 'withdrawn', accepted: 'withdrawn' },
  reroute: { sent: 'withdrawn', declined: 'declined' },
  consent_withdrawn: { sent: 'withdrawn', accepted: 'withdrawn', in_service: 'withdrawn' },
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextReferralStatus(
  status: ReferralStatus,
  action: ReferralAction,
): ReferralStatus | null {
  return TRANSITIONS[action][status] ?? null;
}

/** The actions allowed from a status (drives which buttons the web shows). */
export function allowedReferralActions(status: ReferralStatus): ReferralAction[] {
  return (Object.keys(TRANSITIONS) as ReferralAction[]).filter(
    (action) => nextReferralStatus(status, action) !== null,
  );
}
