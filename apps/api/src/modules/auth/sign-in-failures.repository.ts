import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { SignInFailures } from '@caunoi/shared/domain';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { RedisConnection } from '../redis/redis.module';

/**
 * Adds one failure atomically. Failures older than the quiet period start again from one: the same
 * rule as `withFailure` in the domain (the reference, unit-tested), repeated here so that parallel
 * failures never lose a count. The key expires after the quiet period too.
 */
const ADD_FAILURE = `
local last = tonumber(redis.call('HGET', KEYS[1], 'last'))
if last and tonumber(ARGV[1]) - last >= tonumber(ARGV[2]) then
  redis.call('DEL', KEYS[1])
end
local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
redis.call('HSET', KEYS[1], 'last', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return count
`;

/**
 * Failed sign-ins per account name and client, in Redis (shared by every API process). The name is
 * hashed: Redis holds neither usernames nor a list of which ones exist.
 */
@Injectable()
export class SignInFailuresRepository {
  private readonly addFailure: (key: string, now: number, forgetAfterMs: number) => Promise<number>;

  constructor(
    private readonly redis: RedisConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.addFailure = redis.script('caunoiAddSignInFailure', ADD_FAILURE);
  }

  async get(username: string, client: string): Promise<SignInFailures | null> {
    const [count, last] = await this.redis.client.hmget(
      this.key(username, client),
      'count',
      'last',
    );
    if (count === null || last === null) return null;
    return { count: Number(count), lastFailureAt: Number(last) };
  }

  /** Adds a failure at `now`; returns the count after it. */
  add(username: string, client: string, now: number, forgetAfterMs: number): Promise<number> {
    return this.addFailure(this.key(username, client), now, forgetAfterMs);
  }

  async clear(username: string, client: string): Promise<void> {
    await this.redis.client.del(this.key(username, client));
  }

  private key(username: string, client: string): string {
    const name = createHash('sha256').update(username.trim().toLowerCase()).digest('base64url');
    return `${this.config.queuePrefix}:signin-failures:${name}:${client}`;
  }
}
