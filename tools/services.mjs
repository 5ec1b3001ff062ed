// Makes sure what the stack needs is there: npm dependencies, PostgreSQL and Redis.
// Used by start.mjs and test.mjs; run it alone with `node tools/services.mjs`.
//
// For each service: use DATABASE_URL / REDIS_URL when set, else the local default; if nothing answers there and
// the service is installed, start it; if it is not installed and we are root on Debian, install it with apt-get.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, StepError } from './lib/log.mjs';
import { repoRoot } from './lib/paths.mjs';
import { commandExists, isRoot, run, runOrThrow } from './lib/process.mjs';
import { isPortOpen, waitForPort } from './lib/net.mjs';
import { maintenanceUrl, serverVersion, withClient } from './lib/postgres.mjs';
import { credentialsOf, isSuperuser, provisionDatabase } from './lib/database-roles.mjs';
import { checkRedis } from './lib/redis.mjs';
import {
  DEFAULT_ADMIN_URL,
  DEFAULT_DATABASE_URL,
  DEFAULT_REDIS_URL,
  isLocalHost,
  parseDatabaseUrl,
  parseRedisUrl,
  redact,
} from './lib/urls.mjs';

const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
let aptUpdated = false;

const canUseApt = () => isRoot() && commandExists('apt-get') && existsSync('/etc/debian_version');

/** `apt-get install -y <packages>` (after one `apt-get update` per run). */
export async function aptInstall(packages) {
  if (!aptUpdated) {
    await runOrThrow('apt-get', ['update'], { env: aptEnv });
    aptUpdated = true;
  }
  await runOrThrow('apt-get', ['install', '-y', ...packages], { env: aptEnv });
}

// ── npm dependencies ─────────────────────────────────────────────────────────────────────────────

export async function ensureDependencies() {
  // Never download Playwright's own browsers: the e2e tests use Debian's /usr/bin/chromium.
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  const lockfile = join(repoRoot, 'package-lock.json');
  const installed = join(repoRoot, 'node_modules', '.package-lock.json');
  let reason = null;
  if (!existsSync(join(repoRoot, 'node_modules'))) reason = 'node_modules missing';
  else if (!existsSync(installed)) reason = 'node_modules incomplete';
  else if (statSync(lockfile).mtimeMs > statSync(installed).mtimeMs)
    reason = 'package-lock.json changed';
  if (!reason) {
    log.ok('npm dependencies installed (node_modules matches package-lock.json)');
    return;
  }
  // `npm install` follows package-lock.json exactly like `npm ci` would, but tolerates optional
  // platform binaries (rollup, sass-embedded, ...) that a registry mirror may not carry for every
  // platform; `npm ci` refuses such a lock outright. See docs/decisions/0009-npm-install-not-ci.md.
  log.step(`installing npm dependencies from package-lock.json (${reason})`);
  const result = await run('npm', ['install', '--no-audit', '--no-fund'], { env: process.env });
  if (result.code !== 0) throw new StepError('npm install failed (see its output above)');
  log.ok('npm dependencies installed');
}

// ── PostgreSQL ───────────────────────────────────────────────────────────────────────────────────

const postgresInstalled = () =>
  existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0;

/** Debian clusters as [version, name] pairs, from /etc/postgresql/<version>/<name>. */
function debianClusters() {
  if (!existsSync('/etc/postgresql')) return [];
  return readdirSync('/etc/postgresql').flatMap((version) =>
    readdirSync(join('/etc/postgresql', version))
      .filter((name) => existsSync(join('/etc/postgresql', version, name, 'postgresql.conf')))
      .map((name) => [version, name]),
  );
}

async function startPostgres() {
  let clusters = debianClusters();
  if (clusters.length === 0 && commandExists('pg_createcluster')) {
    const version = readdirSync('/usr/lib/postgresql').sort().at(-1);
    log.step(`creating PostgreSQL ${version} cluster "main" (pg_createcluster)`);
    await runOrThrow('pg_createcluster', [version, 'main']);
    clusters = debianClusters();
  }
  const [version, name] = clusters.find(([, cluster]) => cluster === 'main') ?? clusters[0] ?? [];
  if (version && commandExists('pg_ctlcluster')) {
    log.step(`starting PostgreSQL ${version}/${name} (installed, not running): pg_ctlcluster`);
    const result = await run('pg_ctlcluster', [
      '--skip-systemctl-redirect',
      version,
      name,
      'start',
    ]);
    if (result.code === 0) return;
  }
  if (commandExists('service')) {
    log.step('starting PostgreSQL with `service postgresql start`');
    await runOrThrow('service', ['postgresql', 'start']);
    return;
  }
  throw new StepError(
    'PostgreSQL is installed but I could not start it: start it yourself, or set DATABASE_URL',
  );
}

