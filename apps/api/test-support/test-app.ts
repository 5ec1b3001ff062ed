import { createHash, randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { Clock } from '../src/common/clock';
import type { AppConfig } from '../src/config/app-config';
import { loadConfig } from '../src/config/app-config';
import { RATE_LIMIT_POLICIES } from '../src/modules/rate-limit/rate-limit-policies';
import { seedDemoData } from '../src/modules/seed/demo-seed';
import { configureHttpApp } from '../src/http-app';
import { TestClock } from './test-clock';
import { runDatabase, testRedisUrl } from './test-env';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  clock: TestClock;
  dataSource: DataSource;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * Configuration for tests: this run's database as its runtime role (the owner's URL too, for
 * `cli migrate`), the real Redis, throwaway secrets.
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const run = runDatabase();
  if (!run) throw new Error('Integration tests need the global setup (jest.int.config.cts)');
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: run.url,
    // Another database given alone: no owner URL (it would name the run's database).
    DATABASE_OWNER_URL: overrides['DATABASE_URL'] ? '' : run.ownerUrl,
    REDIS_URL: testRedisUrl(),
    JWT_SECRET: randomBytes(32).toString('hex'),
    // One data key per run, not per suite: suites share the run's database, and a row one suite
    // encrypted (say, an item in a centre's intake queue) must decrypt in another suite's app.
    DATA_ENCRYPTION_KEYS: `t1:${createHash('sha256').update(`data-key:${run.name}`).digest('base64')}`,
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    // Per run too: a checkpoint one suite's worker signed is checked by the next suite's.
    AUDIT_CHECKPOINT_KEY: `t1:${createHash('sha256').update(`checkpoint-key:${run.name}`).digest('base64')}`,
    QUEUE_PREFIX: `caunoi-test-${process.pid}`,
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '/nonexistent',
    // Every suite of a run signs in from 127.0.0.1 under one prefix: limits out of the way, except
    // in the tests of the limits, which set their own small ones.
    ...Object.fromEntries(
      Object.values(RATE_LIMIT_POLICIES).map((p) => [p.variable, '1000000/1m']),
    ),
    ...overrides,
  });
}

/** Boots the real HTTP pipeline (guards, pipes, filter) on the run's database, with a hand-moved clock. */
export async function createTestApp(
  overrides: Record<string, string> = {},
  clock = new TestClock(),
): Promise<TestApp> {
  const config = testConfig(overrides);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: false,
  });
  configureHttpApp(app, config);
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  // Production never seeds (the seed refuses); the run's database is seeded by the other apps.
  if (config.nodeEnv !== 'production') await seedDemoData(dataSource, config);
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    dataSource,
    config,
    close: () => app.close(),
  };
}
