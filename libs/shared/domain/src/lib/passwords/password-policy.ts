import { COMMON_PASSWORDS } from './common-passwords';

/** NIST SP 800-63B style: a length floor, no composition rules, and a deny-list. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_username';

const commonSet = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

/** Returns the first problem with a proposed password, or null when it is acceptable. */
export function checkPassword(password: string, username?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lowered = password.toLowerCase();
  if (commonSet.has(lowered) || isRepetitive(lowered)) return 'too_common';
  if (username && username.length >= 4 && lowered.includes(username.toLowerCase())) {
    return 'contains_username';
  }
  return null;
}

/** One character repeated, or a run of one short block ("abcabcabcabc"), is as weak as a listed one. */
function isRepetitive(password: string): boolean {
  for (let size = 1; size <= 4; size++) {
    const block = password.slice(0, size);
    if (block.repeat(Math.ceil(password.length / size)).slice(0, password.length) === password) {
      return true;
    }
  }
  return false;
}
