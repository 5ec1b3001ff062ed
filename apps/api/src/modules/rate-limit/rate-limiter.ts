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
 * One atomic step of a fixed window: count `ARGV[2]` requests, start the window on the first one, and
 * answer the count and the milliseconds left. Atomic in Redis, so every API process shares it.
 */
const FIXED_WINDOW = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

type Answer = (decision: RateLimitDecision) => void;

const ALLOWED: RateLimitDecision = { allowed: true, retryAfterSeconds: 0 };

/**
 * Counts requests per policy and client in Redis (see rate-limit-policies.ts). Requests of the same client
 * (and policy) that arrive in the same turn of the event loop (under load, many sockets are read in one
 * turn) are counted by one call at the end of it: one INCRBY of n, the i-th of them being count − n + i.
 * The count stays exact, nothing waits for another request's round trip, and a busy client costs one Redis
 * call per turn rather than one per request.
 */
@Injectable()
export class RateLimiter {
  private readonly warning = new OccasionalWarning(new Logger('RateLimiter'));
  private readonly fixedWindow: (
    key: string,
    windowMs: number,
    requests: number,
  ) => Promise<[number, number]>;
  /** Keys counted at the end of this turn -> the requests to answer. */
  private readonly gathering = new Map<string, Answer[]>();

  constructor(
    redis: RedisConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.fixedWindow = redis.script('caunoiFixedWindowBy', FIXED_WINDOW);
  }

  /** Counts one request of `client` under `policy`. */
  consume(policy: RateLimitPolicyName, client: string): Promise<RateLimitDecision> {
    const key = `${this.config.queuePrefix}:ratelimit:${policy}:${client}`;
    return new Promise((answer) => {
      const batch = this.gathering.get(key);
      if (batch) {
        batch.push(answer);
        return;
      }
      const answers = [answer];
      this.gathering.set(key, answers);
      setImmediate(() => {
        this.gathering.delete(key);
        void this.count(policy, key, answers);
      });
    });
  }

  private async count(policy: RateLimitPolicyName, key: string, batch: Answer[]): Promise<void> {
    try {
      const { limit, windowMs } = this.config.rateLimits[policy];
      const [count, ttlMs] = await this.fixedWindow(key, windowMs, batch.length);
      const first = count - batch.length;
      const refused = { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
      batch.forEach((answer, i) => answer(first + i + 1 <= limit ? ALLOWED : refused));
    } catch (error) {
      // Fail open: with Redis away (health says so) a hotline operator must still be able to
      // sign in and work; sign-in delays and argon2's cost still slow guessing down.
      this.warning.warn(`Rate limits not enforced, Redis unavailable: ${(error as Error).message}`);
      for (const answer of batch) answer(ALLOWED);
    }
  }
}
