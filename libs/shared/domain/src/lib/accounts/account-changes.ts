import type { Role } from '../roles/role';
import { ROLES } from '../roles/role';

/**
 * The two-person rule on accounts (issue 9): a change that could hand someone access to survivor
 * data, or the power to approve such changes, takes effect only after a different person with
 * authority approves it. Each kind is one request an admin makes and another person decides.
 *
 * A kind added later (the second-factor reset of the TOTP work) joins this list, its payload, its
 * effect on approval in the API, and its text in the web app.
 */
export const ACCOUNT_CHANGE_KINDS = [
  /** A new account: it has no password until the approved request yields a one-time code. */
  'create_account',
  /** Another role or agency: the old grant stays in force until approval. */
  'change_grant',
  /** A disabled account back in use: it stays disabled until approval. */
  'enable_account',
  /** A new password: approval voids the old one and yields a one-time code for the holder. */
  'reset_password',
  /** A lost authenticator: approval forgets the app and its recovery codes; the next sign-in enrols again. */
  'reset_second_factor',
] as const;
export type AccountChangeKind = (typeof ACCOUNT_CHANGE_KINDS)[number];

export const ACCOUNT_CHANGE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type AccountChangeStatus = (typeof ACCOUNT_CHANGE_STATUSES)[number];

/** The kinds whose approval yields a one-time code, shown once to the approver to hand over. */
export const ONE_TIME_CODE_KINDS: readonly AccountChangeKind[] = [
  'create_account',
  'reset_password',
];

/**
 * Roles whose holders read case data: each can read some case-content subject (a case, a call, a
 * community referral, a referral packet, an incident report). That is every role but the admin, who
 * reads no case content (DOMAIN.md). The authz library's tests check this against the CASL rules,
 * so a new role that reads none cannot slip in, nor one that does slip out.
 */
export const CASE_READING_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'admin');

/**
 * Roles that may approve account changes: an admin (anything, anywhere) and a supervisor (their own
 * centre's accounts). Granting one of these roles is itself guarded, or one person could create a
 * second identity and approve their own requests with it.
 */
export const ACCOUNT_APPROVER_ROLES: readonly Role[] = ['admin', 'supervisor'];

/**
 * Roles whose accounts fall under the two-person rule: every role that reads case data or approves.
 * Today that is every role (the spec says so); a role added later that does neither would still go
 * through approval until someone decides, and writes, otherwise.
 */
export const TWO_PERSON_ROLES: readonly Role[] = ROLES.filter(
  (role) => CASE_READING_ROLES.includes(role) || ACCOUNT_APPROVER_ROLES.includes(role),
);

/** Who holds an account: the role and agency it works with. */
export interface AccountGrant {
  role: Role;
  agencyId: string;
}

/** The grant an edit asks for, or null when it changes neither role nor agency. */
export function requestedGrant(
  current: AccountGrant,
  requested: Partial<AccountGrant>,
): AccountGrant | null {
  const next = {
    role: requested.role ?? current.role,
    agencyId: requested.agencyId ?? current.agencyId,
  };
  return next.role === current.role && next.agencyId === current.agencyId ? null : next;
}

/** The facts of a request that decide who may approve or reject it. */
export interface AccountChangeFacts {
  status: AccountChangeStatus;
  requestedByUserId: string;
  targetUserId: string;
  /** The agency the account belongs to once the change takes effect. */
  targetAgencyId: string;
  /** The role the account holds once the change takes effect. */
  targetRole: Role;
}

export interface AccountChangeDecider {
  id: string;
  role: Role;
  agencyId: string;
}

export type AccountChangeDecision = 'approve' | 'reject';

/** Why a person may not decide a request; each is a 403 (or 409 for `not_pending`) naming it. */
export type AccountDecisionRefusal =
  /** The request was already approved or rejected. */
  | 'not_pending'
  /** Nobody approves their own request (they may withdraw it by rejecting it). */
  | 'own_request'
  /** Nobody decides a change to their own account. */
  | 'own_account'
  /** Only admins and supervisors decide. */
  | 'not_an_approver'
  /** A supervisor decides for their own centre only. */
  | 'other_agency'
  /** Only another admin approves a grant of the admin role. */
  | 'admin_grant';

/**
 * Who may approve or reject a request: another admin; or a supervisor of the agency the account will
 * belong to, unless the request grants the admin role. The requester may reject (withdraw) their own
 * request, never approve it; nobody decides a change to their own account.
 */
export function accountDecisionRefusal(
  decider: AccountChangeDecider,
  change: AccountChangeFacts,
  decision: AccountChangeDecision,
): AccountDecisionRefusal | null {
  if (change.status !== 'pending') return 'not_pending';
  if (decider.id === change.targetUserId) return 'own_account';
  const ownRequest = change.requestedByUserId === decider.id;
  if (ownRequest) return decision === 'approve' ? 'own_request' : null;
  if (decider.role === 'admin') return null;
  if (decider.role !== 'supervisor') return 'not_an_approver';
  if (decider.agencyId !== change.targetAgencyId) return 'other_agency';
  if (change.targetRole === 'admin') return 'admin_grant';
  return null;
}

/** How many wrong tries a one-time code takes before it is void. */
export const ONE_TIME_CODE_MAX_FAILURES = 5;
/** How long a one-time code lives unless configured otherwise (`ONE_TIME_CODE_TTL_HOURS`). */
export const ONE_TIME_CODE_TTL_HOURS_DEFAULT = 24;

// 32 letters and digits without I, O, 0 and 1, which are misread when a code is read out.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 16 characters of 5 bits: 80 random bits, written in four groups of four. */
export const ONE_TIME_CODE_LENGTH = 16;

/**
 * Formats random bytes (at least 16) as a code to read out or type: `ABCD-EFGH-JKMN-PQRS`. Each byte
 * gives one character (256 is a multiple of 32, so every character is equally likely).
 */
export function formatOneTimeCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < ONE_TIME_CODE_LENGTH) {
    throw new Error(`a one-time code needs ${ONE_TIME_CODE_LENGTH} random bytes`);
  }
  const chars = Array.from(
    randomBytes.slice(0, ONE_TIME_CODE_LENGTH),
    (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length],
  );
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

/**
 * The code as typed, reduced to what is compared: case, spaces and dashes do not matter. Returns
 * null for anything that cannot be a code, so it is refused without a lookup.
 */
export function normaliseOneTimeCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== ONE_TIME_CODE_LENGTH) return null;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}
