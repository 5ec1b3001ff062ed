// Small PostgreSQL helpers on the `pg` package from the repository's node_modules.

import { requireFromRepo } from './paths.mjs';
import { parseDatabaseUrl, withDatabase } from './urls.mjs';

const quoteIdentifier = (name) => `"${name.replaceAll('"', '""')}"`;

/** Runs `work(client)` with a connected client and always disconnects. */
export async function withClient(url, work) {
  const { Client } = requireFromRepo('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The server version, e.g. "15.14"; throws the pg error (with `.code`) when the connection fails. */
export async function serverVersion(url) {
  return withClient(
    url,
    async (client) => (await client.query('SHOW server_version')).rows[0].server_version,
  );
}

/** The URL of the maintenance database on the same server (used to create and drop databases). */
export const maintenanceUrl = (url) => withDatabase(url, 'postgres');

/** Creates the URL's database if it does not exist; returns true when it created it. */
export async function ensureDatabase(url) {
  const { database } = parseDatabaseUrl(url);
  return withClient(maintenanceUrl(url), async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount > 0) return false;
    await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
    return true;
  });
}

/** Creates a database that must not exist yet. */
export async function createDatabase(url) {
  const { database } = parseDatabaseUrl(url);
  await withClient(maintenanceUrl(url), (client) =>
    client.query(`CREATE DATABASE ${quoteIdentifier(database)}`),
  );
}

/** Drops a database, closing its remaining connections (PostgreSQL 13+). */
export async function dropDatabase(url) {
  const { database } = parseDatabaseUrl(url);
  await withClient(maintenanceUrl(url), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`),
  );
}
