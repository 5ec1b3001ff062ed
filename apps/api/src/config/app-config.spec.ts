import { ConfigError, loadConfig } from './app-config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const valid = {
  JWT_SECRET: 'x'.repeat(32),
  DATA_ENCRYPTION_KEYS: `k1:${KEY}`,
  BLIND_INDEX_KEY: KEY,
  AUDIT_CHECKPOINT_KEY: Buffer.alloc(32, 5).toString('base64'),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('fills sensible defaults for a local machine', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: 'postgres://caunoi_app@127.0.0.1:5432/caunoi',
      databaseOwnerUrl: null,
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'caunoi',
      oneTimeCodeTtlHours: 24,
    });
    expect(config.dataEncryptionKeys).toEqual([{ id: 'k1', key: Buffer.alloc(32, 7) }]);
  });

  it('asks a second factor of admins, supervisors and reporting officers unless told otherwise', () => {
    expect(loadConfig(valid).secondFactorRoles).toEqual([
      'admin',
      'supervisor',
      'reporting_officer',
    ]);
    expect(
      loadConfig({ ...valid, SECOND_FACTOR_ROLES: 'admin, caseworker' }).secondFactorRoles,
    ).toEqual(['admin', 'caseworker']);
    expect(loadConfig({ ...valid, SECOND_FACTOR_ROLES: 'none' }).secondFactorRoles).toEqual([]);
  });

  it('reads a key ring whose first key is current', () => {
    const other = Buffer.alloc(32, 9).toString('base64');
    const config = loadConfig({ ...valid, DATA_ENCRYPTION_KEYS: `k2:${other},k1:${KEY}` });
    expect(config.dataEncryptionKeys.map((k) => k.id)).toEqual(['k2', 'k1']);
  });

  it.each([
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ DATA_ENCRYPTION_KEYS: '' }, 'DATA_ENCRYPTION_KEYS'],
    [{ DATA_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' }, 'DATA_ENCRYPTION_KEYS'],
    [{ DATA_ENCRYPTION_KEYS: `k1:${KEY},k1:${KEY}` }, 'DATA_ENCRYPTION_KEYS'],
    [{ BLIND_INDEX_KEY: 'c2hvcnQ=' }, 'BLIND_INDEX_KEY'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ QUEUE_PREFIX: 'has spaces' }, 'QUEUE_PREFIX'],
    [{ BODY_LIMIT: 'lots' }, 'BODY_LIMIT'],
    [{ RECONCILE_INTERVAL_MS: '10' }, 'RECONCILE_INTERVAL_MS'],
    [{ SECOND_FACTOR_ROLES: 'admin,superuser' }, 'SECOND_FACTOR_ROLES'],
    [{ ONE_TIME_CODE_TTL_HOURS: '0' }, 'ONE_TIME_CODE_TTL_HOURS'],
    [{ ONE_TIME_CODE_TTL_HOURS: '169' }, 'ONE_TIME_CODE_TTL_HOURS'],
    [{ BLIND_INDEX_KEY: `b 2:${KEY}` }, 'BLIND_INDEX_KEY'],
    [{ BLIND_INDEX_PREVIOUS_KEY: 'b0:c2hvcnQ=' }, 'BLIND_INDEX_PREVIOUS_KEY'],
    [{ BLIND_INDEX_PREVIOUS_KEY: `b1:${Buffer.alloc(32, 3).toString('base64')}` }, 'key id'],
    [{ BLIND_INDEX_KEY: `b2:${KEY}`, BLIND_INDEX_PREVIOUS_KEY: `b1:${KEY}` }, 'must differ'],
    [{ RATE_LIMIT_GENERAL: 'lots' }, 'RATE_LIMIT_GENERAL'],
    [{ RATE_LIMIT_SIGN_IN: '0/1m' }, 'RATE_LIMIT_SIGN_IN'],
    [{ RATE_LIMIT_ONE_TIME_CODE: '5/2d' }, 'RATE_LIMIT_ONE_TIME_CODE'],
    [{ SIGN_IN_FREE_FAILURES: '0' }, 'SIGN_IN_FREE_FAILURES'],
    [{ SIGN_IN_FIRST_DELAY_SECONDS: '600', SIGN_IN_MAX_DELAY_SECONDS: '60' }, 'SIGN_IN_MAX'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/40' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '99' }, 'TRUST_PROXY'],
    [{ PUBLIC_ORIGINS: 'caunoi.example.vn' }, 'PUBLIC_ORIGINS'],
    [{ PUBLIC_ORIGINS: 'https://caunoi.example.vn/app' }, 'PUBLIC_ORIGINS'],
    [{ PUBLIC_ORIGINS: 'ftp://caunoi.example.vn' }, 'PUBLIC_ORIGINS'],
    [{ AUDIT_CHECKPOINT_KEY: 'c2hvcnQ=' }, 'AUDIT_CHECKPOINT_KEY'],
    [{ AUDIT_CHECKPOINT_KEY: KEY }, 'AUDIT_CHECKPOINT_KEY must differ from BLIND_INDEX_KEY'],
    [{ AUDIT_VERIFY_INTERVAL_SECONDS: '0' }, 'AUDIT_VERIFY_INTERVAL_SECONDS'],
    [{ AUDIT_FULL_VERIFY_HOURS: 'daily' }, 'AUDIT_FULL_VERIFY_HOURS'],
    [{ DATABASE_URL: 'postgres://app-user@db/caunoi' }, 'DATABASE_URL user'],
    [{ DATABASE_OWNER_URL: 'postgres://caunoi_app@127.0.0.1/caunoi' }, 'DATABASE_OWNER_URL'],
    [{ DATABASE_OWNER_URL: 'postgres://127.0.0.1/caunoi' }, 'DATABASE_OWNER_URL'],
    [{ DATABASE_OWNER_URL: 'postgres://caunoi_owner@127.0.0.1/other' }, 'same database'],
    [{ DATABASE_OWNER_URL: 'http://caunoi_owner@127.0.0.1/caunoi' }, 'DATABASE_OWNER_URL'],
  ])('names the bad variable: %j', (patch, name) => {
    const problems = problemsOf({ ...valid, ...patch });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });

  it('reads the blind-index key with or without an id, and the previous key during a change', () => {
    const other = Buffer.alloc(32, 9).toString('base64');
    expect(loadConfig(valid).blindIndexKeys).toEqual({
      current: { id: 'b1', key: Buffer.alloc(32, 7) },
      previous: null,
    });
    expect(
      loadConfig({ ...valid, BLIND_INDEX_KEY: `b2:${other}`, BLIND_INDEX_PREVIOUS_KEY: KEY })
        .blindIndexKeys,
    ).toEqual({
      current: { id: 'b2', key: Buffer.alloc(32, 9) },
      previous: { id: 'b1', key: Buffer.alloc(32, 7) },
    });
  });

  it('reads rate limits, sign-in delays, the proxies to trust and the public origins', () => {
    const config = loadConfig({
      ...valid,
      RATE_LIMIT_SIGN_IN: '3/30s',
      SIGN_IN_FREE_FAILURES: '2',
      SIGN_IN_FIRST_DELAY_SECONDS: '5',
      SIGN_IN_MAX_DELAY_SECONDS: '20',
      TRUST_PROXY: 'loopback, 10.0.0.0/8, ::1',
      PUBLIC_ORIGINS: 'https://caunoi.example.vn, http://localhost:8080/',
    });
    expect(config.rateLimits.sign_in).toEqual({ limit: 3, windowMs: 30_000 });
    expect(config.rateLimits.general).toEqual({ limit: 1200, windowMs: 60_000 });
    expect(config.signInDelay).toMatchObject({
      freeFailures: 2,
      firstDelayMs: 5_000,
      maxDelayMs: 20_000,
    });
    expect(config.trustProxy).toBe('loopback, 10.0.0.0/8, ::1');
    expect(config.publicOrigins).toEqual(['https://caunoi.example.vn', 'http://localhost:8080']);
    expect(loadConfig({ ...valid, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig(valid)).toMatchObject({ trustProxy: 'loopback', publicOrigins: [] });
  });

  it('lists every problem at once, not just the first', () => {
    expect(problemsOf({}).map((p) => p.split(' ')[0])).toEqual([
      'JWT_SECRET',
      'DATA_ENCRYPTION_KEYS',
      'BLIND_INDEX_KEY',
      'AUDIT_CHECKPOINT_KEY',
    ]);
  });

  it('names both database roles, the owner only where migrations run', () => {
    const config = loadConfig({
      ...valid,
      DATABASE_URL: 'postgres://caunoi_app:pw1@db:5432/caunoi',
      DATABASE_OWNER_URL: 'postgres://caunoi_owner:pw2@db:5432/caunoi',
    });
    expect(config.databaseUrl).toBe('postgres://caunoi_app:pw1@db:5432/caunoi');
    expect(config.databaseOwnerUrl).toBe('postgres://caunoi_owner:pw2@db:5432/caunoi');
  });

  it('reads the audit checkpoint key with or without an id, and the verification intervals', () => {
    const other = Buffer.alloc(32, 9).toString('base64');
    expect(loadConfig(valid)).toMatchObject({
      auditCheckpointKey: { id: 'c1', key: Buffer.alloc(32, 5) },
      auditVerifyIntervalMs: 300_000,
      auditFullVerifyIntervalMs: 24 * 3_600_000,
      auditChainIntervalMs: 1000,
    });
    expect(
      loadConfig({
        ...valid,
        AUDIT_CHECKPOINT_KEY: `c2:${other}`,
        AUDIT_VERIFY_INTERVAL_SECONDS: '60',
        AUDIT_FULL_VERIFY_HOURS: '6',
        AUDIT_CHAIN_INTERVAL_MS: '250',
      }),
    ).toMatchObject({
      auditCheckpointKey: { id: 'c2', key: Buffer.alloc(32, 9) },
      auditVerifyIntervalMs: 60_000,
      auditFullVerifyIntervalMs: 6 * 3_600_000,
      auditChainIntervalMs: 250,
    });
  });
});
