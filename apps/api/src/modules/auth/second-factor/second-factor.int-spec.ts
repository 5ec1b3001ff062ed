import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERNAMES } from '@caunoi/shared/contracts';
import { ROLES } from '@caunoi/shared/domain';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import type { Session } from '../../../../test-support/factories';
import {
  bearer,
  createUser,
  refreshCookieOf,
  signedIn,
  TEST_PASSWORD,
} from '../../../../test-support/factories';
import { totpAt } from './totp';

const SF = '/api/auth/second-factor';

describe('second factor (TOTP) for admins, supervisors and reporting officers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** The password step alone: a session that still needs its second factor. */
  async function passwordOnly(username: string, password = TEST_PASSWORD): Promise<Session> {
    const res = await t.http.post('/api/auth/login').send({ username, password });
    expect(res.status).toBe(200);
    return {
      accessToken: res.body.accessToken,
      refreshCookie: refreshCookieOf(res.headers),
      body: res.body,
    };
  }

  const later = (seconds: number) => t.clock.advance(seconds * 1000);

  it('a supervisor signing in for the first time must enrol an app before anything else; the code unlocks the session', async () => {
    const user = await createUser(t, 'supervisor', { enrolled: false });
    const s = await passwordOnly(user.username);
    expect(s.body.secondFactor).toBe('enrol');

    // Nothing but the second-factor screens, me and logout.
    const cases = await t.http.get('/api/cases').set(...bearer(s));
    expect(cases.status).toBe(403);
    expect(cases.body.errors[0]).toMatchObject({
      field: 'verificationCode',
      code: 'second_factor_required',
    });
    expect((await t.http.get('/api/deadlines').set(...bearer(s))).status).toBe(403);
    const me = await t.http.get('/api/auth/me').set(...bearer(s));
    expect(me.status).toBe(200);
    expect(me.body.user.secondFactor).toBe('enrol');
    expect(
      (
        await t.http
          .post(`${SF}/verify`)
          .set(...bearer(s))
          .send({ verificationCode: '123456' })
      ).status,
    ).toBe(409);
    // Confirming before a secret was shown is a conflict, not a failure.
    expect(
      (
        await t.http
          .post(`${SF}/enrolment/confirm`)
          .set(...bearer(s))
          .send({ verificationCode: '123456' })
      ).status,
    ).toBe(409);

    const started = await t.http.post(`${SF}/enrolment`).set(...bearer(s));
    expect(started.status).toBe(200);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toMatch(
      new RegExp(
        `^otpauth://totp/C%E1%BA%A7u%20N%E1%BB%91i%3A${user.username}\\?secret=${started.body.secret}&`,
      ),
    );
    expect(started.body.qrCode).toMatch(/^data:image\/png;base64,/);
    // The secret is stored encrypted only.
    const [stored] = (await t.dataSource.query(
      `SELECT secret_enc FROM user_second_factors WHERE user_id = $1`,
      [user.id],
    )) as { secret_enc: string }[];
    expect(stored?.secret_enc).not.toContain(started.body.secret);

    const wrong = await t.http
      .post(`${SF}/enrolment/confirm`)
      .set(...bearer(s))
      .send({ verificationCode: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'verificationCode', code: 'wrong_code' });

    const confirmed = await t.http
      .post(`${SF}/enrolment/confirm`)
      .set(...bearer(s))
      .send({ verificationCode: totpAt(started.body.secret, t.clock.now()) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    for (const code of confirmed.body.recoveryCodes)
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect((await t.http.get('/api/cases').set(...bearer(s))).status).toBe(200);
    expect((await t.http.get('/api/auth/me').set(...bearer(s))).body.user.secondFactor).toBeNull();

    // The next sign-in asks for a code; the one just used cannot be replayed, a fresh one works.
    const next = await passwordOnly(user.username);
    expect(next.body.secondFactor).toBe('verify');
    const replay = await t.http
      .post(`${SF}/verify`)
      .set(...bearer(next))
      .send({ verificationCode: totpAt(started.body.secret, t.clock.now()) });
    expect(replay.status).toBe(400);
    later(30);
    const fresh = await t.http
      .post(`${SF}/verify`)
      .set(...bearer(next))
      .send({ verificationCode: totpAt(started.body.secret, t.clock.now()) });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toEqual({ method: 'totp', recoveryCodesLeft: 10 });
    expect((await t.http.get('/api/cases').set(...bearer(next))).status).toBe(200);

    // A recovery code works once, in any case and spacing.
    const [recovery] = confirmed.body.recoveryCodes as string[];
    const third = await passwordOnly(user.username);
    const byRecovery = await t.http
      .post(`${SF}/verify`)
      .set(...bearer(third))
      .send({ verificationCode: ` ${recovery?.toLowerCase().replace('-', ' ')} ` });
    expect(byRecovery.status).toBe(200);
    expect(byRecovery.body).toEqual({ method: 'recovery_code', recoveryCodesLeft: 9 });
    const fourth = await passwordOnly(user.username);
    expect(
      (
        await t.http
          .post(`${SF}/verify`)
          .set(...bearer(fourth))
          .send({ verificationCode: recovery })
      ).status,
    ).toBe(400);

    const actions = (await t.dataSource.query(
      `SELECT action FROM audit_log WHERE actor_user_id = $1 AND action LIKE 'auth.second_factor%' ORDER BY id`,
      [user.id],
    )) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual([
      'auth.second_factor_enrolment_started',
      'auth.second_factor_failed',
      'auth.second_factor_enrolled',
      'auth.second_factor_failed',
      'auth.second_factor_verified',
      'auth.second_factor_verified',
      'auth.second_factor_failed',
    ]);
  });

  it('five wrong codes end the session: the password must be given again', async () => {
    const user = await createUser(t, 'admin');
    const s = await passwordOnly(user.username);
    expect(s.body.secondFactor).toBe('verify');
    for (let i = 0; i < 4; i++) {
      expect(
        (
          await t.http
            .post(`${SF}/verify`)
            .set(...bearer(s))
            .send({ verificationCode: '000000' })
        ).status,
      ).toBe(400);
    }
    expect(
      (
        await t.http
          .post(`${SF}/verify`)
          .set(...bearer(s))
          .send({ verificationCode: '000000' })
      ).status,
    ).toBe(401);
    expect((await t.http.get('/api/auth/me').set(...bearer(s))).status).toBe(401);
    const refreshed = await t.http.post('/api/auth/refresh').set('Cookie', s.refreshCookie);
    expect(refreshed.status).toBe(401);
  });

  it('a refresh keeps the session where it stands: still pending until the code is given', async () => {
    const user = await createUser(t, 'reporting_officer');
    const s = await passwordOnly(user.username);
    const refreshed = await t.http.post('/api/auth/refresh').set('Cookie', s.refreshCookie);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.secondFactor).toBe('verify');
    expect(
      (
        await t.http
          .get('/api/incident-reports')
          .set('Authorization', `Bearer ${refreshed.body.accessToken}`)
      ).status,
    ).toBe(403);
  });

  it('roles without a second factor sign in with the password alone; the demo supervisor uses the published demo secret', async () => {
    const caseworker = await createUser(t, 'caseworker');
    const s = await passwordOnly(caseworker.username);
    expect(s.body.secondFactor).toBeNull();
    expect((await t.http.get('/api/cases').set(...bearer(s))).status).toBe(200);

    later(60); // a step no other test used
    const demo = await passwordOnly(DEMO_USERNAMES.supervisor, DEMO_PASSWORD);
    expect(demo.body.secondFactor).toBe('verify');
    const verified = await t.http
      .post(`${SF}/verify`)
      .set(...bearer(demo))
      .send({ verificationCode: totpAt(DEMO_TOTP_SECRET, t.clock.now()) });
    expect(verified.status).toBe(200);
  });

  it('a lost authenticator is reset only when a second person approves; then the holder enrols again', async () => {
    const holder = await createUser(t, 'supervisor');
    const [admin, otherAdmin] = await Promise.all([signedIn(t, 'admin'), signedIn(t, 'admin')]);
    const mine = await t.http
      .post(`/api/users/${admin.id}/reset-second-factor`)
      .set(...bearer(admin))
      .send({});
    expect(mine.status).toBe(403);
    expect(mine.body.errors[0]).toMatchObject({ field: 'id', code: 'own_account' });

    const requested = await t.http
      .post(`/api/users/${holder.id}/reset-second-factor`)
      .set(...bearer(admin))
      .send({});
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ kind: 'reset_second_factor', status: 'pending' });
    // Until approved, nothing changes: the app still works.
    const before = await passwordOnly(holder.username);
    expect(before.body.secondFactor).toBe('verify');
    // The requester cannot approve their own request.
    expect(
      (await t.http.post(`/api/account-changes/${requested.body.id}/approve`).set(...bearer(admin)))
        .status,
    ).toBe(403);
    const approved = await t.http
      .post(`/api/account-changes/${requested.body.id}/approve`)
      .set(...bearer(otherAdmin));
    expect(approved.status).toBe(200);

    // The holder's sessions ended; the next sign-in enrols a new app.
    expect((await t.http.get('/api/auth/me').set(...bearer(before))).status).toBe(401);
    const after = await passwordOnly(holder.username);
    expect(after.body.secondFactor).toBe('enrol');
    const left = (await t.dataSource.query(
      `SELECT (SELECT count(*) FROM user_second_factors WHERE user_id = $1)::int AS factors,
              (SELECT count(*) FROM user_recovery_codes WHERE user_id = $1)::int AS codes`,
      [holder.id],
    )) as { factors: number; codes: number }[];
    expect(left[0]).toEqual({ factors: 0, codes: 0 });
  });

  describe('permission matrix: the second-factor steps are for a session that still needs them', () => {
    const steps = [
      { name: 'POST enrolment', path: `${SF}/enrolment`, body: {} },
      {
        name: 'POST enrolment/confirm',
        path: `${SF}/enrolment/confirm`,
        body: { verificationCode: '123456' },
      },
      { name: 'POST verify', path: `${SF}/verify`, body: { verificationCode: '123456' } },
    ];
    for (const step of steps) {
      it(`${step.name}: no session is refused with 401`, async () => {
        expect((await t.http.post(step.path).send(step.body)).status).toBe(401);
      });
      // A stolen, complete session must not replace the holder's authenticator.
      it.each(ROLES)(`${step.name}: a complete %s session is refused with 409`, async (role) => {
        const s = await signedIn(t, role);
        const res = await t.http
          .post(step.path)
          .set(...bearer(s))
          .send(step.body);
        expect(res.status).toBe(409);
        expect(res.body.errors[0].code).toBe('second_factor_not_pending');
      });
    }
  });

  // Last: Passport keeps the strategy of the newest app in the process, so a second app goes at the end.
  it('the roles are configuration', async () => {
    const other = await createTestApp({ SECOND_FACTOR_ROLES: 'caseworker' });
    try {
      const caseworker = await createUser(other, 'caseworker', { enrolled: false });
      const res = await other.http
        .post('/api/auth/login')
        .send({ username: caseworker.username, password: TEST_PASSWORD });
      expect(res.body.secondFactor).toBe('enrol');
      const admin = await createUser(other, 'admin');
      const adminRes = await other.http
        .post('/api/auth/login')
        .send({ username: admin.username, password: TEST_PASSWORD });
      expect(adminRes.body.secondFactor).toBeNull();
    } finally {
      await other.close();
    }
  });
});
