import { databaseUser } from './database-url';
import type { RiskLevel, Role } from '@caunoi/shared/domain';
import { DEFAULT_SECOND_FACTOR_ROLES, isRole, ROLES } from '@caunoi/shared/domain';
import { isIP } from 'node:net';
import type { SignInDelayPolicy } from '@caunoi/shared/domain';
import { DEFAULT_SIGN_IN_DELAY_POLICY, signInDelayPolicyProblems } from '@caunoi/shared/domain';
import type {
  RateLimitPolicyName,
  RateLimitWindow,
} from '../modules/rate-limit/rate-limit-policies';
import {
  parseRateLimit,
  RATE_LIMIT_POLICIES,
  RATE_LIMIT_POLICY_NAMES,
} from '../modules/rate-limit/rate-limit-policies';
import {
  DEFAULT_CONSENT_VALIDITY_DAYS,
  MAX_CONSENT_VALIDITY_DAYS,
  ONE_TIME_CODE_TTL_HOURS_DEFAULT,
  parseReassessmentDays,
} from '@caunoi/shared/domain';
import type { EmailConfig } from './email-config';
import { emailConfig } from './email-config';

export { databaseUser };

/** Stage jobs a worker holds at once: enough for batches of tens of stages per transaction. */
export const DEFAULT_DEADLINE_WORKER_CONCURRENCY = 128;

/**
 * The only place that reads process.env. Everything else receives a typed, validated AppConfig.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** The runtime role: API, worker and operator commands. Not a superuser, owns nothing. */
  databaseUrl: string;
  /**
   * The owner role, for `cli migrate` only (it owns the tables). Set for the migration step alone:
   * the API and the worker never need it (docs/operations.md, "Database roles").
   */
  databaseOwnerUrl: string | null;
  redisUrl: string;
  jwtSecret: string;
  /** Key ring for AES-256-GCM; the first key encrypts, all keys decrypt. */
  dataEncryptionKeys: { id: string; key: Buffer }[];
  /**
   * HMAC keys of the blind indexes: `current` digests every new value; `previous` is set only while
   * the key changes (lookups try both until `cli reindex` has recomputed every index).
   */
  blindIndexKeys: { current: BlindIndexKey; previous: BlindIndexKey | null };
  /** HMAC key of the audit log's checkpoints; the database never holds it. */
  auditCheckpointKey: BlindIndexKey;
  /** How often the worker verifies the audit chain since the last checkpoint and signs a new one. */
  auditVerifyIntervalMs: number;
  /** How often the worker verifies the whole audit chain (since the last baseline). */
  auditFullVerifyIntervalMs: number;
  /** How often the worker links newly committed audit rows into the hash chain. */
  auditChainIntervalMs: number;
  /** How often the worker recounts stored statistics years that writes have made stale. */
  statisticsRecountIntervalMs: number;
  queuePrefix: string;
  webDistDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Maximum JSON body accepted by the API. */
  bodyLimit: string;
  /** Days before the 10-day incident-report deadline on which the caseworker is reminded. */
  incidentReportReminderDays: number[];
  /** Hours before a protective order ends when the caseworker is reminded (`PROTECTION_EXPIRY_REMINDER_HOURS`). */
  protectionExpiryReminderHours: number;
  /** Days from a risk assessment until the next is due, per level (`REASSESSMENT_DAYS`). */
  reassessmentDays: Record<RiskLevel, number>;
  /** Days a consent holds when no expiry is chosen (`CONSENT_VALIDITY_DAYS`). */
  consentValidityDays: number;
  /**
   * How long a worker's lock on a running job lasts; a job whose worker died is taken over by
   * another worker after about this long.
   */
  workerLockDurationMs: number;
  /** How often each worker reconciles deadline jobs with Postgres (a timer of its own, not a Redis job). */
  reconcileIntervalMs: number;
  /**
   * Deadline stage jobs each worker process holds at once (`DEADLINE_WORKER_CONCURRENCY`); the stages it
   * holds fire together, in batches of one transaction (docs/deadlines.md).
   */
  deadlineWorkerConcurrency: number;
  /** Roles that sign in with a TOTP second factor. */
  secondFactorRoles: Role[];
  /** Per-client request limits by policy name (docs/operations.md, "Rate limits"). */
  rateLimits: Record<RateLimitPolicyName, RateLimitWindow>;
  /** Growing delays after failed sign-ins, per account name and client. */
  signInDelay: SignInDelayPolicy;
  /** Express `trust proxy`: which hops may set X-Forwarded-For, so the client address is right. */
  trustProxy: string | number;
  /**
   * Origins the web app is served from. State-changing requests whose Origin is another one are
   * refused; empty means "the origin of the request's own Host".
   */
  publicOrigins: string[];
  /** How long a one-time code (new account, approved password reset) stays usable. */
  oneTimeCodeTtlHours: number;
  /** Email notifications: SMTP, sender, link origin, dispatch and retries. */
  email: EmailConfig;
}

