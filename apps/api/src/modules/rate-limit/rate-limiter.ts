import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OccasionalWarning, RedisConnection } from '../redis/redis.module';
import type { RateLimitPolicyName } from './rate-limit-policies';

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until the window ends (for Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * One atomic step of a fixed window: count the request, start the window on the first one, and
 * answer the count and the milliseconds left. Atomic in Redis, so every API process shares it.
 */
const FIXED_WINDOW = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

/** Counts requests per policy and client in Redis (see rate-limit-policies.ts). */
@Injectable()
export class RateLimiter {
  private readonly warning = new OccasionalWarning(new Logger('RateLimiter'));
  private readonly fixedWindow: (key: string, windowMs: number) => Promise<[number, number]>;

  constructor(
    redis: RedisConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.fixedWindow = redis.script('caunoiFixedWindow', FIXED_WINDOW);
  }

  /** Counts one request of `client` under `policy`. */
  async consume(policy: RateLimitPolicyName, client: string): Promise<RateLimitDecision> {
    const { limit, windowMs } = this.config.rateLimits[policy];
    const key = `${this.config.queuePrefix}:ratelimit:${policy}:${client}`;
    try {
      const [count, ttlMs] = await this.fixedWindow(key, windowMs);
      if (count <= limit) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
    } catch (error) {
      // Fail open: with Redis away (health says so) a hotline operator must still be able to
      // sign in and work; sign-in delays and argon2's cost still slow guessing down.
      this.warning.warn(`Rate limits not enforced, Redis unavailable: ${(error as Error).message}`);
      return { allowed: true, retryAfterSeconds: 0 };
    }
  }
}
