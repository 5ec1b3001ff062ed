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
 * Counts requests per policy and client in Redis (see rate-limit-policies.ts). One count per key is in
 * flight at a time: requests of the same client that arrive meanwhile are counted together by the
 * next one (one INCRBY of n, the i-th of them being count − n + i), so a busy client costs one Redis
 * call per round trip rather than one per request, with the same exact count.
 */
@Injectable()
export class RateLimiter {
  private readonly warning = new OccasionalWarning(new Logger('RateLimiter'));
  private readonly fixedWindow: (
    key: string,
    windowMs: number,
    requests: number,
  ) => Promise<[number, number]>;
  /** Keys with a count in flight -> the requests waiting for the next one. */
  private readonly waiting = new Map<string, Answer[]>();

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
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push(answer);
        return;
      }
      this.waiting.set(key, []);
      this.count(policy, key, [answer]);
    });
  }

  private count(policy: RateLimitPolicyName, key: string, batch: Answer[]): void {
    const { limit, windowMs } = this.config.rateLimits[policy];
    this.fixedWindow(key, windowMs, batch.length)
      .then(
        ([count, ttlMs]) => {
          const first = count - batch.length;
          batch.forEach((answer, i) =>
            answer(
              first + i + 1 <= limit
                ? ALLOWED
                : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) },
            ),
          );
        },
        (error: unknown) => {
          // Fail open: with Redis away (health says so) a hotline operator must still be able to
          // sign in and work; sign-in delays and argon2's cost still slow guessing down.
          this.warning.warn(
            `Rate limits not enforced, Redis unavailable: ${(error as Error).message}`,
          );
          for (const answer of batch) answer(ALLOWED);
        },
      )
      .finally(() => {
        const next = this.waiting.get(key) ?? [];
        if (next.length === 0) this.waiting.delete(key);
        else {
          this.waiting.set(key, []);
          this.count(policy, key, next);
        }
      });
  }
}