export interface BlindIndexKey {
  /**
   * Stored beside each digest (or checkpoint) so a key change knows what is left; `b1` (`c1` for the
   * audit checkpoint key) for a key given without id.
   */
  id: string;
  key: Buffer;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const NODE_ENVS = ['development', 'test', 'production'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Validates the environment once at boot; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Env): AppConfig {
  const problems: string[] = [];

  const nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'development', problems);
  const port = integer(env, 'PORT', 3000, 1, 65535, problems);
  const host = env['HOST'] || '0.0.0.0';
  const databaseUrl = url(
    env,
    'DATABASE_URL',
    'postgres://caunoi_app@127.0.0.1:5432/caunoi',
    ['postgres:', 'postgresql:'],
    problems,
  );
  const databaseOwnerUrl = env['DATABASE_OWNER_URL']
    ? url(env, 'DATABASE_OWNER_URL', '', ['postgres:', 'postgresql:'], problems)
    : null;
  checkDatabaseRoles(databaseUrl, databaseOwnerUrl, problems);
  const redisUrl = url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:'], problems);

  const jwtSecret = env['JWT_SECRET'] ?? '';
  if (jwtSecret.length < 32) problems.push('JWT_SECRET must be set to at least 32 characters');

  const dataEncryptionKeys = keyRing(env['DATA_ENCRYPTION_KEYS'], problems);
  const blindIndexKeys = {
    current: blindKey(env['BLIND_INDEX_KEY'], 'BLIND_INDEX_KEY', 'b1', problems),
    previous: env['BLIND_INDEX_PREVIOUS_KEY']
      ? blindKey(env['BLIND_INDEX_PREVIOUS_KEY'], 'BLIND_INDEX_PREVIOUS_KEY', 'b1', problems)
      : null,
  };
  if (blindIndexKeys.previous) {
    if (blindIndexKeys.previous.id === blindIndexKeys.current.id) {
      problems.push('BLIND_INDEX_PREVIOUS_KEY must have another key id than BLIND_INDEX_KEY');
    }
    if (blindIndexKeys.previous.key.equals(blindIndexKeys.current.key)) {
      problems.push('BLIND_INDEX_PREVIOUS_KEY must differ from BLIND_INDEX_KEY');
    }
  }

  const auditCheckpointKey = blindKey(
    env['AUDIT_CHECKPOINT_KEY'],
    'AUDIT_CHECKPOINT_KEY',
    'c1',
    problems,
  );
  if (
    blindIndexKeys.current.key.length > 0 &&
    auditCheckpointKey.key.equals(blindIndexKeys.current.key)
  ) {
    problems.push('AUDIT_CHECKPOINT_KEY must differ from BLIND_INDEX_KEY');
  }
  const auditVerifyIntervalSeconds = integer(
    env,
    'AUDIT_VERIFY_INTERVAL_SECONDS',
    300,
    1,
    86_400,
    problems,
  );
  const auditFullVerifyIntervalHours = integer(
    env,
    'AUDIT_FULL_VERIFY_HOURS',
    24,
    1,
    720,
    problems,
  );

