import { Redis } from 'ioredis';
import { createRunDatabase, migrateTestDatabase } from './test-database';
import { rememberRedisDatabases, rememberRunDatabase, testRedisUrl } from './test-env';

/** Creates this run's roles and database, and migrates it once; notes how many databases Redis has. */
export default async function globalSetup(): Promise<void> {
  const run = await createRunDatabase(`caunoi_test_${Date.now()}_${process.pid}`);
  rememberRunDatabase(run);
  await migrateTestDatabase(run);
  rememberRedisDatabases(await redisDatabaseCount());
}

async function redisDatabaseCount(): Promise<number> {
  const redis = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const [, count] = (await redis.config('GET', 'databases')) as [string, string];
    return Number(count);
  } finally {
    redis.disconnect();
  }
}
