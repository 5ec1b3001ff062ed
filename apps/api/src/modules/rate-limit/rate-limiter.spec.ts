import type { AppConfig } from '../../config/app-config';
import type { RedisConnection } from '../redis/redis.module';
import { RateLimiter } from './rate-limiter';

const config = {
  queuePrefix: 'caunoi',
  rateLimits: { sign_in: { limit: 2, windowMs: 60_000 } },
} as unknown as AppConfig;

function limiterAnswering(answer: () => Promise<[number, number]>): RateLimiter {
  const redis = { script: () => answer } as unknown as RedisConnection;
  return new RateLimiter(redis, config);
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

  it('lets requests through while Redis is away (a hotline must still sign in)', async () => {
    const limiter = limiterAnswering(() => Promise.reject(new Error('Connection is closed')));
    expect(await limiter.consume('sign_in', 'c')).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });
});