  const auditChainIntervalMs = integer(env, 'AUDIT_CHAIN_INTERVAL_MS', 1000, 50, 60_000, problems);
  const statisticsRecountIntervalMs = integer(
    env,
    'STATISTICS_RECOUNT_INTERVAL_MS',
    60_000,
    100,
    3_600_000,
    problems,
  );

  const queuePrefix = env['QUEUE_PREFIX'] || 'caunoi';
  if (!/^[a-z0-9_-]{1,40}$/i.test(queuePrefix)) {
    problems.push('QUEUE_PREFIX may only contain letters, digits, "-" and "_" (at most 40)');
  }
  const logLevel = oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info', problems);
  const bodyLimit = env['BODY_LIMIT'] || '100kb';
  if (!/^\d+(kb|mb)$/.test(bodyLimit)) problems.push('BODY_LIMIT must look like "100kb" or "1mb"');

  const reminderRaw = env['INCIDENT_REPORT_REMINDER_DAYS'] ?? '3,1';
  const incidentReportReminderDays = reminderRaw
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => Number(part.trim()));
  if (incidentReportReminderDays.some((d) => !Number.isInteger(d) || d < 1 || d > 9)) {
    problems.push('INCIDENT_REPORT_REMINDER_DAYS must list whole days from 1 to 9, e.g. "3,1"');
  }

  const protectionExpiryReminderHours = Number(env['PROTECTION_EXPIRY_REMINDER_HOURS'] ?? '12');
  if (
    !Number.isInteger(protectionExpiryReminderHours) ||
    protectionExpiryReminderHours < 1 ||
    protectionExpiryReminderHours > 48
  ) {
    problems.push('PROTECTION_EXPIRY_REMINDER_HOURS must be whole hours from 1 to 48');
  }

  const reassessment = parseReassessmentDays(env['REASSESSMENT_DAYS']);
  if (reassessment.problem) problems.push(reassessment.problem);
  const reassessmentDays = reassessment.days;

  const consentValidityDays = integer(
    env,
    'CONSENT_VALIDITY_DAYS',
    DEFAULT_CONSENT_VALIDITY_DAYS,
    30,
    MAX_CONSENT_VALIDITY_DAYS,
    problems,
  );

  const workerLockDurationMs = integer(
    env,
    'WORKER_LOCK_DURATION_MS',
    30_000,
    500,
    600_000,
    problems,
  );

  const reconcileIntervalMs = integer(
    env,
    'RECONCILE_INTERVAL_MS',
    60_000,
    100,
    3_600_000,
    problems,
  );

  const deadlineWorkerConcurrency = integer(
    env,
    'DEADLINE_WORKER_CONCURRENCY',
    DEFAULT_DEADLINE_WORKER_CONCURRENCY,
    1,
    1000,
    problems,
  );

  const secondFactorRoles = roleList(
    env,
    'SECOND_FACTOR_ROLES',
    DEFAULT_SECOND_FACTOR_ROLES,
    problems,
  );
  const rateLimits = {} as Record<RateLimitPolicyName, RateLimitWindow>;
  for (const name of RATE_LIMIT_POLICY_NAMES) {
    const { variable, fallback } = RATE_LIMIT_POLICIES[name];
    const parsed = parseRateLimit(env[variable] || fallback);
    if (!parsed) {
      problems.push(
        `${variable} must look like "<requests>/<window>" with a window of 1s to 24h, e.g. "${fallback}"`,
      );
    }
    rateLimits[name] = parsed ?? (parseRateLimit(fallback) as RateLimitWindow);
  }

  const defaults = DEFAULT_SIGN_IN_DELAY_POLICY;
  const signInDelay: SignInDelayPolicy = {
    freeFailures: integer(env, 'SIGN_IN_FREE_FAILURES', defaults.freeFailures, 1, 100, problems),
    firstDelayMs:
      integer(env, 'SIGN_IN_FIRST_DELAY_SECONDS', defaults.firstDelayMs / 1000, 1, 3600, problems) *
      1000,
    maxDelayMs:
      integer(env, 'SIGN_IN_MAX_DELAY_SECONDS', defaults.maxDelayMs / 1000, 1, 6 * 3600, problems) *
      1000,
    forgetAfterMs: defaults.forgetAfterMs,
  };
  if (signInDelay.maxDelayMs < signInDelay.firstDelayMs) {
    problems.push('SIGN_IN_MAX_DELAY_SECONDS must be at least SIGN_IN_FIRST_DELAY_SECONDS');
  } else {
    problems.push(...signInDelayPolicyProblems(signInDelay).map((p) => `sign-in delay: ${p}`));
  }

  const trustProxy = trustProxySetting(env['TRUST_PROXY'], problems);
  const publicOrigins = origins(env['PUBLIC_ORIGINS'], problems);

  const oneTimeCodeTtlHours = integer(
    env,
    'ONE_TIME_CODE_TTL_HOURS',
    ONE_TIME_CODE_TTL_HOURS_DEFAULT,
    1,
    168,
    problems,
  );

  const email = emailConfig(
    env,
    { production: nodeEnv === 'production', port, publicOrigins },
    problems,
    (name, fallback, min, max) => integer(env, name, fallback, min, max, problems),
  );

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    nodeEnv,
    port,
    host,
    databaseUrl,
    databaseOwnerUrl,
    redisUrl,
    jwtSecret,
    dataEncryptionKeys,
    blindIndexKeys,
    auditCheckpointKey,
    auditVerifyIntervalMs: auditVerifyIntervalSeconds * 1000,
    auditFullVerifyIntervalMs: auditFullVerifyIntervalHours * 3_600_000,
    auditChainIntervalMs,
    statisticsRecountIntervalMs,
    queuePrefix,
    webDistDir: env['WEB_DIST_DIR'] || 'dist/apps/web/browser',
    logLevel,
    bodyLimit,
    incidentReportReminderDays,
    protectionExpiryReminderHours,
    reassessmentDays,
    consentValidityDays,
    workerLockDurationMs,
    reconcileIntervalMs,
    deadlineWorkerConcurrency,
    secondFactorRoles,
    rateLimits,
    signInDelay,
    trustProxy,
    publicOrigins,
    oneTimeCodeTtlHours,
    email,
  };
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** A hop count, or a comma-separated list of addresses, subnets and Express's named ranges. */
function trustProxySetting(value: string | undefined, problems: string[]): string | number {
  const raw = value?.trim() || 'loopback';
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) problems.push('TRUST_PROXY as a hop count must be from 0 to 10');
    return hops;
  }
  for (const entry of raw.split(',').map((e) => e.trim())) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const bitsOk =
      bits === undefined ||
      (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32) && family !== 0);
    if (!(PROXY_NAMES.includes(entry) || (family !== 0 && bitsOk && extra === undefined))) {
      problems.push(
        `TRUST_PROXY entry "${entry}" must be loopback, linklocal, uniquelocal, an IP address or a subnet (or set a hop count)`,
      );
    }
  }
  return raw;
}

