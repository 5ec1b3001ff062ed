import { AGENCY_TYPES } from '../agencies/agency-type';
import type { AgencyType } from '../agencies/agency-type';
import { ROLES } from '../roles/role';
import type { Role } from '../roles/role';
import {
  DEFAULT_RESPONSE_HOURS,
  INBOX_ROLES,
  RECEIVING_ROLES,
  REFERRAL_STATUSES,
  REFERRAL_TARGET_TYPES,
  REFERRAL_URGENCIES,
  RESPONSE_HOURS_MAX,
  RESPONSE_HOURS_MIN,
  SENDER_WITHDRAW_REASONS,
  WITHDRAW_REASONS,
  isReferralOpen,
  isReferralTargetType,
} from './referral-vocabulary';
import type { ReferralStatus } from './referral-vocabulary';

describe('isReferralOpen', () => {
  // Open: the receiving agency still sees the packet. Closed: only its own service records.
  const EXPECTED: Record<ReferralStatus, boolean> = {
    sent: true,
    accepted: true,
    declined: false,
    in_service: true,
    completed: false,
    withdrawn: false,
  };

  it.each(REFERRAL_STATUSES)('%s', (status) => {
    expect(isReferralOpen(status)).toBe(EXPECTED[status]);
  });
});

describe('isReferralTargetType', () => {
  // Only agency types with a role that works an inbox can be sent a referral.
  const EXPECTED: Record<AgencyType, boolean> = {
    social_work_centre: true,
    police: true,
    health: true,
    legal_aid: true,
    court: true,
    commune_committee: false,
    trusted_address: false,
    shelter: false,
    womens_union: false,
    school: false,
    hotline: false,
    reporting_authority: false,
  };

  it.each(AGENCY_TYPES)('%s', (type) => {
    expect(isReferralTargetType(type)).toBe(EXPECTED[type]);
  });
});

describe('receiving roles', () => {
  it('sends each target type to the people who work its inbox', () => {
    expect(RECEIVING_ROLES).toEqual({
      police: ['police_liaison'],
      health: ['health_liaison'],
      legal_aid: ['justice_liaison'],
      court: ['justice_liaison'],
      social_work_centre: ['caseworker', 'supervisor'],
    });
  });

  it('gives every target type someone to answer it', () => {
    for (const type of REFERRAL_TARGET_TYPES) {
      expect([type, RECEIVING_ROLES[type].length > 0]).toEqual([type, true]);
    }
  });

  it('gives an inbox to exactly the roles that receive for some agency type', () => {
    const receiving = new Set(REFERRAL_TARGET_TYPES.flatMap((t) => RECEIVING_ROLES[t]));
    const expected: Role[] = ROLES.filter((role) => receiving.has(role));
    expect([...INBOX_ROLES].sort()).toEqual([...expected].sort());
    expect(new Set(INBOX_ROLES).size).toBe(INBOX_ROLES.length);
  });

  it.each(['admin', 'hotline_operator', 'volunteer', 'reporting_officer'] as const)(
    '%s has no referral inbox',
    (role) => {
      expect(INBOX_ROLES).not.toContain(role);
    },
  );
});

describe('response periods', () => {
  it('default to 1 hour for an emergency, 24 for urgent and 72 for routine (DOMAIN.md §5)', () => {
    expect(DEFAULT_RESPONSE_HOURS).toEqual({ emergency: 1, urgent: 24, routine: 72 });
  });

  it('keep every default inside the bounds an admin may set', () => {
    for (const urgency of REFERRAL_URGENCIES) {
      expect(DEFAULT_RESPONSE_HOURS[urgency]).toBeGreaterThanOrEqual(RESPONSE_HOURS_MIN);
      expect(DEFAULT_RESPONSE_HOURS[urgency]).toBeLessThanOrEqual(RESPONSE_HOURS_MAX);
    }
  });

  it('let an admin choose between 1 hour and 30 days', () => {
    expect([RESPONSE_HOURS_MIN, RESPONSE_HOURS_MAX]).toEqual([1, 30 * 24]);
  });
});

describe('withdraw reasons', () => {
  it('let the sender pick every reason but the two the system sets (re-routing, consent withdrawn)', () => {
    expect([...SENDER_WITHDRAW_REASONS].sort()).toEqual([
      'no_longer_needed',
      'other',
      'survivor_request',
    ]);
    for (const reason of SENDER_WITHDRAW_REASONS) expect(WITHDRAW_REASONS).toContain(reason);
  });
});
