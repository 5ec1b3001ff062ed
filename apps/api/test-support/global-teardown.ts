import { Redis } from 'ioredis';
import { dropRunDatabase } from './test-database';
import { runDatabase, testRedisUrl } from './test-env';

export default async function globalTeardown(): Promise<void> {
  await removeRunQueueKeys();
  const run = runDatabase();
  if (!run) return;
  await dropRunDatabase(run);
}

/**
 * The run's keys in the shared Redis database: the queues and rate-limit counters of the suites that use
 * the default `caunoi-test-…-<pid>` prefixes (suites on their own database flush it themselves).
 */
async function removeRunQueueKeys(): Promise<void> {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  try {
    for (const pattern of [`caunoi-test-*${process.pid}*`, `{caunoi-test-*${process.pid}*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        if (keys.length > 0) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