/** `https://host[:port]` entries, comma-separated, exactly as browsers send them in Origin. */
function origins(value: string | undefined, problems: string[]): string[] {
  if (!value?.trim()) return [];
  const list: string[] = [];
  for (const entry of value.split(',').map((e) => e.trim().replace(/\/$/, ''))) {
    let origin: string | null = null;
    try {
      const parsed = new URL(entry);
      if (['http:', 'https:'].includes(parsed.protocol)) origin = parsed.origin;
    } catch {
      origin = null;
    }
    if (origin === null || origin !== entry.toLowerCase()) {
      problems.push(
        `PUBLIC_ORIGINS entry "${entry}" must be an origin like https://caunoi.example.vn (no path)`,
      );
      continue;
    }
    list.push(origin);
  }
  return list;
}

function oneOf<T extends string>(
  env: Env,
  name: string,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return fallback;
}

function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
    return fallback;
  }
  return parsed;
}

function url(
  env: Env,
  name: string,
  fallback: string,
  protocols: string[],
  problems: string[],
): string {
  const value = env[name] || fallback;
  try {
    const parsed = new URL(value);
    if (!protocols.includes(parsed.protocol)) {
      problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    }
  } catch {
    problems.push(`${name} is not a valid URL`);
  }
  return value;
}