/**
 * Development convenience on a machine where we provisioned PostgreSQL: Debian's package lets the `postgres`
 * role in over a Unix socket only (peer), so TCP logins from 127.0.0.1 fail. Trust loopback TCP logins of
 * `postgres` (which creates the roles and databases); the app's two roles keep their passwords.
 */
async function trustLoopbackConnections() {
  const marker =
    '# Cầu Nối development: trust loopback TCP for postgres (added by tools/services.mjs)';
  let changed = false;
  for (const [version, name] of debianClusters()) {
    const hba = join('/etc/postgresql', version, name, 'pg_hba.conf');
    const text = readFileSync(hba, 'utf8');
    if (text.includes(marker)) continue;
    const lines = `${marker}\nhost all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n`;
    writeFileSync(hba, `${lines}${text}`);
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'reload']);
    changed = true;
  }
  return changed;
}

/** Connects to the server's maintenance database (the app's own may not exist yet); returns its version. */
async function connectAsDeveloper(url, fromEnv) {
  try {
    return await serverVersion(maintenanceUrl(url));
  } catch (error) {
    // 28P01: password rejected, 28000: no pg_hba.conf entry / peer or ident failed.
    const authFailed = ['28P01', '28000'].includes(error.code);
    if (!authFailed || fromEnv || !isRoot() || debianClusters().length === 0) throw error;
    log.step(
      'allowing password-less TCP logins from 127.0.0.1 for development (pg_hba.conf: trust)',
    );
    if (!(await trustLoopbackConnections())) throw error;
    return serverVersion(maintenanceUrl(url));
  }
}

/**
 * Makes sure a PostgreSQL server answers (installing or starting a local one), as the admin role:
 * DATABASE_ADMIN_URL, else `postgres` on the server of DATABASE_URL. Returns the admin URL.
 */
export async function ensurePostgres() {
  const fromEnv = Boolean(process.env.DATABASE_ADMIN_URL);
  const url = process.env.DATABASE_ADMIN_URL || adminUrlFor(process.env.DATABASE_URL);
  const { host, port } = parseDatabaseUrl(url);
  const where = `${host}:${port}`;

  if (await isPortOpen(host, port)) {
    log.ok(`PostgreSQL accepting TCP at ${where}`);
  } else if (!isLocalHost(host)) {
    throw new StepError(
      `nothing answers at ${where} (${redact(url)}): start that server or fix DATABASE_URL / DATABASE_ADMIN_URL`,
    );
  } else {
    if (!postgresInstalled()) {
      if (!canUseApt()) {
        throw new StepError(
          `PostgreSQL is not running at ${where} and not installed: install it (Debian: apt-get install postgresql) or set DATABASE_URL`,
        );
      }
      log.step('installing PostgreSQL with apt-get (not installed, running as root on Debian)');
      await aptInstall(['postgresql']);
    }
    if (!(await isPortOpen(host, port))) await startPostgres();
    if (!(await waitForPort(host, port, 30_000))) {
      throw new StepError(
        `PostgreSQL started but nothing accepts connections at ${where} after 30 s`,
      );
    }
    log.ok(`PostgreSQL accepting TCP at ${where}`);
  }

  let version;
  try {
    version = await connectAsDeveloper(url, fromEnv);
  } catch (error) {
    throw new StepError(
      `PostgreSQL at ${where} refused the admin role ${redact(url)}: ${error.message} ` +
        '(set DATABASE_ADMIN_URL to a role that may create roles and databases)',
    );
  }
  log.ok(
    `PostgreSQL ${version.split(' ')[0]} answers queries at ${where} (admin role for roles and databases)`,
  );
  return url;
}

/** `postgres` on the server of `databaseUrl` (or the local default). */
function adminUrlFor(databaseUrl) {
  if (!databaseUrl) return DEFAULT_ADMIN_URL;
  const admin = new URL(DEFAULT_ADMIN_URL);
  const target = new URL(databaseUrl);
  admin.hostname = target.hostname;
  admin.port = target.port;
  return admin.toString();
}

/**
 * The application's database with its two roles (docs/operations.md, "Database roles"): the roles of
 * DATABASE_OWNER_URL and DATABASE_URL exist with the passwords of those URLs, the database exists and
 * belongs to the owner role (a database made before the roles is handed over), the runtime role may
 * connect. The migrations then grant the runtime role its rows.
 */
