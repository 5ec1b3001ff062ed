/**
 * The named rate-limit policies. Each is a fixed window per client (IP address, an IPv6 /64),
 * counted in Redis so every API process shares it. `general` applies to every /api request; the
 * others are attached to routes with `@RateLimit(name)` and count on top of `general`.
 * Plain data (no Nest): the configuration reads its defaults and variable names from here.
 */
export const RATE_LIMIT_POLICIES = {
  /** Every API request from one client. */
  general: { variable: 'RATE_LIMIT_GENERAL', fallback: '1200/1m' },
  /** POST /api/auth/login: spraying one password over many names from one client. */
  sign_in: { variable: 'RATE_LIMIT_SIGN_IN', fallback: '60/10m' },
  /** POST /api/auth/refresh. */
  refresh: { variable: 'RATE_LIMIT_REFRESH', fallback: '120/10m' },
  /** POST /api/auth/change-password: it checks the current password, so it is a guessing oracle too. */
  password_change: { variable: 'RATE_LIMIT_PASSWORD_CHANGE', fallback: '10/15m' },
  /** Routes that take a one-time code (setting a password with a code handed over out of band). */
  one_time_code: { variable: 'RATE_LIMIT_ONE_TIME_CODE', fallback: '10/15m' },
  /** Second-factor codes (each session also ends after five wrong ones). */
  second_factor: { variable: 'RATE_LIMIT_SECOND_FACTOR', fallback: '60/10m' },
  /**
   * Recording or searching a survivor's identity: each answers whether a phone number or a name and
   * birth date is known (possibly at another agency), so it could be used to probe.
   */
  identity_lookup: { variable: 'RATE_LIMIT_IDENTITY_LOOKUP', fallback: '120/10m' },
} as const;

export type RateLimitPolicyName = keyof typeof RATE_LIMIT_POLICIES;

export const RATE_LIMIT_POLICY_NAMES = Object.keys(RATE_LIMIT_POLICIES) as RateLimitPolicyName[];

export interface RateLimitWindow {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** Parses `<requests>/<window>` such as `60/10m`, `1200/1m`, `5/30s`; null when malformed or out of range. */
export function parseRateLimit(value: string): RateLimitWindow | null {
  const match = /^\s*(\d{1,9})\s*\/\s*(\d{1,5})\s*(s|m|h)\s*$/.exec(value);
  if (!match) return null;
  const limit = Number(match[1]);
  const windowMs = Number(match[2]) * UNIT_MS[match[3] as keyof typeof UNIT_MS];
  if (limit < 1 || windowMs < 1_000 || windowMs > 24 * UNIT_MS.h) return null;
  return { limit, windowMs };
}
