/**
 * Growing delays after failed sign-ins, counted per account name AND client, so that an outsider's
 * failures slow down only the outsider: the holder of the account signs in from their own client
 * as usual. The same rule applies to names that match no account, so the answer never tells
 * whether an account exists.
 */
export interface SignInDelayPolicy {
  /** Failures allowed before any delay (typing mistakes). */
  freeFailures: number;
  /** Wait after the first failure past the free ones; each further failure doubles it. */
  firstDelayMs: number;
  /** The wait never grows past this. */
  maxDelayMs: number;
  /** Failures are forgotten after this long without a new one. */
  forgetAfterMs: number;
}

export const DEFAULT_SIGN_IN_DELAY_POLICY: SignInDelayPolicy = {
  freeFailures: 5,
  firstDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
};

/** What is remembered about one account name from one client. */
export interface SignInFailures {
  count: number;
  /** Epoch milliseconds of the latest failure. */
  lastFailureAt: number;
}

/** How long to wait after the `count`-th failure in a row (0 while failures are still free). */
export function delayAfterFailures(count: number, policy: SignInDelayPolicy): number {
  if (!Number.isFinite(count) || count <= policy.freeFailures) return 0;
  const doublings = count - policy.freeFailures - 1;
  // Past ~40 doublings the product overflows any sane cap; stop multiplying early.
  if (doublings >= 40) return policy.maxDelayMs;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** doublings);
}

/** True when the failures are old enough to be forgotten (or there are none). */
export function failuresForgotten(
  failures: SignInFailures | null,
  now: number,
  policy: SignInDelayPolicy,
): boolean {
  return (
    failures === null || failures.count <= 0 || now - failures.lastFailureAt >= policy.forgetAfterMs
  );
}

/** Milliseconds this client must still wait before trying this account name again; 0 = may try. */
export function signInWaitMs(
  failures: SignInFailures | null,
  now: number,
  policy: SignInDelayPolicy,
): number {
  if (failures === null || failuresForgotten(failures, now, policy)) return 0;
  const until = failures.lastFailureAt + delayAfterFailures(failures.count, policy);
  return Math.max(0, until - now);
}

/** The failures after one more, starting again from one when the old ones are forgotten. */
export function withFailure(
  failures: SignInFailures | null,
  now: number,
  policy: SignInDelayPolicy,
): SignInFailures {
  const previous = failuresForgotten(failures, now, policy) ? 0 : (failures?.count ?? 0);
  return { count: previous + 1, lastFailureAt: now };
}

/** Whole seconds for a Retry-After header: never 0 while a wait remains. */
export function retryAfterSeconds(waitMs: number): number {
  return waitMs <= 0 ? 0 : Math.max(1, Math.ceil(waitMs / 1000));
}

/** Problems with a policy read from configuration; empty when it is usable. */
export function signInDelayPolicyProblems(policy: SignInDelayPolicy): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(policy.freeFailures) || policy.freeFailures < 1) {
    problems.push('freeFailures must be a whole number of at least 1');
  }
  if (!(policy.firstDelayMs > 0)) problems.push('firstDelayMs must be positive');
  if (!(policy.maxDelayMs >= policy.firstDelayMs)) {
    problems.push('maxDelayMs must be at least firstDelayMs');
  }
  if (!(policy.forgetAfterMs > policy.maxDelayMs)) {
    problems.push('forgetAfterMs must be longer than maxDelayMs');
  }
  return problems;
}
