import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DEMO_PASSWORD } from '@caunoi/shared/contracts';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { testRedisUrl } from '../../../test-support/test-env';
import {
  bearer,
  createUser,
  login,
  signedIn,
  TEST_PASSWORD,
} from '../../../test-support/factories';
import { WEAK_PASSWORDS } from '../../../test-support/weak-passwords';
import { DEMO_AGENCIES } from '../seed/demo-data';

const prefixes: string[] = [];

/** Rate-limit and sign-in-failure keys of its own, so no other suite's requests count here. */
function isolated(overrides: Record<string, string> = {}): Record<string, string> {
  const prefix = `caunoi-test-signin-${process.pid}-${randomUUID().slice(0, 8)}`;
  prefixes.push(prefix);
  return { QUEUE_PREFIX: prefix, ...overrides };
}

afterAll(async () => {
  const redis = new Redis(testRedisUrl());
  try {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
});

/** A client address, as a proxy on the loopback interface names it (TRUST_PROXY=loopback). */
const OUTSIDER = '198.51.100.7';
const HOLDER = '203.0.113.9';

type Res = Awaited<ReturnType<TestApp['http']['get']>>;

function signIn(t: TestApp, username: string, password: string, client: string): Promise<Res> {
  return t.http
    .post('/api/auth/login')
    .set('X-Forwarded-For', client)
    .send({ username, password }) as unknown as Promise<Res>;
}

/** What a caller can observe of an answer, without the request id that differs on every one. */
function observable(res: Res): { status: number; retryAfter: unknown; body: unknown } {
  const body = { ...(res.body as Record<string, unknown>) };
  delete body['requestId'];
  return { status: res.status, retryAfter: res.headers['retry-after'], body };
}

describe('sign-in protection (issue 9, findings 5, 6 and 8)', () => {
  describe('rate limits in Redis', () => {
    let t: TestApp;
    afterEach(() => t?.close());

    it('answers 429 with Retry-After on the next sign-in past the limit, per client', async () => {
      t = await createTestApp(isolated({ RATE_LIMIT_SIGN_IN: '3/1m' }));
      for (let i = 0; i < 3; i++) {
        expect((await signIn(t, 'nobody.at.all', 'not the password', OUTSIDER)).status).toBe(401);
      }
      const limited = await signIn(t, 'nobody.at.all', 'not the password', OUTSIDER);
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ statusCode: 429, code: 'rate_limited' });
      expect(limited.body.requestId).toEqual(expect.any(String));
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);

      // The limit is the outsider's: another client signs in as usual.
      const user = await createUser(t, 'caseworker');
      expect((await signIn(t, user.username, TEST_PASSWORD, HOLDER)).status).toBe(200);
    });

    it('holds across two API processes on the same Redis', async () => {
      const settings = isolated({ RATE_LIMIT_SIGN_IN: '4/1m' });
      t = await createTestApp(settings);
      const other = await createTestApp(settings);
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) {
          const app = i % 2 === 0 ? t : other;
          statuses.push((await signIn(app, 'nobody.at.all', 'wrong', OUTSIDER)).status);
        }
        expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
      } finally {
        await other.close();
      }
    });

    it('limits every API route per client (general), malformed requests included', async () => {
      t = await createTestApp(isolated({ RATE_LIMIT_GENERAL: '5/1m' }));
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await t.http.get('/api/health').set('X-Forwarded-For', OUTSIDER)).status);
      }
      statuses.push(
        (
          await t.http
            .post('/api/auth/login')
            .set('X-Forwarded-For', OUTSIDER)
            .set('Content-Type', 'application/json')
            .send('{not json')
        ).status,
      );
      statuses.push(
        (await t.http.get('/api/no-such-route').set('X-Forwarded-For', OUTSIDER)).status,
      );
      const limited = await t.http.get('/api/health').set('X-Forwarded-For', OUTSIDER);
      expect(statuses).toEqual([200, 200, 200, 400, 404]);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await t.http.get('/api/health').set('X-Forwarded-For', HOLDER)).status).toBe(200);
    });

    it('limits refresh and password change', async () => {
      t = await createTestApp(
        isolated({ RATE_LIMIT_REFRESH: '2/1m', RATE_LIMIT_PASSWORD_CHANGE: '2/1m' }),
      );
      const s = await signedIn(t, 'caseworker');
      const refresh = () =>
        t.http.post('/api/auth/refresh').set('Cookie', 'cn_refresh=garbage').send();
      expect([(await refresh()).status, (await refresh()).status]).toEqual([401, 401]);
      const refreshLimited = await refresh();
      expect(refreshLimited.status).toBe(429);
      expect(Number(refreshLimited.headers['retry-after'])).toBeGreaterThan(0);

      const change = () =>
        t.http
          .post('/api/auth/password')
          .set(...bearer(s))
          .send({
            currentPassword: 'a guess at the password',
            newPassword: 'whatever it would be',
          });
      expect([(await change()).status, (await change()).status]).toEqual([400, 400]);
      const changeLimited = await change();
      expect(changeLimited.status).toBe(429);
      expect(changeLimited.body.code).toBe('rate_limited');
    });
  });

  describe('failed sign-ins slow down the client that fails, not the account', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(
        isolated({
          SIGN_IN_FREE_FAILURES: '3',
          SIGN_IN_FIRST_DELAY_SECONDS: '60',
          SIGN_IN_MAX_DELAY_SECONDS: '600',
        }),
      );
    });
    afterAll(() => t.close());
    beforeEach(() => t.clock.set(new Date()));

    it("an outsider's failures do not lock the holder out from their own client", async () => {
      const user = await createUser(t, 'police_liaison');
      for (let i = 0; i < 3; i++) {
        expect((await signIn(t, user.username, `guess ${i} of many`, OUTSIDER)).status).toBe(401);
      }
      const delayed = await signIn(t, user.username, 'guess 4 of many', OUTSIDER);
      expect(delayed.status).toBe(429);
      expect(delayed.body).toMatchObject({ code: 'sign_in_delayed' });
      expect(Number(delayed.headers['retry-after'])).toBe(60);
      // While it waits, even the right password does not get the outsider in.
      expect((await signIn(t, user.username, TEST_PASSWORD, OUTSIDER)).status).toBe(429);

      // The holder, on another client, signs in at once; the outsider is still waiting.
      expect((await signIn(t, user.username, TEST_PASSWORD, HOLDER)).status).toBe(200);
      expect((await signIn(t, user.username, 'guess 5 of many', OUTSIDER)).status).toBe(429);
    });

    it('waits grow with every further failure, and a success clears them', async () => {
      const user = await createUser(t, 'caseworker');
      const waits: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await signIn(t, user.username, `wrong ${i}`, OUTSIDER);
        const wait = Number(res.headers['retry-after'] ?? 0);
        waits.push(res.status === 429 ? wait : 0);
        t.clock.advance(wait * 1000);
      }
      expect(waits).toEqual([0, 0, 0, 60, 120, 240]);
      expect((await signIn(t, user.username, TEST_PASSWORD, OUTSIDER)).status).toBe(200);
      expect((await signIn(t, user.username, 'wrong again', OUTSIDER)).status).toBe(401);
    });

    it('gives an unknown name and a known account the very same answers', async () => {
      const user = await createUser(t, 'supervisor');
      const unknown = `t.nobody.${randomUUID().slice(0, 8)}`;
      const answers = async (username: string, client: string) => {
        const seen = [];
        for (let i = 0; i < 5; i++)
          seen.push(observable(await signIn(t, username, 'wrong', client)));
        return seen;
      };
      const forKnown = await answers(user.username, '192.0.2.10');
      const forUnknown = await answers(unknown, '192.0.2.11');
      expect(forUnknown).toEqual(forKnown);
      expect(forKnown.map((a) => a.status)).toEqual([401, 401, 401, 429, 429]);

      // A disabled account, even with its right password, answers like the rest.
      const disabled = await createUser(t, 'caseworker');
      await t.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [disabled.id]);
      const forDisabled = [];
      for (let i = 0; i < 5; i++) {
        forDisabled.push(
          observable(await signIn(t, disabled.username, TEST_PASSWORD, '192.0.2.12')),
        );
      }
      expect(forDisabled).toEqual(forKnown);
    });

    it('audits failures and delays against the account', async () => {
      const user = await createUser(t, 'caseworker');
      for (let i = 0; i < 4; i++) await signIn(t, user.username, 'wrong', '192.0.2.20');
      await signIn(t, user.username, 'wrong', '192.0.2.20');
      const rows = (await t.dataSource.query(
        `SELECT action, details FROM audit_log WHERE subject_id = $1 ORDER BY id`,
        [user.id],
      )) as { action: string; details: Record<string, unknown> }[];
      expect(rows.map((r) => r.action)).toEqual([
        'auth.login_failed',
        'auth.login_failed',
        'auth.login_failed',
        'auth.login_failed',
        'auth.login_delayed',
      ]);
      expect(rows[3]?.details).toMatchObject({ reason: 'wrong_password', delayedSeconds: 60 });
    });
  });

  describe('password policy', () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<typeof signedIn>>;
    beforeAll(async () => {
      t = await createTestApp(isolated());
      admin = await signedIn(t, 'admin');
    });
    afterAll(() => t.close());

    const candidates = [...WEAK_PASSWORDS, 'matkhau123', 'anhyeuem', '123456a@'];

    it(`refuses ${candidates.length} weak passwords, Vietnamese habits included, when a new account's holder sets one`, async () => {
      // The holder of a new account chooses the password with the one-time code a second admin's
      // approval gives; a weak choice is refused without using the code up.
      const created = await t.http
        .post('/api/users')
        .set(...bearer(admin))
        .send({
          username: `t.weak.${randomUUID().slice(0, 8)}`,
          displayName: 'Synthetic person',
          role: 'caseworker',
          agencyId: DEMO_AGENCIES.socialWorkCentre.id,
        });
      expect(created.status).toBe(201);
      const approval = await t.http
        .post(`/api/account-changes/${created.body.pendingChanges[0].id}/approve`)
        .set(...bearer(await signedIn(t, 'admin')));
      expect(approval.status).toBe(200);
      const setPassword = (newPassword: string) =>
        t.http.post('/api/account-setup/password').send({
          username: created.body.username,
          code: approval.body.oneTimeCode.code,
          newPassword,
        });

      const accepted: string[] = [];
      for (const password of candidates) {
        const res = await setPassword(password);
        if (res.status !== 400) accepted.push(password);
        else expect(res.body.errors[0].field).toBe('newPassword');
      }
      expect(accepted).toEqual([]);
      expect((await setPassword('Sông Hàn mùa thu có gió lạnh')).status).toBe(204);
    });

    it('refuses them on a password change too, with the reason', async () => {
      const s = await signedIn(t, 'caseworker');
      for (const newPassword of candidates) {
        const res = await t.http
          .post('/api/auth/password')
          .set(...bearer(s))
          .send({ currentPassword: TEST_PASSWORD, newPassword });
        expect({ newPassword, status: res.status }).toEqual({ newPassword, status: 400 });
        expect(res.body.errors[0]).toMatchObject({
          field: 'newPassword',
          code: expect.stringMatching(/^(too_short|too_common|too_guessable)$/),
        });
      }
      await expect(login(t, s.username)).resolves.toBeDefined();
    });

    it('accepts a long passphrase', async () => {
      const s = await signedIn(t, 'caseworker');
      const res = await t.http
        .post('/api/auth/password')
        .set(...bearer(s))
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'Sông Hàn mùa thu có gió lạnh' });
      expect(res.status).toBe(200);
    });

    it('refuses the published demo password in production, allows it in a demo', async () => {
      const s = await signedIn(t, 'caseworker');
      const allowed = await t.http
        .post('/api/auth/password')
        .set(...bearer(s))
        .send({ currentPassword: TEST_PASSWORD, newPassword: DEMO_PASSWORD });
      expect(allowed.status).toBe(200);

      // Last in this block: passport keeps one strategy per process, the newest app's.
      const production = await createTestApp(isolated({ NODE_ENV: 'production' }));
      try {
        const p = await signedIn(production, 'caseworker');
        const refused = await production.http
          .post('/api/auth/password')
          .set(...bearer(p))
          .send({ currentPassword: TEST_PASSWORD, newPassword: DEMO_PASSWORD });
        expect(refused.status).toBe(400);
        expect(refused.body.errors[0]).toMatchObject({
          field: 'newPassword',
          code: 'demo_password',
        });
      } finally {
        await production.close();
      }
    });
  });

  describe('cross-site requests', () => {
    let t: TestApp;
    afterEach(() => t?.close());

    it('refuses a cross-site sign-in and refresh, lets same-origin and non-browser clients in', async () => {
      t = await createTestApp(isolated());
      const user = await createUser(t, 'caseworker');
      const body = { username: user.username, password: TEST_PASSWORD };

      const forged = await t.http
        .post('/api/auth/login')
        .set('Origin', 'https://evil.example')
        .send(body);
      expect(forged.status).toBe(403);
      expect(forged.headers['set-cookie']).toBeUndefined();

      const fetchedCrossSite = await t.http
        .post('/api/auth/login')
        .set('Sec-Fetch-Site', 'cross-site')
        .send(body);
      expect(fetchedCrossSite.status).toBe(403);

      const s = await login(t, user.username);
      const forgedRefresh = await t.http
        .post('/api/auth/refresh')
        .set('Origin', 'null')
        .set('Cookie', s.refreshCookie);
      expect(forgedRefresh.status).toBe(403);

      const sameOrigin = await t.http
        .post('/api/auth/refresh')
        .set('Host', 'caunoi.example.vn')
        .set('Origin', 'https://caunoi.example.vn')
        .set('Sec-Fetch-Site', 'same-origin')
        .set('Cookie', s.refreshCookie);
      expect(sameOrigin.status).toBe(200);
      // No Origin at all: a program, not a forged browser form.
      expect((await t.http.post('/api/auth/login').send(body)).status).toBe(200);
    });

    it('with PUBLIC_ORIGINS, only those origins may post', async () => {
      t = await createTestApp(isolated({ PUBLIC_ORIGINS: 'https://caunoi.example.vn' }));
      const user = await createUser(t, 'caseworker');
      const body = { username: user.username, password: TEST_PASSWORD };
      const post = (origin: string) =>
        t.http.post('/api/auth/login').set('Host', 'api.internal').set('Origin', origin).send(body);
      expect((await post('https://caunoi.example.vn')).status).toBe(200);
      expect((await post('http://api.internal')).status).toBe(403);
    });
  });
});
