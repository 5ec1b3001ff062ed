import { allowedReferralActions, nextReferralStatus } from './referral-status';
import type { ReferralAction } from './referral-status';
import { REFERRAL_STATUSES, isReferralOpen } from './referral-vocabulary';
import type { ReferralStatus } from './referral-vocabulary';

/**
 * Every action once, in the order the web shows its buttons. A record keyed by the action type, so an
 * action added to ReferralAction and not here does not compile.
 */
const ACTION_ORDER: Readonly<Record<ReferralAction, true>> = {
  accept: true,
  decline: true,
  record_service: true,
  complete: true,
  withdraw: true,
  reroute: true,
  consent_withdrawn: true,
};
const ACTIONS = Object.keys(ACTION_ORDER) as ReferralAction[];

/**
 * The whole machine, written out cell by cell from the rules: sent → accepted | declined;
 * accepted → in service (service records may be added again and again) → completed; the sender may
 * withdraw while sent or accepted; re-routing withdraws an unanswered referral and leaves a declined
 * one declined; a consent withdrawal ends anything not yet closed. Null: the action is refused.
 */
const EXPECTED: Readonly<
  Record<ReferralStatus, Readonly<Record<ReferralAction, ReferralStatus | null>>>
> = {
  sent: {
    accept: 'accepted',
    decline: 'declined',
    record_service: null,
    complete: null,
    withdraw: 'withdrawn',
    reroute: 'withdrawn',
    consent_withdrawn: 'withdrawn',
  },
  accepted: {
    accept: null,
    decline: null,
    record_service: 'in_service',
    complete: null,
    withdraw: 'withdrawn',
    reroute: null,
    consent_withdrawn: 'withdrawn',
  },
  declined: {
    accept: null,
    decline: null,
    record_service: null,
    complete: null,
    withdraw: null,
    reroute: 'declined',
    consent_withdrawn: null,
  },
  in_service: {
    accept: null,
    decline: null,
    record_service: 'in_service',
    complete: 'completed',
    withdraw: null,
    reroute: null,
    consent_withdrawn: 'withdrawn',
  },
  completed: {
    accept: null,
    decline: null,
    record_service: null,
    complete: null,
    withdraw: null,
    reroute: null,
    consent_withdrawn: null,
  },
  withdrawn: {
    accept: null,
    decline: null,
    record_service: null,
    complete: null,
    withdraw: null,
    reroute: null,
    consent_withdrawn: null,
  },
};

/** The buttons each status offers, written out (same content as EXPECTED, read the other way). */
const EXPECTED_BUTTONS: Readonly<Record<ReferralStatus, readonly ReferralAction[]>> = {
  sent: ['accept', 'decline', 'withdraw', 'reroute', 'consent_withdrawn'],
  accepted: ['record_service', 'withdraw', 'consent_withdrawn'],
  declined: ['reroute'],
  in_service: ['record_service', 'complete', 'consent_withdrawn'],
  completed: [],
  withdrawn: [],
};

describe('nextReferralStatus', () => {
  describe.each(REFERRAL_STATUSES)('from %s', (status) => {
    it.each(ACTIONS)('%s', (action) => {
      expect(nextReferralStatus(status, action)).toBe(EXPECTED[status][action]);
    });
  });

  it('lets the receiving agency record service again and again while the referral is in service', () => {
    let status: ReferralStatus = 'accepted';
    for (let i = 0; i < 3; i++) {
      const next = nextReferralStatus(status, 'record_service');
      expect(next).toBe('in_service');
      status = next ?? status;
    }
    expect(nextReferralStatus(status, 'complete')).toBe('completed');
  });

  it('walks the happy path: sent, accepted, in service, completed, then nothing more', () => {
    expect(nextReferralStatus('sent', 'accept')).toBe('accepted');
    expect(nextReferralStatus('accepted', 'record_service')).toBe('in_service');
    expect(nextReferralStatus('in_service', 'complete')).toBe('completed');
    for (const action of ACTIONS) expect(nextReferralStatus('completed', action)).toBeNull();
  });

  it('never completes a referral that has no service recorded', () => {
    expect(nextReferralStatus('sent', 'complete')).toBeNull();
    expect(nextReferralStatus('accepted', 'complete')).toBeNull();
  });

  it('lets the survivor withdrawing consent end work already in service, but the sender cannot', () => {
    expect(nextReferralStatus('in_service', 'consent_withdrawn')).toBe('withdrawn');
    expect(nextReferralStatus('in_service', 'withdraw')).toBeNull();
  });

  it.each(['declined', 'completed', 'withdrawn'] as const)(
    'a %s referral never reopens (the receiving agency never sees its packet again)',
    (status) => {
      for (const action of ACTIONS) {
        const next = nextReferralStatus(status, action);
        if (next !== null) expect([action, isReferralOpen(next)]).toEqual([action, false]);
      }
    },
  );
});

describe('allowedReferralActions', () => {
  it.each(REFERRAL_STATUSES)('offers exactly the allowed buttons for a %s referral', (status) => {
    expect(allowedReferralActions(status)).toEqual(EXPECTED_BUTTONS[status]);
  });
});
