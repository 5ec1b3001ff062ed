// The two database roles (docs/operations.md, "Database roles"): the owner runs the migrations and owns
// every table; the runtime role is what the API and the worker connect as. The migrations grant the
// runtime role its rows; these helpers create the roles and the database, as a role that may (the admin URL).

import { randomBytes } from 'node:crypto';
import { withClient } from './postgres.mjs';
import { parseDatabaseUrl, withDatabase } from './urls.mjs';

const quote = (name) => `"${name.replaceAll('"', '""')}"`;
const literal = (value) => `'${value.replaceAll("'", "''")}'`;

/** The user and password a postgres:// URL logs in with. */
export function credentialsOf(url) {
  const parsed = new URL(url);
  return {
    user: decodeURIComponent(parsed.username),
    password: parsed.password ? decodeURIComponent(parsed.password) : null,
  };
}

/** The same URL logging in as another user. */
export function withUser(url, user, password) {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = password ? encodeURIComponent(password) : '';
  return parsed.toString();
}

export const randomPassword = () => randomBytes(24).toString('base64url');

/**
 * Creates the role if missing (a login role, no superuser, no CREATEDB/CREATEROLE), else sets its
 * password to the URL's. A superuser of that name is left alone and reported.
 */
async function ensureRole(admin, { user, password }) {
  const found = await admin.query('SELECT rolsuper FROM pg_roles WHERE rolname = $1', [user]);
  const withPassword = password ? ` PASSWORD ${literal(password)}` : '';
  if (found.rowCount === 0) {
    await admin.query(
      `CREATE ROLE ${quote(user)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE${withPassword}`,
    );
    return 'created';
  }
  if (found.rows[0].rolsuper) return 'superuser';
  if (password) await admin.query(`ALTER ROLE ${quote(user)} LOGIN${withPassword}`);
  return 'exists';
}

/**
 * Hands every object of schema public that another role owns to the owner role: a database made
 * before the two roles (by `postgres`) becomes one the owner can migrate. Returns how many moved.
 */
async function adoptObjects(client, owner) {
  const { rows } = await client.query(
    `SELECT format('ALTER %s %s OWNER TO %I',
              CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                             WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
              c.oid::regclass, $1::text) AS sql
     FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND pg_get_userbyid(c.relowner) <> $1
       -- a sequence that belongs to a column follows its table
       AND NOT (c.relkind = 'S' AND EXISTS (
         SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
     UNION ALL
     SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, $1::text)
     FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) <> $1
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
    [owner],
  );
  for (const { sql } of rows) await client.query(sql);
  return rows.length;
}

/**
 * Makes sure the roles of `ownerUrl` and `appUrl` exist with their passwords, and the database exists,
 * belongs to the owner role (objects of an older database included) and lets the runtime role connect.
 * `adminUrl` must be a superuser (or CREATEROLE + CREATEDB). Returns what it did.
 */
export async function provisionDatabase(adminUrl, { ownerUrl, appUrl }) {
  const owner = credentialsOf(ownerUrl);
  const app = credentialsOf(appUrl);
  const { database } = parseDatabaseUrl(appUrl);
  const done = { roles: {}, databaseCreated: false, adopted: 0 };
  await withClient(withDatabase(adminUrl, 'postgres'), async (admin) => {
    done.roles[owner.user] = await ensureRole(admin, owner);
    done.roles[app.user] = await ensureRole(admin, app);
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${quote(database)} OWNER ${quote(owner.user)}`);
      done.databaseCreated = true;
    } else {
      await admin.query(`ALTER DATABASE ${quote(database)} OWNER TO ${quote(owner.user)}`);
    }
    await admin.query(`REVOKE ALL ON DATABASE ${quote(database)} FROM PUBLIC`);
    await admin.query(
      `GRANT CONNECT, TEMPORARY ON DATABASE ${quote(database)} TO ${quote(app.user)}`,
    );
  });
  await withClient(withDatabase(adminUrl, database), async (client) => {
    await client.query(`ALTER SCHEMA public OWNER TO ${quote(owner.user)}`);
    done.adopted = await adoptObjects(client, owner.user);
  });
  return done;
}

/**
 * A throwaway database with throwaway roles (`<database>_owner`, `<database>_app`, random passwords),
 * as production has them. Returns { ownerUrl, appUrl }.
 */
export async function createThrowawayDatabase(adminUrl, database) {
  const ownerUrl = withUser(
    withDatabase(adminUrl, database),
    `${database}_owner`,
    randomPassword(),
  );
  const appUrl = withUser(withDatabase(adminUrl, database), `${database}_app`, randomPassword());
  await provisionDatabase(adminUrl, { ownerUrl, appUrl });
  return { ownerUrl, appUrl };
}

/** Drops a throwaway database (closing its connections) and then its roles. */
export async function dropThrowawayDatabase(adminUrl, database) {
  await withClient(withDatabase(adminUrl, 'postgres'), async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quote(database)} WITH (FORCE)`);
    await admin.query(
      `DROP ROLE IF EXISTS ${quote(`${database}_app`)}, ${quote(`${database}_owner`)}`,
    );
  });
}

/** Whether the role of `url` is a superuser (then the API could rewrite the audit log). */
export async function isSuperuser(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    return Boolean(rows[0]?.rolsuper);
  });
}
