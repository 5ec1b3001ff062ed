import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { ConsentView } from '@caunoi/shared/contracts';
import { addDaysToDate, vietnamDateOf } from '@caunoi/shared/domain';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { TestClock } from '../../../test-support/test-clock';
import { testRedisUrl } from '../../../test-support/test-env';
import { eventually, startTestWorker } from '../../../test-support/test-worker';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, login, signedIn } from '../../../test-support/factories';
import { walkIn } from '../../../test-support/intake-fixtures';
import { POLICE, referralInput } from '../../../test-support/referral-fixtures';

const DAY = 24 * 3600_000;
// A Redis database of its own: the last test drops this system's queued jobs and nothing else.
const REDIS_URL = testRedisUrl(10);

describe('consent expiry', () => {
  let t: TestApp;
  let clock: TestClock;
  let caseworker: TestUser & Session;
  let redis: Redis;

  beforeAll(async () => {
    clock = new TestClock();
    t = await createTestApp(
      {
        CONSENT_VALIDITY_DAYS: '60',
        REDIS_URL,
        QUEUE_PREFIX: `consent-expiry-${process.pid}`,
        WORKER_LOCK_DURATION_MS: '1000',
      },
      clock,
    );
    redis = new Redis(REDIS_URL);
    await redis.flushdb();
    caseworker = await signedIn(t, 'caseworker');
  });
  afterAll(async () => {
    await redis.flushdb();
    redis.disconnect();
    await t.close();
  });

  const today = () => vietnamDateOf(clock.now());
  const consent = (caseId: string, extra: Record<string, unknown> = {}) =>
    t.http
      .post(`/api/cases/${caseId}/consents`)
      .set(...bearer(caseworker))
      .send({
        givenBy: 'survivor',
        method: 'verbal',
        agencyTypes: ['police'],
        dataCategories: ['incident_facts'],
        ...extra,
      });
  const referToPolice = (caseId: string) =>
    t.http
      .post(`/api/cases/${caseId}/referrals`)
      .set(...bearer(caseworker))
      .send({ referrals: [referralInput(POLICE)] });
  const clocksOf = async (caseId: string) =>
    (await t.dataSource.query(
      `SELECT subject_id, status, cancel_reason FROM deadlines
        WHERE case_id = $1 AND kind = 'consent_expiry' ORDER BY created_at, id`,
      [caseId],
    )) as { subject_id: string; status: string; cancel_reason: string | null }[];

  it('every consent expires: by default after the configured validity, or on a day chosen with the survivor; each has its clock', async () => {
    const c = await walkIn(t, caseworker);
    const chosen = addDaysToDate(today(), 10);
    const given = await consent(c.id, { expiresOn: chosen });
    expect([given.status, given.body.expiresOn]).toEqual([201, chosen]);
    const detail = await t.http.get(`/api/cases/${c.id}`).set(...bearer(caseworker));
    const consents = detail.body.consents as ConsentView[];
    // The case-management consent from opening the case takes the default validity.
    expect(consents.find((x) => x.kind === 'case_management')?.expiresOn).toBe(
      addDaysToDate(today(), 60),
    );
    expect((await clocksOf(c.id)).map((r) => r.status)).toEqual(['pending', 'pending']);
  });

  it.each([
    ['today', 0, 'not_after_today'],
    ['more than five years away', 5 * 365 + 1, 'consent_too_long'],
  ])('refuses an expiry %s, naming the field', async (_name, days, code) => {
    const c = await walkIn(t, caseworker);
    const res = await consent(c.id, { expiresOn: addDaysToDate(today(), days) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'expiresOn', code })]);
  });

  it('an expired sharing consent blocks a new referral like a missing one; a renewed one lets it go', async () => {
    const c = await walkIn(t, caseworker);
    await consent(c.id, { expiresOn: addDaysToDate(today(), 3) });
    clock.advance(4 * DAY);
    caseworker = { ...caseworker, ...(await login(t, caseworker.username)) };
    const blocked = await referToPolice(c.id);
    expect(blocked.status).toBe(409);
    expect(blocked.body.errors).toEqual([
      expect.objectContaining({ code: 'no_consent_for_agency_type' }),
    ]);
    expect((await consent(c.id)).status).toBe(201);
    expect((await referToPolice(c.id)).status).toBe(201);
  });

  it('withdrawing a consent stops its expiry clock', async () => {
    const c = await walkIn(t, caseworker);
    const given = await consent(c.id);
    const withdrawn = await t.http
      .post(`/api/cases/${c.id}/consents/${given.body.id}/withdraw`)
      .set(...bearer(caseworker))
      .send({ reason: 'Chị không muốn chia sẻ nữa' });
    expect(withdrawn.status).toBe(200);
    const stopped = (await clocksOf(c.id)).find((r) => r.subject_id === given.body.id);
    expect([stopped?.status, stopped?.cancel_reason]).toEqual(['cancelled', 'consent_withdrawn']);
  });

  it('tells the assigned caseworker once that a consent has expired, though Redis lost the job and the worker restarts', async () => {
    const c = await walkIn(t, caseworker);
    const supervisor = await signedIn(t, 'supervisor');
    await t.http
      .post(`/api/cases/${c.id}/assign`)
      .set(...bearer(supervisor))
      .send({ userId: caseworker.id })
      .expect(200);
    // Ten days is inside the two-week reminder's lead: no "expires soon" at once, only the expiry.
    const given = await consent(c.id, { expiresOn: addDaysToDate(today(), 10) });
    const stages = (await t.dataSource.query(
      `SELECT s.stage FROM deadline_stages s JOIN deadlines d ON d.id = s.deadline_id
        WHERE d.subject_id = $1`,
      [given.body.id],
    )) as { stage: string }[];
    expect(stages.map((s) => s.stage)).toEqual(['expired']);

    // Past the expiry day, and past a weekend or holiday that moves the notice to the next working day.
    clock.advance(15 * DAY);
    await redis.flushdb();
    const notices = async () =>
      (await t.dataSource.query(
        `SELECT n.user_id, n.kind, n.params FROM notifications n
           JOIN deadline_stages s ON s.id = n.deadline_stage_id
           JOIN deadlines d ON d.id = s.deadline_id
          WHERE d.subject_id = $1`,
        [given.body.id],
      )) as { user_id: string; kind: string; params: Record<string, unknown> }[];
    let worker: INestApplicationContext = await startTestWorker(t.config, clock);
    try {
      await eventually(async () => (await notices()).length > 0, 15_000, 'the expiry notice');
      await worker.close();
      // A restarted worker reconciles again and finds the stage already fired.
      worker = await startTestWorker(t.config, clock);
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      await worker.close();
    }
    expect(await notices()).toEqual([
      expect.objectContaining({
        user_id: caseworker.id,
        kind: 'deadline.reminder',
        params: expect.objectContaining({ deadlineKind: 'consent_expiry', stage: 'expired' }),
      }),
    ]);
  });
});