function base64Key(value: string | undefined, name: string, problems: string[]): Buffer {
  if (!value) {
    problems.push(`${name} must be set (base64 of at least 32 random bytes)`);
    return Buffer.alloc(0);
  }
  const key = Buffer.from(value, 'base64');
  if (key.length < 32) problems.push(`${name} must decode to at least 32 bytes`);
  return key;
}

/** `keyId:base64` or, as first generated, a bare base64 key (id `defaultId`). */
function blindKey(
  value: string | undefined,
  name: string,
  defaultId: string,
  problems: string[],
): BlindIndexKey {
  const [id, encoded] = value?.includes(':') ? value.split(':', 2) : [defaultId, value];
  if (!id || !/^[a-z0-9]{1,16}$/i.test(id)) {
    problems.push(`${name} key id "${id ?? ''}" may only hold letters and digits (at most 16)`);
  }
  return { id: id ?? defaultId, key: base64Key(encoded, name, problems) };
}

/** The user a postgres:// URL logs in as, decoded; null when it names none (or is no URL). */

function databaseName(databaseUrl: string): string | null {
  try {
    return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, '')) || null;
  } catch {
    return null;
  }
}

/**
 * The two roles must be two, on one database; the runtime role's name is written into grants by the
 * migrations, so it must be a plain identifier.
 */
function checkDatabaseRoles(
  databaseUrl: string,
  databaseOwnerUrl: string | null,
  problems: string[],
): void {
  const runtimeUser = databaseUser(databaseUrl);
  if (runtimeUser !== null && !ROLE_NAME.test(runtimeUser)) {
    problems.push('DATABASE_URL user may only hold letters, digits and "_" (at most 63)');
  }
  if (databaseOwnerUrl === null) return;
  const ownerUser = databaseUser(databaseOwnerUrl);
  if (ownerUser === null || ownerUser === runtimeUser) {
    problems.push(
      'DATABASE_OWNER_URL must name the owner role, another user than DATABASE_URL (the runtime role)',
    );
  }
  if (databaseName(databaseOwnerUrl) !== databaseName(databaseUrl)) {
    problems.push('DATABASE_OWNER_URL must name the same database as DATABASE_URL');
  }
}

const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function keyRing(value: string | undefined, problems: string[]): AppConfig['dataEncryptionKeys'] {
  const name = 'DATA_ENCRYPTION_KEYS';
  if (!value) {
    problems.push(`${name} must be set as "keyId:base64key[,keyId:base64key...]"`);
    return [];
  }
  const ring: AppConfig['dataEncryptionKeys'] = [];
  for (const entry of value.split(',')) {
    const [id, encoded] = entry.trim().split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!id || !/^[a-z0-9]{1,16}$/i.test(id) || key.length !== 32) {
      problems.push(`${name} entry "${id ?? ''}" must be "keyId:base64" with a 32-byte key`);
      continue;
    }
    if (ring.some((k) => k.id === id)) problems.push(`${name} repeats key id "${id}"`);
    ring.push({ id, key });
  }
  return ring;
}

/** A comma-separated list of roles; `none` for an empty list (an empty value means the default). */
function roleList(env: Env, name: string, fallback: readonly Role[], problems: string[]): Role[] {
  const raw = env[name]?.trim();
  if (!raw) return [...fallback];
  if (raw === 'none') return [];
  const parts = raw.split(',').map((part) => part.trim());
  const unknown = parts.filter((part) => !isRole(part));
  if (unknown.length > 0) {
    problems.push(
      `${name} lists unknown roles: ${unknown.join(', ')} (known: ${ROLES.join(', ')})`,
    );
    return [];
  }
  return [...new Set(parts as Role[])];
}
