import type { INestApplicationContext } from '@nestjs/common';
import type { Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import { Redis } from 'ioredis';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import type { Session, TestUser } from '../../../../test-support/factories';
import { bearer, createAgency, createUser, signedIn } from '../../../../test-support/factories';
import { openCaseBody, walkIn } from '../../../../test-support/intake-fixtures';
import {
  act,
  consentToShare,
  POLICE,
  refer,
  referralInput,
} from '../../../../test-support/referral-fixtures';
import { testRedisUrl } from '../../../../test-support/test-env';
import type { TestSmtp } from '../../../../test-support/test-smtp';
import { startTestSmtp } from '../../../../test-support/test-smtp';
import { eventually, startTestWorker } from '../../../../test-support/test-worker';

type S = TestUser & Session;
// A Redis database of its own, flushed after the suite.
const REDIS_URL = testRedisUrl(12);
const ORIGIN = 'https://caunoi.test';

describe('email notifications through a real SMTP server', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let worker: INestApplicationContext;
  let redis: Redis;
  let admin: S;
  let caseworker: S;
  let supervisor: S;
  let police: S;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({
      REDIS_URL,
      QUEUE_PREFIX: `email-test-${process.pid}`,
      EMAIL_ENABLED: 'true',
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'Cầu Nối <no-reply@caunoi.test>',
      EMAIL_LINK_ORIGIN: ORIGIN,
      EMAIL_DISPATCH_INTERVAL_MS: '100',
      EMAIL_RETRY_ATTEMPTS: '3',
      EMAIL_RETRY_DELAY_MS: '50',
    });
    redis = new Redis(REDIS_URL);
    await redis.flushdb();
    [admin, caseworker, supervisor, police] = await Promise.all([
      signedIn(t, 'admin'),
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
      signedIn(t, 'police_liaison'),
    ]);
    worker = await startTestWorker(t.config, t.clock);
  });
  afterAll(async () => {
    await worker.close();
    await redis.flushdb();
    redis.disconnect();
    await smtp.close();
    await t.close();
  });

  async function setEmail(user: TestUser, email: string | null): Promise<void> {
    await t.http
      .patch(`/api/users/${user.id}`)
      .set(...bearer(admin))
      .send({ email })
      .expect(200);
  }

  async function emergencyReferral() {
    const body = openCaseBody();
    const created = await walkIn(t, caseworker, body);
    await t.http
      .post(`/api/cases/${created.id}/assign`)
      .set(...bearer(supervisor))
      .send({ userId: caseworker.id })
      .expect(200);
    await consentToShare(t, caseworker, created.id, ['police'], ['incident_facts']);
    const [referral] = await refer(t, caseworker, created.id, [
      referralInput(POLICE, { urgency: 'emergency' }),
    ]);
    return {
      caseId: created.id,
      survivorCode: created.survivorCode,
      name: body.survivor.fullName as string,
      referral,
    };
  }

  const to = (address: string) =>
    smtp.messages.filter((m) => m.to && JSON.stringify(m.to).includes(address));

  async function notificationOf(userId: string, kind: string) {
    const [row] = (await t.dataSource.query(
      `SELECT id, email_status FROM notifications WHERE user_id = $1 AND kind = $2
        ORDER BY created_at DESC LIMIT 1`,
      [userId, kind],
    )) as { id: string; email_status: string | null }[];
    return row;
  }

  it('an admin sets an address; a malformed one is a 400 naming the field', async () => {
    const bad = await t.http
      .patch(`/api/users/${police.id}`)
      .set(...bearer(admin))
      .send({ email: 'not an address' })
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    await setEmail(police, 'police.liaison@example.test');
    const view = await t.http
      .get(`/api/users/${police.id}`)
      .set(...bearer(admin))
      .expect(200);
    expect(view.body).toMatchObject({ email: 'police.liaison@example.test', language: 'vi' });
  });

  it('an emergency referral reaches the police liaison by email: a code, the kind and a link that needs sign-in, no survivor data', async () => {
    await setEmail(police, 'police.liaison@example.test');
    const { caseId, survivorCode, name, referral } = await emergencyReferral();
    await eventually(
      async () => to('police.liaison@example.test').length > 0,
      10_000,
      'the email to the police liaison',
    );
    const [mail] = to('police.liaison@example.test');
    const all = `${mail.subject}\n${mail.text}\n${mail.html || ''}`;
    expect(all).toContain(referral.code);
    expect(mail.subject).toMatch(/KHẨN CẤP/);
    for (const secret of [caseId, survivorCode, name, ...name.split(' ')]) {
      expect(all).not.toContain(secret);
    }
    const notification = await notificationOf(police.id, 'referral.received');
    const link = `${ORIGIN}/notifications/${notification.id}`;
    expect(mail.text).toContain(link);
    expect(JSON.stringify(mail.from)).toContain('no-reply@caunoi.test');
    await eventually(
      async () => (await notificationOf(police.id, 'referral.received')).email_status === 'sent',
    );

    // The link opens nothing without signing in, and only for its recipient.
    const path = `/api/notifications/${notification.id}`;
    await t.http.get(path).expect(401);
    await t.http
      .get(path)
      .set(...bearer(caseworker))
      .expect(404);
    const own = await t.http
      .get(path)
      .set(...bearer(police))
      .expect(200);
    expect(own.body).toMatchObject({
      kind: 'referral.received',
      link: `/inbox/referrals/${referral.id}`,
    });
  });

  it('follows the recipient: English when chosen, nothing for a topic turned off, none without an address', async () => {
    await setEmail(police, 'police.en@example.test');
    await t.http
      .patch('/api/notification-settings')
      .set(...bearer(police))
      .send({ language: 'en' })
      .expect(200);
    // The caseworker has no address: the answer to their referral stays in the app.
    await setEmail(caseworker, null);
    const first = await emergencyReferral();
    await eventually(async () => to('police.en@example.test').length > 0);
    const [mail] = to('police.en@example.test');
    expect(mail.subject).toMatch(/EMERGENCY/);
    expect(mail.text).toContain('Sign in to Cầu Nối');
    await act(t, police, first.referral.id, 'accept');
    await eventually(
      async () =>
        (await notificationOf(caseworker.id, 'referral.accepted'))?.email_status === 'none',
    );

    // Turned on, the caseworker's referral updates come by email, still without the survivor code.
    const { referral, survivorCode, caseId } = await emergencyReferral();
    await setEmail(caseworker, 'caseworker@example.test');
    const settings = await t.http
      .patch('/api/notification-settings')
      .set(...bearer(caseworker))
      .send({ emailTopics: { referral_update: true, emergency_referral: false } })
      .expect(200);
    expect(settings.body).toMatchObject({
      email: 'caseworker@example.test',
      language: 'vi',
      emailDelivery: true,
      emailTopics: { referral_update: true, emergency_referral: false, clock_escalation: true },
    });
    await act(t, police, referral.id, 'accept');
    await eventually(async () => to('caseworker@example.test').length > 0);
    const [update] = to('caseworker@example.test');
    expect(update.text).toContain(referral.code);
    expect(`${update.subject}\n${update.text}`).not.toContain(survivorCode);
    expect(`${update.subject}\n${update.text}`).not.toContain(caseId);
    await setEmail(caseworker, null);

    // Turned off, an emergency referral is not emailed.
    await t.http
      .patch('/api/notification-settings')
      .set(...bearer(police))
      .send({ emailTopics: { emergency_referral: false } })
      .expect(200);
    await emergencyReferral();
    await eventually(
      async () => (await notificationOf(police.id, 'referral.received')).email_status === 'none',
    );
    await t.http
      .patch('/api/notification-settings')
      .set(...bearer(police))
      .send({ emailTopics: { emergency_referral: true }, language: 'vi' })
      .expect(200);
  });

  it('refuses a setting that is not one: unknown topic, not a boolean, unknown language', async () => {
    for (const body of [
      { emailTopics: { everything: true } },
      { emailTopics: { emergency_referral: 'yes' } },
      { emailTopics: null },
      { language: 'fr' },
    ]) {
      const res = await t.http
        .patch('/api/notification-settings')
        .set(...bearer(police))
        .send(body)
        .expect(400);
      expect(res.body.errors[0].field).toMatch(/^(emailTopics|language)/);
    }
  });

  it('retries through an SMTP outage with backoff; after the last attempt the email is failed and the notification stays', async () => {
    await setEmail(police, 'police.retry@example.test');
    const before = smtp.attempts();
    smtp.refuseNext(2);
    await emergencyReferral();
    await eventually(async () => to('police.retry@example.test').length === 1, 15_000);
    expect(smtp.attempts() - before).toBe(3);
    await eventually(
      async () => (await notificationOf(police.id, 'referral.received')).email_status === 'sent',
    );

    await setEmail(police, 'police.down@example.test');
    smtp.refuseNext(3);
    await emergencyReferral();
    await eventually(
      async () => (await notificationOf(police.id, 'referral.received')).email_status === 'failed',
      15_000,
      'the email given up',
    );
    expect(to('police.down@example.test')).toHaveLength(0);
    const unread = await t.http
      .get('/api/notifications/unread-count')
      .set(...bearer(police))
      .expect(200);
    expect(unread.body.unread).toBeGreaterThan(0);
  });

  describe('one-time codes by email (decision 0023)', () => {
    async function approvedReset(requester: S, approver: S, holder: TestUser) {
      const requested = await t.http
        .post(`/api/users/${holder.id}/reset-password`)
        .set(...bearer(requester))
        .expect(202);
      const approved = await t.http
        .post(`/api/account-changes/${requested.body.id}/approve`)
        .set(...bearer(approver))
        .expect(200);
      return approved.body.oneTimeCode as { code: string; sentByEmail: boolean };
    }

    it("goes to the holder's address when neither the requester nor the holder set it; the code is forgotten once sent", async () => {
      const secondAdmin = await signedIn(t, 'admin');
      const holder = await createUser(t, 'health_liaison');
      await setEmail(holder, 'holder@example.test'); // set by `admin`
      const code = await approvedReset(secondAdmin, admin, holder);
      expect(code.sentByEmail).toBe(true);
      await eventually(async () => to('holder@example.test').length > 0);
      const [mail] = to('holder@example.test');
      expect(mail.text).toContain(code.code);
      expect(mail.text).toContain(holder.username);
      expect(mail.text).toContain(`${ORIGIN}/set-password`);
      await eventually(async () => {
        const [row] = (await t.dataSource.query(
          `SELECT e.status, e.code_enc FROM one_time_code_emails e
             JOIN one_time_codes c ON c.id = e.one_time_code_id WHERE c.user_id = $1`,
          [holder.id],
        )) as { status: string; code_enc: string | null }[];
        return row?.status === 'sent' && row.code_enc === null;
      });
    });

    it('stays with the approver when the requester set the address (they could take the account over)', async () => {
      const secondAdmin = await signedIn(t, 'admin');
      const holder = await createUser(t, 'health_liaison');
      await t.http
        .patch(`/api/users/${holder.id}`)
        .set(...bearer(secondAdmin))
        .send({ email: 'requester-controlled@example.test' })
        .expect(200);
      const code = await approvedReset(secondAdmin, admin, holder);
      expect(code.sentByEmail).toBe(false);
      const rows = (await t.dataSource.query(
        `SELECT 1 FROM one_time_code_emails WHERE user_id = $1`,
        [holder.id],
      )) as unknown[];
      expect(rows).toHaveLength(0);
    });
  });

  describe('permission matrix: every role, own notification, a colleague of the agency, another agency', () => {
    const notice = async (userId: string): Promise<string> => {
      const [row] = (await t.dataSource.query(
        `INSERT INTO notifications (user_id, kind, params, email_status)
         VALUES ($1, 'something.new', '{}', 'none') RETURNING id`,
        [userId],
      )) as { id: string }[];
      return row.id;
    };

    it.each(ROLES)(
      '%s reads and changes its own settings and notifications only',
      async (role: Role) => {
        const me = await signedIn(t, role);
        const colleague = await createUser(t, role, { agencyId: me.agencyId });
        const elsewhere = await createUser(t, role, {
          agencyId: await createAgency(t, 'police'),
        });
        const settings = await t.http
          .get('/api/notification-settings')
          .set(...bearer(me))
          .expect(200);
        expect(settings.body).toMatchObject({ email: null, language: 'vi', emailDelivery: true });
        const changed = await t.http
          .patch('/api/notification-settings')
          .set(...bearer(me))
          .send({ language: 'en', emailTopics: { deadline_reminder: true } })
          .expect(200);
        expect(changed.body).toMatchObject({
          language: 'en',
          emailTopics: { deadline_reminder: true },
        });
        const [stored] = (await t.dataSource.query(
          `SELECT id FROM users WHERE language = 'en' AND id = ANY($1::uuid[])`,
          [[me.id, colleague.id, elsewhere.id]],
        )) as { id: string }[];
        expect(stored.id).toBe(me.id);

        await t.http
          .get(`/api/notifications/${await notice(me.id)}`)
          .set(...bearer(me))
          .expect(200);
        await t.http
          .get(`/api/notifications/${await notice(colleague.id)}`)
          .set(...bearer(me))
          .expect(404);
        await t.http
          .get(`/api/notifications/${await notice(elsewhere.id)}`)
          .set(...bearer(me))
          .expect(404);
      },
    );

    it('without a session: 401 on every notification endpoint', async () => {
      await t.http.get('/api/notification-settings').expect(401);
      await t.http.patch('/api/notification-settings').send({ language: 'en' }).expect(401);
    });
  });
});
