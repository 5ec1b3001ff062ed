import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { CaseReferralView } from '@caunoi/shared/contracts';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { TestClock } from '../../../test-support/test-clock';
import { testRedisUrl } from '../../../test-support/test-env';
import { eventually, startTestWorker } from '../../../test-support/test-worker';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, login, signedIn } from '../../../test-support/factories';
import { walkIn } from '../../../test-support/intake-fixtures';
import {
  POLICE,
  POLICE_THANH_KHE,
  act,
  consentToShare,
  refer,
  referralInput,
} from '../../../test-support/referral-fixtures';

type S = TestUser & Session;
const HOUR = 3600_000;
// A Redis database of its own: the test drops this system's queued jobs and nothing else.
const REDIS_URL = testRedisUrl(13);

describe('referral response clocks on real Postgres and Redis', () => {
  let t: TestApp;
  let clock: TestClock;
  let redis: Redis;
  let worker: INestApplicationContext | null = null;
  let caseworker: S;
  let supervisor: S;
  let police: S;
  let policeThanhKhe: S;

  beforeAll(async () => {
    clock = new TestClock();
    t = await createTestApp(
      { REDIS_URL, QUEUE_PREFIX: `referral-clock-${process.pid}`, WORKER_LOCK_DURATION_MS: '1000' },
      clock,
    );
    redis = new Redis(REDIS_URL);
    await redis.flushdb();
    [caseworker, supervisor, police] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
      signedIn(t, 'police_liaison'),
    ]);
    policeThanhKhe = await signedIn(t, 'police_liaison', { agencyId: POLICE_THANH_KHE });
  });
  afterEach(async () => {
    await worker?.close();
    worker = null;
    clock.set(new Date());
  });
  afterAll(async () => {
    await redis.flushdb();
    redis.disconnect();
    await t.close();
  });

  async function referredToPolice(urgency: 'emergency' | 'urgent' = 'emergency') {
    const created = await walkIn(t, caseworker);
    await t.http
      .post(`/api/cases/${created.id}/assign`)
      .set(...bearer(supervisor))
      .send({ userId: caseworker.id })
      .expect(200);
    await consentToShare(t, caseworker, created.id, ['police'], ['incident_facts']);
    const [referral] = await refer(t, caseworker, created.id, [referralInput(POLICE, { urgency })]);
    return { caseId: created.id, survivorCode: created.survivorCode, referral };
  }

  /**
   * Moves time past the respond-by instant and starts a worker. The jobs BullMQ holds were delayed in
   * real time, so they are dropped; the worker's reconciler reads the (moved) clock and queues what is due.
   */
  async function timePasses(ms: number): Promise<void> {
    clock.set(new Date(clock.now().getTime() + ms));
    await redis.flushdb();
    worker = await startTestWorker(t.config, clock);
    // Sessions idle out over hours; sign everyone in again on the new clock.
    for (const user of [caseworker, supervisor, police, policeThanhKhe]) {
      Object.assign(user, await login(t, user.username));
    }
  }

  const stageNotices = async (referralId: string) =>
    (await t.dataSource.query(
      `SELECT n.user_id, n.kind, s.stage, n.params, n.link, n.case_id
         FROM notifications n
         JOIN deadline_stages s ON s.id = n.deadline_stage_id
         JOIN deadlines d ON d.id = s.deadline_id
        WHERE d.subject_id = $1 ORDER BY s.stage, n.user_id`,
      [referralId],
    )) as {
      user_id: string;
      kind: string;
      stage: string;
      params: Record<string, unknown>;
      link: string;
      case_id: string | null;
    }[];

  it('an unanswered emergency referral escalates to the receiving agency and tells the sender, once, after one hour', async () => {
    const { caseId, survivorCode, referral } = await referredToPolice('emergency');
    expect(new Date(referral.respondBy).getTime() - new Date(referral.sentAt).getTime()).toBe(HOUR);
    await timePasses(HOUR + 60_000);
    await eventually(
      async () => new Set((await stageNotices(referral.id)).map((n) => n.stage)).size === 3,
      15_000,
      'escalation',
    );
    const notices = await stageNotices(referral.id);
    const toPolice = notices.filter((n) => n.user_id === police.id);
    expect(toPolice.map((n) => [n.stage, n.kind])).toEqual([
      ['escalation_due', 'deadline.escalation'],
      ['reminder_halfway', 'deadline.reminder'],
    ]);
    // The receiving end gets the referral code and its inbox, never the case or the survivor code.
    for (const n of toPolice) {
      expect(n).toMatchObject({ link: `/inbox/referrals/${referral.id}`, case_id: null });
      expect(n.params).toEqual({
        deadlineKind: 'referral_response',
        stage: n.stage,
        referralCode: referral.code,
        dueAt: referral.respondBy,
      });
    }
    expect(notices.filter((n) => n.user_id === caseworker.id)).toEqual([
      expect.objectContaining({
        stage: 'sender_notice_due',
        link: `/cases/${caseId}`,
        params: expect.objectContaining({ survivorCode, referralCode: referral.code }),
      }),
    ]);
    // Another police station's liaison hears nothing of it.
    expect(notices.some((n) => n.user_id === policeThanhKhe.id)).toBe(false);

    const views = (await t.http.get(`/api/cases/${caseId}/referrals`).set(...bearer(caseworker)))
      .body as CaseReferralView[];
    expect(views[0]).toMatchObject({ status: 'sent', responseOverdue: true });
    expect(views[0].events.map((e) => e.event)).toEqual(['sent', 'response_overdue']);
    const inbox = await t.http.get('/api/referrals?view=action_needed').set(...bearer(police));
    expect(inbox.body.items.find((r: { id: string }) => r.id === referral.id)).toMatchObject({
      responseOverdue: true,
    });
  });

  it('the sender re-routes an overdue referral in one step: the old one is withdrawn, the new agency gets it with a fresh clock', async () => {
    const { caseId, referral } = await referredToPolice('urgent');
    await timePasses(25 * HOUR);
    await eventually(
      async () => (await stageNotices(referral.id)).some((n) => n.stage === 'escalation_due'),
      15_000,
      'escalation',
    );
    const res = await t.http
      .post(`/api/cases/${caseId}/referrals/${referral.id}/reroute`)
      .set(...bearer(caseworker))
      .send({ agencyId: POLICE_THANH_KHE })
      .expect(201);
    const rerouted = res.body as CaseReferralView;
    expect(rerouted).toMatchObject({
      status: 'sent',
      reroutedFromId: referral.id,
      toAgency: { id: POLICE_THANH_KHE },
      urgency: 'urgent',
      packet: ['incident_facts'],
      reason: referral.reason,
    });
    expect(new Date(rerouted.respondBy).getTime()).toBe(clock.now().getTime() + 24 * HOUR);

    const views = (await t.http.get(`/api/cases/${caseId}/referrals`).set(...bearer(caseworker)))
      .body as CaseReferralView[];
    const old = views.find((r) => r.id === referral.id);
    expect(old).toMatchObject({ status: 'withdrawn', withdrawReason: 'rerouted' });
    expect(old?.events.map((e) => e.event)).toEqual([
      'sent',
      'response_overdue',
      'withdrawn',
      'rerouted',
    ]);
    const clocks = (await t.dataSource.query(
      `SELECT subject_id, status FROM deadlines WHERE subject_id = ANY($1)`,
      [[referral.id, rerouted.id]],
    )) as { subject_id: string; status: string }[];
    expect(Object.fromEntries(clocks.map((c) => [c.subject_id, c.status]))).toEqual({
      [referral.id]: 'cancelled',
      [rerouted.id]: 'pending',
    });
    // The first station has lost the packet; the second one has it.
    const first = await t.http.get(`/api/referrals/${referral.id}`).set(...bearer(police));
    expect(first.body.packetData).toBeNull();
    const second = await t.http
      .get(`/api/referrals/${rerouted.id}`)
      .set(...bearer(policeThanhKhe))
      .expect(200);
    expect(second.body.packetData.incidents).toHaveLength(1);
    // Re-routing an accepted referral is not a step it can take.
    await act(t, policeThanhKhe, rerouted.id, 'accept');
    await t.http
      .post(`/api/cases/${caseId}/referrals/${rerouted.id}/reroute`)
      .set(...bearer(caseworker))
      .send({ agencyId: POLICE })
      .expect(409);
  });

  it('an answer in time meets the clock: its stages are cancelled and nothing fires afterwards', async () => {
    const { referral } = await referredToPolice('emergency');
    const accepted = await act(t, police, referral.id, 'accept');
    expect(accepted.status).toBe('accepted');
    const [deadline] = (await t.dataSource.query(
      `SELECT d.status, count(s.*) FILTER (WHERE s.cancelled_at IS NULL AND s.fired_at IS NULL)::int AS open
         FROM deadlines d JOIN deadline_stages s ON s.deadline_id = d.id
        WHERE d.subject_id = $1 GROUP BY d.status`,
      [referral.id],
    )) as { status: string; open: number }[];
    expect(deadline).toEqual({ status: 'met', open: 0 });
    await timePasses(2 * HOUR);
    // Give the worker's reconciler its start-up pass, then check nothing was sent.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await stageNotices(referral.id)).toEqual([]);
  });
});
