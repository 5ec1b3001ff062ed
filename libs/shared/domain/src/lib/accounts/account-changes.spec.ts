import { ROLES } from '../roles/role';
import type { AccountChangeDecider, AccountChangeFacts } from './account-changes';
import {
  ACCOUNT_CHANGE_KINDS,
  ONE_TIME_CODE_KINDS,
  ONE_TIME_CODE_LENGTH,
  TWO_PERSON_ROLES,
  accountDecisionRefusal,
  formatOneTimeCode,
  normaliseOneTimeCode,
  requestedGrant,
} from './account-changes';

const CENTRE = 'centre-1';
const OTHER_CENTRE = 'centre-2';

const pending = (patch: Partial<AccountChangeFacts> = {}): AccountChangeFacts => ({
  status: 'pending',
  requestedByUserId: 'admin-a',
  targetUserId: 'new-supervisor',
  targetAgencyId: CENTRE,
  targetRole: 'supervisor',
  ...patch,
});
const adminA: AccountChangeDecider = { id: 'admin-a', role: 'admin', agencyId: 'province' };
const adminB: AccountChangeDecider = { id: 'admin-b', role: 'admin', agencyId: 'province' };
const supervisorHere: AccountChangeDecider = { id: 'sup-1', role: 'supervisor', agencyId: CENTRE };
const supervisorThere: AccountChangeDecider = {
  id: 'sup-2',
  role: 'supervisor',
  agencyId: OTHER_CENTRE,
};

describe('which changes need a second person', () => {
  it('covers every role today: each reads case data or approves account changes', () => {
    // If this fails, a new role exists: decide whether its accounts may skip the two-person rule
    // before writing a path that skips it.
    expect([...TWO_PERSON_ROLES].sort()).toEqual([...ROLES].sort());
  });

  it('issues a one-time code for a new account and a password reset only', () => {
    expect(ACCOUNT_CHANGE_KINDS.filter((k) => ONE_TIME_CODE_KINDS.includes(k))).toEqual([
      'create_account',
      'reset_password',
    ]);
  });

  it('treats an edit that keeps the role and agency as no grant change', () => {
    const current = { role: 'caseworker', agencyId: CENTRE } as const;
    expect(requestedGrant(current, {})).toBeNull();
    expect(requestedGrant(current, { role: 'caseworker', agencyId: CENTRE })).toBeNull();
    expect(requestedGrant(current, { role: 'supervisor' })).toEqual({
      role: 'supervisor',
      agencyId: CENTRE,
    });
    expect(requestedGrant(current, { agencyId: OTHER_CENTRE })).toEqual({
      role: 'caseworker',
      agencyId: OTHER_CENTRE,
    });
  });
});

describe('who may approve or reject', () => {
  it('lets another admin approve anything, anywhere', () => {
    expect(accountDecisionRefusal(adminB, pending(), 'approve')).toBeNull();
    expect(accountDecisionRefusal(adminB, pending({ targetRole: 'admin' }), 'approve')).toBeNull();
  });

  it('never lets the requester approve their own request, but lets them withdraw it', () => {
    expect(accountDecisionRefusal(adminA, pending(), 'approve')).toBe('own_request');
    expect(accountDecisionRefusal(adminA, pending(), 'reject')).toBeNull();
  });

  it('never lets anyone decide a change to their own account', () => {
    const own = pending({ targetUserId: 'admin-b', targetRole: 'admin' });
    expect(accountDecisionRefusal(adminB, own, 'approve')).toBe('own_account');
    expect(accountDecisionRefusal(adminB, own, 'reject')).toBe('own_account');
    const ownReset = pending({ targetUserId: 'sup-1' });
    expect(accountDecisionRefusal(supervisorHere, ownReset, 'approve')).toBe('own_account');
  });

  it("lets a supervisor decide for their own centre's accounts, not another centre's", () => {
    expect(accountDecisionRefusal(supervisorHere, pending(), 'approve')).toBeNull();
    expect(accountDecisionRefusal(supervisorHere, pending(), 'reject')).toBeNull();
    expect(accountDecisionRefusal(supervisorThere, pending(), 'approve')).toBe('other_agency');
    expect(accountDecisionRefusal(supervisorThere, pending(), 'reject')).toBe('other_agency');
  });

  it('leaves a grant of the admin role to admins, even in the supervisor’s own centre', () => {
    const adminGrant = pending({ targetRole: 'admin' });
    expect(accountDecisionRefusal(supervisorHere, adminGrant, 'approve')).toBe('admin_grant');
  });

  it('gives no other role a say', () => {
    for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'supervisor')) {
      expect([
        role,
        accountDecisionRefusal({ id: 'x', role, agencyId: CENTRE }, pending(), 'approve'),
      ]).toEqual([role, 'not_an_approver']);
    }
  });

  it('decides a request once', () => {
    for (const status of ['approved', 'rejected'] as const) {
      expect(accountDecisionRefusal(adminB, pending({ status }), 'approve')).toBe('not_pending');
      expect(accountDecisionRefusal(adminA, pending({ status }), 'reject')).toBe('not_pending');
    }
  });
});

describe('one-time codes', () => {
  const bytes = (fill: (i: number) => number) =>
    Uint8Array.from({ length: ONE_TIME_CODE_LENGTH }, (_, i) => fill(i));

  it('reads as four groups of four unambiguous characters', () => {
    const code = formatOneTimeCode(bytes((i) => i * 37));
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
  });

  it('uses every character of the alphabet evenly', () => {
    const seen = new Set(
      formatOneTimeCode(bytes((i) => i)) + formatOneTimeCode(bytes((i) => i + 16)),
    );
    seen.delete('-');
    expect(seen.size).toBe(32);
  });

  it('refuses too few random bytes', () => {
    expect(() => formatOneTimeCode(new Uint8Array(8))).toThrow(/16 random bytes/);
  });

  it('accepts a code however it is typed: case, spaces and dashes do not matter', () => {
    const code = formatOneTimeCode(bytes((i) => i * 7));
    const plain = code.replace(/-/g, '');
    expect(normaliseOneTimeCode(code)).toBe(plain);
    expect(normaliseOneTimeCode(code.toLowerCase())).toBe(plain);
    expect(normaliseOneTimeCode(` ${plain.slice(0, 8)} ${plain.slice(8)} `)).toBe(plain);
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseOneTimeCode('')).toBeNull();
    expect(normaliseOneTimeCode('ABCD-EFGH-JKMN')).toBeNull();
    expect(normaliseOneTimeCode('ABCD-EFGH-JKMN-PQR0')).toBeNull();
    expect(normaliseOneTimeCode('ABCD-EFGH-JKMN-PQRS-T')).toBeNull();
  });
});
