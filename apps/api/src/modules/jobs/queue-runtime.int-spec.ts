import { Redis } from 'ioredis';
import { testRedisUrl } from '../../../test-support/test-env';
import { assertNoEviction, RedisPolicyError } from './queue-runtime';

const REDIS_URL = testRedisUrl();

describe('worker start-up check on the real Redis', () => {
  let client: Redis;
  let original: string;

  beforeAll(async () => {
    client = new Redis(REDIS_URL);
    original = ((await client.config('GET', 'maxmemory-policy')) as string[])[1] ?? 'noeviction';
  });
  afterAll(async () => {
    await client.config('SET', 'maxmemory-policy', original);
    client.disconnect();
  });

  it('accepts noeviction', async () => {
    await client.config('SET', 'maxmemory-policy', 'noeviction');
    await expect(assertNoEviction(REDIS_URL)).resolves.toBeUndefined();
  });

  it('refuses an evicting policy with a message that says how to fix it', async () => {
    await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const error = await assertNoEviction(REDIS_URL).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedisPolicyError);
      expect((error as Error).message).toMatch(/allkeys-lru/);
      expect((error as Error).message).toMatch(/CONFIG SET maxmemory-policy noeviction/);
    } finally {
      await client.config('SET', 'maxmemory-policy', 'noeviction');
    }
  });
});
