/**
 * The test harness's configuration: the one place tests read the environment. It names the
 * PostgreSQL server and Redis to test against, and carries this run's database and roles from Jest's
 * global setup (a separate module instance) to the test files.
 */
const env = process.env;

const RUN_DATABASE = 'CAUNOI_TEST_DATABASE';
const RUN_DATABASE_URL = 'CAUNOI_TEST_DATABASE_URL';
const RUN_OWNER_URL = 'CAUNOI_TEST_OWNER_URL';
const REDIS_DATABASES = 'CAUNOI_TEST_REDIS_DATABASES';

/**
 * A role that may create databases and roles on the server to test against (default: the local
 * trust-auth `postgres`). `npm test` passes the one it provisioned PostgreSQL with.
 */
export function databaseAdminUrl(): string {
  return env['DATABASE_ADMIN_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
}

/**
 * The fuzz test's seed and budget: FUZZ_SEED replays a failure it printed, FUZZ_RUNS_PER_ROUTE
 * explores further than the default (requests per route, spread over the roles that may call it).
 */
export function fuzzSettings(): { seed: number; runsPerRoute: number } {
  return {
    seed: Number(env['FUZZ_SEED'] || 20260409),
    runsPerRoute: Number(env['FUZZ_RUNS_PER_ROUTE'] || 16),
  };
}

/**
 * Redis from REDIS_URL, optionally on another logical database (for tests that flush it).
 * CAUNOI_TEST_REDIS_DB_OFFSET moves those databases, so two test runs on one machine (two checkouts)
 * never flush each other's; the Redis server must then have that many databases (`--databases`).
 */
export function testRedisUrl(db?: number): string {
  const base = env['REDIS_URL'] || 'redis://127.0.0.1:6379';
  if (db === undefined) return base;
  const offset = Number(env['CAUNOI_TEST_REDIS_DB_OFFSET'] ?? 0) || 0;
  // Redis refuses SELECT of a database it does not have, and ioredis then carries on in database 0:
  // the test would flush the database every other run on this machine uses. Refuse instead.
  const databases = Number(env[REDIS_DATABASES]);
  if (databases && db + offset >= databases) {
    throw new Error(
      `Redis has ${databases} databases (0–${databases - 1}); this test needs database ${db + offset}`,
    );
  }
  return `${base.replace(/\/\d*$/, '')}/${db + offset}`;
}

/** How many logical databases the Redis under test has (read once by the global setup). */
export function rememberRedisDatabases(count: number): void {
  env[REDIS_DATABASES] = String(count);
}

/** This run's database: its name, the runtime role's URL and the owner role's URL. */
export interface RunDatabase {
  name: string;
  url: string;
  ownerUrl: string;
}

export function rememberRunDatabase(run: RunDatabase): void {
  env[RUN_DATABASE] = run.name;
  env[RUN_DATABASE_URL] = run.url;
  env[RUN_OWNER_URL] = run.ownerUrl;
}

export function runDatabase(): RunDatabase | null {
  const name = env[RUN_DATABASE];
  const url = env[RUN_DATABASE_URL];
  const ownerUrl = env[RUN_OWNER_URL];
  return name && url && ownerUrl ? { name, url, ownerUrl } : null;
}
