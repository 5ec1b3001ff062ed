import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrationDataSourceOptions } from '../src/database/data-source-options';
import type { RunDatabase } from './test-env';
import { databaseAdminUrl, runDatabase } from './test-env';

/**
 * Databases of the integration tests. Each run has its own two roles, as in production
 * (docs/operations.md, "Database roles"): `<run>_owner` owns the tables and runs the migrations,
 * `<run>_app` is what the app connects as. Both are dropped with the run.
 */

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function urlFor(database: string, user?: { name: string; password: string }): string {
  const url = new URL(databaseAdminUrl());
  url.pathname = `/${database}`;
  if (user) {
    url.username = encodeURIComponent(user.name);
    url.password = encodeURIComponent(user.password);
  }
  return url.toString();
}

/** A superuser (or CREATEDB + CREATEROLE) connection to the server's maintenance database. */
export async function withAdminClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  return withClient(urlFor('postgres'), fn);
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const roleNames = (runName: string) => ({ owner: `${runName}_owner`, app: `${runName}_app` });

/** Creates the run's two roles and its database, and migrates it as the owner. */
export async function createRunDatabase(name: string): Promise<RunDatabase> {
  const roles = roleNames(name);
  const owner = { name: roles.owner, password: randomBytes(18).toString('base64url') };
  const app = { name: roles.app, password: randomBytes(18).toString('base64url') };
  await withAdminClient(async (c) => {
    for (const role of [owner, app]) {
      // NOSUPERUSER and no CREATEROLE/CREATEDB: what an operator would give them.
      await c.query(
        `CREATE ROLE ${quote(role.name)} LOGIN NOSUPERUSER PASSWORD '${role.password}'`,
      );
    }
  });
  const run = { name, url: urlFor(name, app), ownerUrl: urlFor(name, owner) };
  await createDatabase(run);
  return run;
}

/** Drops the run's database, then its roles (once no database of theirs is left). */
export async function dropRunDatabase(run: RunDatabase): Promise<void> {
  const roles = roleNames(run.name);
  await withAdminClient(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quote(run.name)} WITH (FORCE)`);
    try {
      await c.query(`DROP ROLE IF EXISTS ${quote(roles.app)}, ${quote(roles.owner)}`);
    } catch (error) {
      // A scratch database a failed suite left behind still belongs to them: say so, go on.
      process.stderr.write(`Could not drop the test roles of ${run.name}: ${String(error)}\n`);
    }
  });
}

/** A database owned by the run's owner role, reachable by its runtime role, migrated. */
async function createDatabase(db: RunDatabase): Promise<void> {
  const owner = decodeURIComponent(new URL(db.ownerUrl).username);
  const app = decodeURIComponent(new URL(db.url).username);
  await withAdminClient(async (c) => {
    await c.query(`CREATE DATABASE ${quote(db.name)} OWNER ${quote(owner)}`);
    await c.query(`REVOKE ALL ON DATABASE ${quote(db.name)} FROM PUBLIC`);
    await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${quote(db.name)} TO ${quote(app)}`);
  });
}

/** Runs the migrations as `cli migrate` does: as the owner, naming the runtime role. */
export async function migrateTestDatabase(
  db: Pick<RunDatabase, 'url' | 'ownerUrl'>,
  migrations?: unknown[],
): Promise<void> {
  const options = migrationDataSourceOptions({
    databaseUrl: db.url,
    databaseOwnerUrl: db.ownerUrl,
  });
  const dataSource = new DataSource({
    ...options,
    ...(migrations ? { migrations: migrations as never } : {}),
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

export interface ScratchDatabase extends RunDatabase {
  /** DATABASE_URL and DATABASE_OWNER_URL for `createTestApp` / `testConfig`. */
  env: { DATABASE_URL: string; DATABASE_OWNER_URL: string };
  drop(): Promise<void>;
}

/**
 * A database of its own for a suite that must not share the run's (it breaks the audit chain,
 * rotates keys, or starts from an empty schema), with the run's roles; not migrated.
 */
export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const run = requireRun();
  const name = `${run.name}_${label}`.slice(0, 63);
  const withName = (url: string) => {
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const db = { name, url: withName(run.url), ownerUrl: withName(run.ownerUrl) };
  await createDatabase(db);
  return {
    ...db,
    env: { DATABASE_URL: db.url, DATABASE_OWNER_URL: db.ownerUrl },
    drop: () =>
      withAdminClient(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
      }),
  };
}

/**
 * As the owner role on the run's database (or another): what a test needs to stage an attack or a
 * broken schema that the runtime role may not cause.
 */
export function withOwnerClient<T>(
  fn: (client: Client) => Promise<T>,
  db: Pick<RunDatabase, 'ownerUrl'> = requireRun(),
): Promise<T> {
  return withClient(db.ownerUrl, fn);
}

/** As the runtime role, over a plain connection (no app): what the database lets the API do. */
export function withRuntimeClient<T>(
  fn: (client: Client) => Promise<T>,
  db: Pick<RunDatabase, 'url'> = requireRun(),
): Promise<T> {
  return withClient(db.url, fn);
}

function requireRun(): RunDatabase {
  const run = runDatabase();
  if (!run) throw new Error('Integration tests need the global setup (jest.int.config.cts)');
  return run;
}