export async function ensureAppDatabase(adminUrl) {
  const appUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  if (!ownerUrl)
    throw new StepError('DATABASE_OWNER_URL is not set (npm start writes it into .env)');
  const { database } = parseDatabaseUrl(appUrl);
  const owner = credentialsOf(ownerUrl).user;
  const app = credentialsOf(appUrl).user;
  const done = await provisionDatabase(adminUrl, { ownerUrl, appUrl });
  for (const [role, state] of Object.entries(done.roles)) {
    if (state === 'created') log.ok(`database role "${role}" created (password from .env)`);
  }
  log.ok(
    `database "${database}" ${done.databaseCreated ? 'created' : 'exists'}, owned by "${owner}"; ` +
      `the API connects as "${app}"` +
      (done.adopted
        ? ` (${done.adopted} objects made before the two roles handed to "${owner}")`
        : ''),
  );
  for (const [name, url] of [
    ['DATABASE_OWNER_URL', ownerUrl],
    ['DATABASE_URL', appUrl],
  ]) {
    try {
      await withClient(url, () => Promise.resolve());
    } catch (error) {
      throw new StepError(`PostgreSQL refused ${name} (${redact(url)}): ${error.message}`);
    }
  }
  if (await isSuperuser(appUrl)) {
    log.warn(
      `DATABASE_URL logs in as "${app}", a superuser: the API could rewrite the audit log and /api/health ` +
        'says so. Remove DATABASE_URL from .env (npm start then creates caunoi_app) or name a runtime role.',
    );
  }
  return { databaseUrl: appUrl, ownerUrl };
}

// ── Redis ────────────────────────────────────────────────────────────────────────────────────────

/** Where a Redis started by us keeps its append-only file: tmp/redis-<port> in the repository (gitignored). */
const redisDataDir = (port) => join(repoRoot, 'tmp', `redis-${port}`);

async function startRedis(port) {
  const dir = redisDataDir(port);
  log.step(
    `starting Redis on 127.0.0.1:${port} (installed, not running; AOF on, noeviction, data in ${dir})`,
  );
  mkdirSync(dir, { recursive: true });
  await runOrThrow('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--appendonly',
    'yes',
    '--maxmemory-policy',
    'noeviction',
    '--dir',
    dir,
    '--logfile',
    join(dir, 'redis-server.log'),
  ]);
}

export async function ensureRedis() {
  const url = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const fromEnv = Boolean(process.env.REDIS_URL);
  const target = parseRedisUrl(url);
  const where = `${target.host}:${target.port}`;

  if (await isPortOpen(target.host, target.port)) {
    log.ok(`Redis accepting TCP at ${where}${fromEnv ? ' (REDIS_URL)' : ''}`);
  } else if (!isLocalHost(target.host)) {
    throw new StepError(
      `nothing answers at ${where} (REDIS_URL=${redact(url)}): start that server or fix the URL`,
    );
  } else {
    if (!commandExists('redis-server')) {
      if (!canUseApt()) {
        throw new StepError(
          `Redis is not running at ${where} and not installed: install it (Debian: apt-get install redis-server) or set REDIS_URL`,
        );
      }
      log.step('installing Redis with apt-get (not installed, running as root on Debian)');
      await aptInstall(['redis-server']);
    }
    // The package may have started its own service already.
    if (!(await isPortOpen(target.host, target.port))) await startRedis(target.port);
    if (!(await waitForPort(target.host, target.port, 15_000))) {
      throw new StepError(`Redis started but nothing accepts connections at ${where} after 15 s`);
    }
    log.ok(`Redis accepting TCP at ${where}`);
  }

  let answer;
  try {
    answer = await checkRedis(target);
  } catch (error) {
    throw new StepError(`Redis at ${where} did not answer PING: ${error.message}`);
  }
  if (!answer.pong) throw new StepError(`Redis at ${where} did not answer PONG`);
  if (answer.maxmemoryPolicy === null) {
    log.ok(
      `Redis answers PING at ${where} (maxmemory-policy unknown: CONFIG disabled; the worker needs noeviction)`,
    );
  } else if (answer.maxmemoryPolicy !== 'noeviction') {
    log.warn(
      `Redis at ${where} has maxmemory-policy ${answer.maxmemoryPolicy}; the worker refuses to start unless it is noeviction ` +
        '(fix: redis-cli CONFIG SET maxmemory-policy noeviction, and set it in redis.conf)',
    );
  } else {
    log.ok(`Redis answers PING at ${where} (maxmemory-policy noeviction)`);
  }
  return url;
}

/**
 * Everything start.mjs and test.mjs need before they build or run anything. `appDatabase`: also the
 * application's database and roles (npm start; the tests make throwaway ones of their own).
 */
export async function ensureServices({ appDatabase = true } = {}) {
  await ensureDependencies();
  const adminUrl = await ensurePostgres();
  const database = appDatabase ? await ensureAppDatabase(adminUrl) : {};
  const redisUrl = await ensureRedis();
  return { adminUrl, ...database, redisUrl };
}

// Run alone: `node tools/services.mjs`
if (import.meta.filename === process.argv[1]) {
  const { readDotEnv } = await import('./lib/env.mjs');
  // DATABASE_URL / REDIS_URL may be kept in .env too; the shell wins.
  Object.assign(process.env, { ...readDotEnv(), ...process.env });
  log.section('Services');
  try {
    await ensureServices({ appDatabase: Boolean(process.env.DATABASE_OWNER_URL) });
  } catch (error) {
    log.fail(error instanceof StepError ? error.message : error.stack);
    process.exit(1);
  }
}
