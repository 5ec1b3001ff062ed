import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { testRedisUrl } from '../../../test-support/test-env';
import { bearer, createUser, signedIn, TEST_PASSWORD } from '../../../test-support/factories';
import { openCaseBody, syntheticPhone } from '../../../test-support/intake-fixtures';

/**
 * The tighter limits on routes that answer a secret-dependent question: whether an identity is known
 * (duplicate check, exact search), whether a one-time code or a second-factor code is right.
 */
describe('route rate limits', () => {
  const prefix = `caunoi-test-routes-${process.pid}-${randomUUID().slice(0, 8)}`;
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      QUEUE_PREFIX: prefix,
      RATE_LIMIT_IDENTITY_LOOKUP: '3/1m',
      RATE_LIMIT_ONE_TIME_CODE: '2/1m',
      RATE_LIMIT_SECOND_FACTOR: '2/1m',
    });
  });
  afterAll(async () => {
    const redis = new Redis(testRedisUrl());
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await t.close();
  });

  it('identity lookups (open a case, search) share one budget per client; over it, 429 with Retry-After', async () => {
    const caseworker = await signedIn(t, 'caseworker');
    const phone = syntheticPhone();
    const answers = [
      await t.http
        .post('/api/cases')
        .set(...bearer(caseworker))
        .send(openCaseBody({ survivor: { phone } })),
      await t.http
        .post('/api/cases/search')
        .set(...bearer(caseworker))
        .send({ phone }),
      await t.http
        .post('/api/cases/search')
        .set(...bearer(caseworker))
        .send({ phone }),
      await t.http
        .post('/api/cases/search')
        .set(...bearer(caseworker))
        .send({ phone }),
      await t.http
        .post('/api/cases')
        .set(...bearer(caseworker))
        .send(openCaseBody({ survivor: { phone } })),
    ];
    expect(answers.map((r) => r.status)).toEqual([201, 200, 200, 429, 429]);
    expect(Number(answers[3]?.headers['retry-after'])).toBeGreaterThan(0);
    expect(answers[3]?.body.code).toBe('rate_limited');
    // Other routes are not counted against it.
    expect((await t.http.get('/api/cases').set(...bearer(caseworker))).status).toBe(200);
  });

  it('one-time codes and second-factor codes are limited per client', async () => {
    const setup = () =>
      t.http
        .post('/api/account-setup/password')
        .send({ username: 'nobody.here', code: 'ABCD-EFGH-JKLM-NPQR', newPassword: TEST_PASSWORD });
    expect([(await setup()).status, (await setup()).status, (await setup()).status]).toEqual([
      400, 400, 429,
    ]);

    const admin = await createUser(t, 'admin');
    const res = await t.http
      .post('/api/auth/login')
      .send({ username: admin.username, password: TEST_PASSWORD });
    const verify = () =>
      t.http
        .post('/api/auth/second-factor/verify')
        .set('Authorization', `Bearer ${res.body.accessToken}`)
        .send({ verificationCode: '000000' });
    expect([(await verify()).status, (await verify()).status, (await verify()).status]).toEqual([
      400, 400, 429,
    ]);
  });
});
