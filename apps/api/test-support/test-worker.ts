import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Test } from '@nestjs/testing';
import { Clock } from '../src/common/clock';
import type { AppConfig } from '../src/config/app-config';
import { WorkerModule } from '../src/worker.module';
import type { TestClock } from './test-clock';

/** The real worker process's modules (BullMQ workers, reconciler) in-process, on the test's clock. */
export async function startTestWorker(
  config: AppConfig,
  clock: TestClock,
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}

/** Polls until `check` returns true (the worker runs on its own schedule), or fails after `ms`. */
export async function eventually(
  check: () => Promise<boolean>,
  ms = 10_000,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Empties the test's Redis database: every queued job and every rate-limit key is gone. */
export async function flushRedis(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

/**
 * `ms` pass, then a worker starts. BullMQ delays run on real time, so the queued jobs are dropped and the
 * worker's reconciler rebuilds them from PostgreSQL on the moved clock, as after losing Redis.
 */
export async function workerAfter(
  config: AppConfig,
  clock: TestClock,
  ms: number,
): Promise<INestApplicationContext> {
  clock.advance(ms);
  await flushRedis(config.redisUrl);
  return startTestWorker(config, clock);
}
