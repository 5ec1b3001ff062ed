import type { SignInDelayPolicy, SignInFailures } from './sign-in-delay';
import {
  DEFAULT_SIGN_IN_DELAY_POLICY,
  delayAfterFailures,
  failuresForgotten,
  retryAfterSeconds,
  signInDelayPolicyProblems,
  signInWaitMs,
  withFailure,
} from './sign-in-delay';

const MINUTE = 60_000;
const policy: SignInDelayPolicy = {
  freeFailures: 3,
  firstDelayMs: 10_000,
  maxDelayMs: 60_000,
  forgetAfterMs: 60 * MINUTE,
};
const T0 = Date.UTC(2026, 0, 1, 8, 0, 0);

describe('delayAfterFailures', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 0],
    [4, 10_000],
    [5, 20_000],
    [6, 40_000],
    [7, 60_000],
    [8, 60_000],
    [1_000, 60_000],
  ])('after %i failures waits %i ms', (count, expected) => {
    expect(delayAfterFailures(count, policy)).toBe(expected);
  });

  it('never overflows, however many failures', () => {
    expect(delayAfterFailures(Number.MAX_SAFE_INTEGER, policy)).toBe(60_000);
    expect(delayAfterFailures(Infinity, policy)).toBe(0);
    expect(delayAfterFailures(Number.NaN, policy)).toBe(0);
    expect(delayAfterFailures(-1, policy)).toBe(0);
  });

  it('with the defaults: five free failures, then 1, 2, 4, 8 and at most 15 minutes', () => {
    const d = DEFAULT_SIGN_IN_DELAY_POLICY;
    expect([5, 6, 7, 8, 9, 10, 11].map((n) => delayAfterFailures(n, d) / MINUTE)).toEqual([
      0, 1, 2, 4, 8, 15, 15,
    ]);
  });
});

describe('signInWaitMs', () => {
  const failures = (count: number, lastFailureAt = T0): SignInFailures => ({
    count,
    lastFailureAt,
  });

  it('lets a client with no failures, or only free ones, try at once', () => {
    expect(signInWaitMs(null, T0, policy)).toBe(0);
    expect(signInWaitMs(failures(0), T0, policy)).toBe(0);
    expect(signInWaitMs(failures(3), T0, policy)).toBe(0);
  });

  it('counts the wait from the latest failure', () => {
    expect(signInWaitMs(failures(4), T0, policy)).toBe(10_000);
    expect(signInWaitMs(failures(4), T0 + 4_000, policy)).toBe(6_000);
    expect(signInWaitMs(failures(4), T0 + 10_000, policy)).toBe(0);
    expect(signInWaitMs(failures(4), T0 + 11_000, policy)).toBe(0);
  });

  it('caps the wait', () => {
    expect(signInWaitMs(failures(50), T0 + 1_000, policy)).toBe(59_000);
  });

  it('forgets failures after the quiet period', () => {
    expect(signInWaitMs(failures(50), T0 + 60 * MINUTE, policy)).toBe(0);
  });

  it('does not trust a failure recorded in the future beyond the delay (clock skew)', () => {
    expect(signInWaitMs(failures(4, T0 + 5_000), T0, policy)).toBe(15_000);
  });
});

describe('withFailure', () => {
  it('starts at one', () => {
    expect(withFailure(null, T0, policy)).toEqual({ count: 1, lastFailureAt: T0 });
  });

  it('adds one and moves the time of the latest failure', () => {
    expect(withFailure({ count: 4, lastFailureAt: T0 }, T0 + 5, policy)).toEqual({
      count: 5,
      lastFailureAt: T0 + 5,
    });
  });

  it('starts again from one once the old failures are forgotten', () => {
    const old = { count: 9, lastFailureAt: T0 };
    expect(failuresForgotten(old, T0 + 60 * MINUTE - 1, policy)).toBe(false);
    expect(failuresForgotten(old, T0 + 60 * MINUTE, policy)).toBe(true);
    expect(withFailure(old, T0 + 60 * MINUTE, policy)).toEqual({
      count: 1,
      lastFailureAt: T0 + 60 * MINUTE,
    });
  });

  it('walks the whole ladder: free failures, then growing waits, then the cap', () => {
    let state: SignInFailures | null = null;
    let now = T0;
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      now += signInWaitMs(state, now, policy);
      state = withFailure(state, now, policy);
      waits.push(signInWaitMs(state, now, policy));
    }
    expect(waits).toEqual([0, 0, 0, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });
});

describe('retryAfterSeconds', () => {
  it.each([
    [0, 0],
    [-5, 0],
    [1, 1],
    [999, 1],
    [1_000, 1],
    [1_001, 2],
    [60_000, 60],
  ])('%i ms is %i s', (ms, s) => expect(retryAfterSeconds(ms)).toBe(s));
});

describe('signInDelayPolicyProblems', () => {
  it('accepts the defaults', () => {
    expect(signInDelayPolicyProblems(DEFAULT_SIGN_IN_DELAY_POLICY)).toEqual([]);
  });

  it.each<[Partial<SignInDelayPolicy>, RegExp]>([
    [{ freeFailures: 0 }, /freeFailures/],
    [{ freeFailures: 2.5 }, /freeFailures/],
    [{ firstDelayMs: 0 }, /firstDelayMs/],
    [{ maxDelayMs: 5_000 }, /maxDelayMs/],
    [{ forgetAfterMs: 60_000 }, /forgetAfterMs/],
  ])('refuses %j', (change, problem) => {
    expect(signInDelayPolicyProblems({ ...policy, ...change })).toEqual([
      expect.stringMatching(problem),
    ]);
  });
});
