import type { Role } from '../roles/role';

/** Roles that must sign in with a second factor unless configured otherwise (SECOND_FACTOR_ROLES). */
export const DEFAULT_SECOND_FACTOR_ROLES: readonly Role[] = [
  'admin',
  'supervisor',
  'reporting_officer',
];

/** Failed codes one session may try before it is ended and the password must be given again. */
export const SECOND_FACTOR_MAX_FAILURES = 5;

/** Recovery codes issued at enrolment; each works once, instead of the app. */
export const RECOVERY_CODE_COUNT = 10;

/**
 * Where a session stands with the second factor: `not_required` for roles without one, `pending` until
 * the code is given, `verified` after.
 */
export type SessionSecondFactor = 'not_required' | 'pending' | 'verified';

/** What the user must do next: enrol an app (first sign-in, or after a reset), give a code, or nothing. */
export type SecondFactorStep = 'enrol' | 'verify' | null;

export function secondFactorStep(
  session: SessionSecondFactor,
  enrolled: boolean,
): SecondFactorStep {
  if (session !== 'pending') return null;
  return enrolled ? 'verify' : 'enrol';
}

/** The state a new session starts in. */
export function initialSecondFactor(
  role: Role,
  requiredRoles: readonly Role[],
): SessionSecondFactor {
  return requiredRoles.includes(role) ? 'pending' : 'not_required';
}

/** Recovery codes as shown to the user: ten characters in two groups, from an alphabet without look-alikes. */
export const RECOVERY_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/;

/** Accepts what a user types for a recovery code: any case, spaces or no dash. Null if it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-HJ-NP-Z2-9]{10}$/.test(compact)) return null;
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}
