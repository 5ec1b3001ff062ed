import { ConfigError, loadConfig } from './app-config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const valid = {
  JWT_SECRET: 'x'.repeat(32),
  DATA_ENCRYPTION_KEYS: `k1:${KEY}`,
  BLIND_INDEX_KEY: KEY,
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
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/caunoi',
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'caunoi',
      oneTimeCodeTtlHours: 24,
    });
    expect(config.dataEncryptionKeys).toEqual([{ id: 'k1', key: Buffer.alloc(32, 7) }]);
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
    [{ ONE_TIME_CODE_TTL_HOURS: '0' }, 'ONE_TIME_CODE_TTL_HOURS'],
    [{ ONE_TIME_CODE_TTL_HOURS: '169' }, 'ONE_TIME_CODE_TTL_HOURS'],
    [{ BLIND_INDEX_KEY: `b 2:${KEY}` }, 'BLIND_INDEX_KEY'],
    [{ BLIND_INDEX_PREVIOUS_KEY: 'b0:c2hvcnQ=' }, 'BLIND_INDEX_PREVIOUS_KEY'],
    [{ BLIND_INDEX_PREVIOUS_KEY: `b1:${Buffer.alloc(32, 3).toString('base64')}` }, 'key id'],
    [{ BLIND_INDEX_KEY: `b2:${KEY}`, BLIND_INDEX_PREVIOUS_KEY: `b1:${KEY}` }, 'must differ'],
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

  it('lists every problem at once, not just the first', () => {
    expect(problemsOf({}).map((p) => p.split(' ')[0])).toEqual([
      'JWT_SECRET',
      'DATA_ENCRYPTION_KEYS',
      'BLIND_INDEX_KEY',
    ]);
  });
});
