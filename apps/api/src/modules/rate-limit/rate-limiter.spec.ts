import type { AppConfig } from '../../config/app-config';
import type { RedisConnection } from '../redis/redis.module';
import { RateLimiter } from './rate-limiter';

const config = {
  queuePrefix: 'caunoi',
  rateLimits: { sign_in: { limit: 2, windowMs: 60_000 } },
} as unknown as AppConfig;

type Script = (key: string, windowMs: number, requests: number) => Promise<[number, number]>;

function limiterAnswering(answer: Script): RateLimiter {
  const redis = { script: () => answer } as unknown as RedisConnection;
  return new RateLimiter(redis, config);
}

/** A window in memory that answers only when told to, so requests can pile up behind a count. */
function heldWindow() {
  const counts = new Map<string, number>();
  const calls: { key: string; requests: number; release: () => void }[] = [];
  const script: Script = (key, _windowMs, requests) =>
    new Promise((resolve) => {
      calls.push({
        key,
        requests,
        release: () => {
          const count = (counts.get(key) ?? 0) + requests;
          counts.set(key, count);
          resolve([count, 30_000]);
        },
      });
    });
  return { script, calls };
}

describe('RateLimiter', () => {
  it('allows up to the limit, then answers the seconds left in the window', async () => {
    expect(await limiterAnswering(async () => [2, 59_000]).consume('sign_in', 'c')).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
    expect(await limiterAnswering(async () => [3, 41_200]).consume('sign_in', 'c')).toEqual({
      allowed: false,
      retryAfterSeconds: 42,
    });
    expect(await limiterAnswering(async () => [3, 0]).consume('sign_in', 'c')).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it('counts the requests of one turn together, each in its place, without waiting for other counts', async () => {
    const window = heldWindow();
    const limiter = limiterAnswering(window.script);
    const sameTurn = [1, 2, 3].map(() => limiter.consume('sign_in', 'c'));
    const otherClient = limiter.consume('sign_in', 'd');
    await new Promise((resolve) => setImmediate(resolve));
    // One INCRBY 3 for client c, one for d.
    expect(window.calls.map((c) => [c.key.split(':').pop(), c.requests])).toEqual([
      ['c', 3],
      ['d', 1],
    ]);
    // A request of the next turn is counted at once, while c's first count is still out.
    const nextTurn = limiter.consume('sign_in', 'c');
    await new Promise((resolve) => setImmediate(resolve));
    expect(window.calls.map((c) => c.requests)).toEqual([3, 1, 1]);
    window.calls[0]?.release();
    // Counts 1, 2 and 3 against a limit of 2.
    expect(await Promise.all(sameTurn)).toEqual([
      { allowed: true, retryAfterSeconds: 0 },
      { allowed: true, retryAfterSeconds: 0 },
      { allowed: false, retryAfterSeconds: 30 },
    ]);
    window.calls[2]?.release();
    expect(await nextTurn).toEqual({ allowed: false, retryAfterSeconds: 30 });
    window.calls[1]?.release();
    expect(await otherClient).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it('lets requests through while Redis is away (a hotline must still sign in)', async () => {
    const limiter = limiterAnswering(() => Promise.reject(new Error('Connection is closed')));
    const both = await Promise.all([
      limiter.consume('sign_in', 'c'),
      limiter.consume('sign_in', 'c'),
    ]);
    expect(both).toEqual([
      { allowed: true, retryAfterSeconds: 0 },
      { allowed: true, retryAfterSeconds: 0 },
    ]);
  });
});
