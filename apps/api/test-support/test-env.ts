/**
 * The test harness's configuration: the one place tests read the environment. It names the
 * PostgreSQL server and Redis to test against, and carries this run's database from Jest's global
 * setup (a separate module instance) to the test files.
 */
const env = process.env;

const RUN_DATABASE = 'CAUNOI_TEST_DATABASE';
const RUN_DATABASE_URL = 'CAUNOI_TEST_DATABASE_URL';

/** Any database on the server named by DATABASE_URL (default: local trust-auth PostgreSQL). */
export function databaseServerUrl(): string {
  return env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
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
  return `${base.replace(/\/\d*$/, '')}/${db + offset}`;
}

export function rememberRunDatabase(name: string, url: string): void {
  env[RUN_DATABASE] = name;
  env[RUN_DATABASE_URL] = url;
}

export function runDatabase(): { name: string; url: string } | null {
  const name = env[RUN_DATABASE];
  const url = env[RUN_DATABASE_URL];
  return name && url ? { name, url } : null;
}
