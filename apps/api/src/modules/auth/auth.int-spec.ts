import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { HOUR, MINUTE } from '../../../test-support/test-clock';
import {
  bearer,
  createUser,
  login,
  refreshCookieOf,
  signedIn,
  TEST_PASSWORD,
} from '../../../test-support/factories';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '@caunoi/shared/contracts';

describe('sign-in, sessions and revocation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(new Date()));

  async function auditActions(subjectId: string): Promise<string[]> {
    const rows = (await t.dataSource.query(
      `SELECT action FROM audit_log WHERE subject_id = $1 OR actor_user_id::text = $1 ORDER BY id`,
      [subjectId],
    )) as { action: string }[];
    return rows.map((r) => r.action);
  }

  describe('login', () => {
    it('signs a demo user in with a short-lived access token and an httpOnly refresh cookie', async () => {
      const res = await t.http
        .post('/api/auth/login')
        .send({ username: DEMO_USERNAMES.caseworker, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
      const ttl = Date.parse(res.body.accessTokenExpiresAt) - t.clock.now().getTime();
      expect(ttl).toBeLessThanOrEqual(15 * MINUTE);
      expect(ttl).toBeGreaterThan(14 * MINUTE);
      const cookie = (res.headers['set-cookie'] as unknown as string[]).join(';');
      expect(cookie).toMatch(/cn_refresh=/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\/api\/auth/);
      expect(JSON.stringify(res.body)).not.toMatch(/refresh/i);
    });

    it('is case-insensitive on the username', async () => {
      const user = await createUser(t, 'caseworker');
      await expect(login(t, user.username.toUpperCase())).resolves.toBeDefined();
    });

    it.each([
      [{ password: 'x' }, 'username'],
      [{ username: 'someone' }, 'password'],
      [{ username: '', password: 'x' }, 'username'],
      [{ username: 12, password: 'x' }, 'username'],
    ])('rejects %j with 400 naming %s', async (body, field) => {
      const res = await t.http.post('/api/auth/login').send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('rejects unknown fields with 400', async () => {
      const res = await t.http
        .post('/api/auth/login')
        .send({ username: 'a', password: 'b', remember: true });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'remember', code: 'whitelistValidation' });
    });

    it('gives the same 401 for an unknown user and a wrong password', async () => {
      const user = await createUser(t, 'volunteer');
      const unknown = await t.http
        .post('/api/auth/login')
        .send({ username: 'nobody.here', password: 'whatever it is' });
      const wrong = await t.http
        .post('/api/auth/login')
        .send({ username: user.username, password: 'not the password' });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.body.message).toBe(wrong.body.message);
      expect(await auditActions(user.id)).toContain('auth.login_failed');
    });

    it('does not let a disabled account in, with the generic message', async () => {
      const user = await createUser(t, 'caseworker');
      await t.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [user.id]);
      const res = await t.http
        .post('/api/auth/login')
        .send({ username: user.username, password: TEST_PASSWORD });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Invalid username or password');
    });
  });

  describe('me', () => {
    it('returns the user, role, agency and packed CASL rules', async () => {
      const s = await signedIn(t, 'supervisor');
      const res = await t.http.get('/api/auth/me').set(...bearer(s));
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ id: s.id, username: s.username, role: 'supervisor' });
      expect(res.body.agency).toMatchObject({
        id: s.agencyId,
        type: 'social_work_centre',
        provinceCode: '48',
      });
      expect(res.body.rules).toEqual(
        expect.arrayContaining([['read', 'User', { agencyId: s.agencyId }]]),
      );
      expect(res.body.idleTimeoutSeconds).toBe(1800);
    });

    it('answers 401 without a token or with a forged one', async () => {
      expect((await t.http.get('/api/auth/me')).status).toBe(401);
      const forged = await t.http
        .get('/api/auth/me')
        .set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad');
      expect(forged.status).toBe(401);
    });
  });

  describe('refresh', () => {
    it('rotates the refresh token; presenting the old one ends the session', async () => {
      const s = await signedIn(t, 'caseworker');
      const first = await t.http.post('/api/auth/refresh').set('Cookie', s.refreshCookie);
      expect(first.status).toBe(200);
      const rotated = refreshCookieOf(first.headers);
      expect(rotated).not.toBe(s.refreshCookie);
      expect((await t.http.get('/api/auth/me').set(...bearer(first.body))).status).toBe(200);

      const replay = await t.http.post('/api/auth/refresh').set('Cookie', s.refreshCookie);
      expect(replay.status).toBe(401);
      // Reuse means the token leaked: the whole session is gone, including the rotated token.
      expect((await t.http.post('/api/auth/refresh').set('Cookie', rotated)).status).toBe(401);
      expect((await t.http.get('/api/auth/me').set(...bearer(first.body))).status).toBe(401);
    });

    it('answers 401 without a cookie or with garbage', async () => {
      expect((await t.http.post('/api/auth/refresh')).status).toBe(401);
      expect(
        (await t.http.post('/api/auth/refresh').set('Cookie', 'cn_refresh=garbage')).status,
      ).toBe(401);
    });
  });

  describe('expiry (injected clock)', () => {
    it('rejects the access token after 15 minutes while refresh still works', async () => {
      const s = await signedIn(t, 'caseworker');
      t.clock.advance(14 * MINUTE);
      expect((await t.http.get('/api/auth/me').set(...bearer(s))).status).toBe(200);
      t.clock.advance(2 * MINUTE);
      expect((await t.http.get('/api/auth/me').set(...bearer(s))).status).toBe(401);
      const refreshed = await t.http.post('/api/auth/refresh').set('Cookie', s.refreshCookie);
      expect(refreshed.status).toBe(200);
    });

    it('ends an idle session after 30 minutes without activity', async () => {
      const s = await signedIn(t, 'caseworker');
      t.clock.advance(30 * MINUTE + 1000);
      expect((await t.http.post('/api/auth/refresh').set('Cookie', s.refreshCookie)).status).toBe(
        401,
      );
    });

    it('background polling does not keep an idle session alive', async () => {
      const s = await signedIn(t, 'caseworker');
      t.clock.advance(10 * MINUTE);
      const poll = await t.http
        .get('/api/notifications/unread-count')
        .set(...bearer(s))
        .set('X-Caunoi-Background', '1');
      expect(poll.status).toBe(200);
      t.clock.advance(21 * MINUTE);
      expect((await t.http.post('/api/auth/refresh').set('Cookie', s.refreshCookie)).status).toBe(
        401,
      );
    });

    it('a real request counts as activity', async () => {
      const s = await signedIn(t, 'caseworker');
      t.clock.advance(10 * MINUTE);
      expect((await t.http.get('/api/notifications/unread-count').set(...bearer(s))).status).toBe(
        200,
      );
      t.clock.advance(21 * MINUTE);
      expect((await t.http.post('/api/auth/refresh').set('Cookie', s.refreshCookie)).status).toBe(
        200,
      );
    });

    it('records activity at most once a minute, without a write in between', async () => {
      const s = await signedIn(t, 'caseworker');
      const lastSeen = async () =>
        (
          (await t.dataSource.query(
            `SELECT last_seen_at FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
            [s.id],
          )) as { last_seen_at: Date }[]
        )[0]?.last_seen_at.getTime();
      const before = await lastSeen();
      t.clock.advance(30_000);
      expect((await t.http.get('/api/auth/me').set(...bearer(s))).status).toBe(200);
      expect(await lastSeen()).toBe(before);
      t.clock.advance(31_000);
      expect((await t.http.get('/api/auth/me').set(...bearer(s))).status).toBe(200);
      expect(await lastSeen()).toBe(t.clock.now().getTime());
    });

    it('keeps an active session alive past 30 minutes', async () => {
      const s = await signedIn(t, 'caseworker');
      let cookie = s.refreshCookie;
      for (let i = 0; i < 3; i++) {
        t.clock.advance(20 * MINUTE);
        const res = await t.http.post('/api/auth/refresh').set('Cookie', cookie);
        expect(res.status).toBe(200);
        cookie = refreshCookieOf(res.headers);
      }
    });

    it('ends every session 12 hours after sign-in, however active', async () => {
      const s = await signedIn(t, 'caseworker');
      let cookie = s.refreshCookie;
      let last = s.body;
      for (let elapsed = 0; elapsed + 20 * MINUTE < 12 * HOUR; elapsed += 20 * MINUTE) {
        t.clock.advance(20 * MINUTE);
        const res = await t.http.post('/api/auth/refresh').set('Cookie', cookie);
        expect(res.status).toBe(200);
        cookie = refreshCookieOf(res.headers);
        last = res.body;
      }
      // The last access token never outlives the session.
      expect(Date.parse(last.accessTokenExpiresAt)).toBeLessThanOrEqual(
        Date.parse(s.body.sessionExpiresAt),
      );
      t.clock.advance(20 * MINUTE);
      expect((await t.http.post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(401);
      expect((await t.http.get('/api/auth/me').set(...bearer(last))).status).toBe(401);
    });
  });

  describe('revocation takes effect at once', () => {
    it('logout: the access token and the refresh cookie stop working', async () => {
      const s = await signedIn(t, 'hotline_operator');
      expect((await t.http.post('/api/auth/logout').set(...bearer(s))).status).toBe(204);
      expect((await t.http.get('/api/auth/me').set(...bearer(s))).status).toBe(401);
      expect((await t.http.post('/api/auth/refresh').set('Cookie', s.refreshCookie)).status).toBe(
        401,
      );
      expect(await auditActions(s.id)).toContain('auth.logout');
    });

    it('password change: every older session ends, the new one works', async () => {
      const s = await signedIn(t, 'police_liaison');
      const other = await login(t, s.username);
      const res = await t.http
        .post('/api/auth/password')
        .set(...bearer(s))
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new synthetic passphrase' });
      expect(res.status).toBe(200);
      expect((await t.http.get('/api/auth/me').set(...bearer(s))).status).toBe(401);
      expect((await t.http.get('/api/auth/me').set(...bearer(other))).status).toBe(401);
      expect(
        (await t.http.post('/api/auth/refresh').set('Cookie', other.refreshCookie)).status,
      ).toBe(401);
      expect((await t.http.get('/api/auth/me').set(...bearer(res.body))).status).toBe(200);
      await expect(login(t, s.username, 'a brand new synthetic passphrase')).resolves.toBeDefined();
    });

    it('password change names the field and the reason on bad input', async () => {
      const s = await signedIn(t, 'health_liaison');
      const wrongCurrent = await t.http
        .post('/api/auth/password')
        .set(...bearer(s))
        .send({
          currentPassword: 'not it at all',
          newPassword: 'a brand new synthetic passphrase',
        });
      expect(wrongCurrent.status).toBe(400);
      expect(wrongCurrent.body.errors[0]).toMatchObject({
        field: 'currentPassword',
        code: 'incorrect',
      });

      for (const [newPassword, code] of [
        ['short one', 'too_short'],
        ['password1234', 'too_common'],
        [TEST_PASSWORD, 'same_as_current'],
      ]) {
        const res = await t.http
          .post('/api/auth/password')
          .set(...bearer(s))
          .send({ currentPassword: TEST_PASSWORD, newPassword });
        expect(res.status).toBe(400);
        expect(res.body.errors[0]).toMatchObject({ field: 'newPassword', code });
      }
      // Nothing changed: the old password still works.
      await expect(login(t, s.username)).resolves.toBeDefined();
    });

    it('account disable: the signed-in user is out on the next request', async () => {
      const admin = await signedIn(t, 'admin');
      const s = await signedIn(t, 'caseworker');
      const res = await t.http.post(`/api/users/${s.id}/disable`).set(...bearer(admin));
      expect(res.status).toBe(200);
      expect((await t.http.get('/api/auth/me').set(...bearer(s))).status).toBe(401);
      expect((await t.http.post('/api/auth/refresh').set('Cookie', s.refreshCookie)).status).toBe(
        401,
      );
    });
  });

  describe('temporary passwords', () => {
    it('only the password screen is reachable until the password is changed', async () => {
      const user = await createUser(t, 'supervisor', { mustChangePassword: true });
      const s = await login(t, user.username);
      const me = await t.http.get('/api/auth/me').set(...bearer(s));
      expect(me.status).toBe(200);
      expect(me.body.user.mustChangePassword).toBe(true);
      const blocked = await t.http.get('/api/users').set(...bearer(s));
      expect(blocked.status).toBe(403);
      expect(blocked.body.errors[0].code).toBe('password_change_required');

      const changed = await t.http
        .post('/api/auth/password')
        .set(...bearer(s))
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'my own synthetic passphrase' });
      expect(changed.status).toBe(200);
      expect((await t.http.get('/api/users').set(...bearer(changed.body))).status).toBe(200);
    });
  });
});
