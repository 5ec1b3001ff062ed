import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { CaseMeasureView, MeasurePacketView } from '@caunoi/shared/contracts';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { TestClock } from '../../../test-support/test-clock';
import { testRedisUrl } from '../../../test-support/test-env';
import { eventually, startTestWorker } from '../../../test-support/test-worker';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, login, signedIn } from '../../../test-support/factories';
import { walkIn } from '../../../test-support/intake-fixtures';
import { POLICE_THANH_KHE } from '../../../test-support/referral-fixtures';

type S = TestUser & Session;
const HOUR = 3600_000;
// A Redis database of its own: the test drops this system's queued jobs and nothing else.
const REDIS_URL = testRedisUrl(10);

describe('protective measures on real Postgres and Redis', () => {
  let t: TestApp;
  let clock: TestClock;
  let redis: Redis;
  let worker: INestApplicationContext | null = null;
  let caseworker: S;
  let supervisor: S;
  let police: S;
  let policeThanhKhe: S;
  let commune: S;

  beforeAll(async () => {
    clock = new TestClock();
    t = await createTestApp(
      { REDIS_URL, QUEUE_PREFIX: `protection-${process.pid}`, WORKER_LOCK_DURATION_MS: '1000' },
      clock,
    );
    redis = new Redis(REDIS_URL);
    await redis.flushdb();
    [caseworker, supervisor, police, commune] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
      signedIn(t, 'police_liaison'),
      signedIn(t, 'commune_officer'),
    ]);
    policeThanhKhe = await signedIn(t, 'police_liaison', { agencyId: POLICE_THANH_KHE });
  });
  afterEach(async () => {
    await worker?.close();
    worker = null;
    clock.set(new Date());
    for (const user of [caseworker, supervisor, police, policeThanhKhe, commune]) {
      Object.assign(user, await login(t, user.username));
    }
  });
  afterAll(async () => {
    await redis.flushdb();
    redis.disconnect();
    await t.close();
  });

  async function assignedCase(): Promise<{ caseId: string; survivorCode: string }> {
    const created = await walkIn(t, caseworker);
    await t.http
      .post(`/api/cases/${created.id}/assign`)
      .set(...bearer(supervisor))
      .send({ userId: caseworker.id })
      .expect(200);
    return { caseId: created.id, survivorCode: created.survivorCode };
  }

  const requestBody = (overrides: Record<string, unknown> = {}) => ({
    type: 'no_contact_commune',
    requestedBy: 'social_work_centre',
    victimConsent: true,
    grounds: 'Synthetic grounds: repeated threats at home',
    ...overrides,
  });

  async function requested(
    overrides: Record<string, unknown> = {},
  ): Promise<{ caseId: string; survivorCode: string; measure: CaseMeasureView }> {
    const c = await assignedCase();
    const res = await t.http
      .post(`/api/cases/${c.caseId}/protective-measures`)
      .set(...bearer(caseworker))
      .send(requestBody(overrides));
    expect([res.status, res.body]).toEqual([201, expect.anything()]);
    return { ...c, measure: res.body as CaseMeasureView };
  }

  const decide = (session: S, id: string, body: Record<string, unknown>) =>
    t.http
      .post(`/api/protective-measures/${id}/decision`)
      .set(...bearer(session))
      .send(body);

  async function granted(hours = 72) {
    const r = await requested();
    const now = clock.now();
    const res = await decide(commune, r.measure.id, {
      decision: 'granted',
      startsAt: now.toISOString(),
      endsAt: new Date(now.getTime() + hours * HOUR).toISOString(),
      decisionNumber: '12/QĐ-UBND',
    });
    expect([res.status, res.body?.status]).toEqual([200, 'in_force']);
    return { ...r, packet: res.body as MeasurePacketView };
  }

  /** Moves time on, drops the jobs BullMQ holds in real time, and lets a fresh worker reconcile. */
  async function timePasses(ms: number): Promise<void> {
    clock.set(new Date(clock.now().getTime() + ms));
    await redis.flushdb();
    await worker?.close();
    worker = await startTestWorker(t.config, clock);
    for (const user of [caseworker, supervisor, police, policeThanhKhe, commune]) {
      Object.assign(user, await login(t, user.username));
    }
  }

  const notices = async (where: string, params: unknown[]) =>
    (await t.dataSource.query(
      `SELECT n.user_id, n.kind, s.stage, n.params, n.link, n.case_id
         FROM notifications n LEFT JOIN deadline_stages s ON s.id = n.deadline_stage_id
        WHERE ${where} ORDER BY s.stage, n.kind, n.user_id`,
      params,
    )) as {
      user_id: string;
      kind: string;
      stage: string | null;
      params: Record<string, unknown>;
      link: string;
      case_id: string | null;
    }[];
  const stageNotices = (measureId: string, kind: string) =>
    notices(`s.deadline_id IN (SELECT id FROM deadlines WHERE subject_id = $1 AND kind = $2)`, [
      measureId,
      kind,
    ]);

  it('routes a commune no-contact order to the committee covering the commune, with a 12-hour clock and a code-only notice', async () => {
    const { measure } = await requested();
    expect(measure).toMatchObject({
      status: 'requested',
      decidingBody: 'commune_chairman',
      decidingAgencyName: 'Ủy ban nhân dân Phường Hải Châu',
      policeAgencyName: 'Công an Phường Hải Châu',
    });
    expect(
      new Date(measure.decideBy ?? '').getTime() - new Date(measure.requestedAt).getTime(),
    ).toBe(12 * HOUR);
    const told = await notices(`n.user_id = $1 AND n.params->>'measureCode' = $2`, [
      commune.id,
      measure.code,
    ]);
    expect(told).toEqual([
      expect.objectContaining({
        kind: 'protection.requested',
        case_id: null,
        link: `/protection/measures/${measure.id}`,
        params: { measureCode: measure.code, dueAt: measure.decideBy },
      }),
    ]);
    // The committee's inbox shows the packet: the grounds, never the case or the survivor code.
    const inbox = await t.http
      .get('/api/protective-measures?view=requests')
      .set(...bearer(commune));
    const packet = (inbox.body.items as MeasurePacketView[]).find((p) => p.id === measure.id);
    expect(packet).toMatchObject({
      code: measure.code,
      communeName: 'Phường Hải Châu',
      grounds: 'Synthetic grounds: repeated threats at home',
    });
    expect(JSON.stringify(packet)).not.toMatch(/caseId|survivorCode/);
  });

  it('escalates an undecided request at 12 hours, once, to the committee, the requester and the supervisors', async () => {
    const { measure, caseId, survivorCode } = await requested();
    await timePasses(12 * HOUR + 60_000);
    // Count this test's four people: the committee and the centre have other users (other suites).
    const heard = async () =>
      (await stageNotices(measure.id, 'no_contact_decision')).filter((n) =>
        [commune.id, caseworker.id, supervisor.id].includes(n.user_id),
      ).length;
    await eventually(async () => (await heard()) >= 4, 15_000, 'escalation');
    // A second worker pass changes nothing: each stage fired once.
    await timePasses(60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const sent = await stageNotices(measure.id, 'no_contact_decision');
    const to = (id: string) => sent.filter((n) => n.user_id === id).map((n) => n.stage);
    expect(to(commune.id)).toEqual(['escalation_due', 'reminder_8h']);
    expect(to(caseworker.id)).toEqual(['escalation_due_requester']);
    expect(to(supervisor.id)).toEqual(['escalation_due_supervisors']);
    expect(to(police.id)).toEqual([]);
    for (const n of sent.filter((x) => x.user_id === commune.id)) {
      expect(n).toMatchObject({ case_id: null, link: `/protection/measures/${measure.id}` });
      expect(n.params).not.toHaveProperty('survivorCode');
    }
    expect(sent.find((n) => n.user_id === caseworker.id)).toMatchObject({
      case_id: caseId,
      params: expect.objectContaining({ survivorCode, measureCode: measure.code }),
    });
    // The board of the centre shows the breached clock (on whichever page: the suites share the demo
    // centre, and others leave overdue clocks on it too).
    type BoardItem = { subjectId: string; kind: string; status: string };
    let found: BoardItem | undefined;
    let after: string | null = null;
    do {
      const page = await t.http
        .get('/api/deadlines')
        .query({ bucket: 'overdue', ...(after ? { after } : {}) })
        .set(...bearer(supervisor));
      expect(page.status).toBe(200);
      found = (page.body.items as BoardItem[]).find((d) => d.subjectId === measure.id);
      after = page.body.nextCursor as string | null;
    } while (!found && after);
    expect(found).toMatchObject({ kind: 'no_contact_decision', status: 'breached' });
  });

  it('refuses an order longer than 3 days, and one decided after its end, naming the field', async () => {
    const { measure } = await requested();
    const now = clock.now();
    const tooLong = await decide(commune, measure.id, {
      decision: 'granted',
      startsAt: now.toISOString(),
      endsAt: new Date(now.getTime() + 72 * HOUR + 1000).toISOString(),
    });
    expect([tooLong.status, tooLong.body.errors]).toEqual([
      400,
      [expect.objectContaining({ field: 'endsAt', code: 'exceeds_max_duration' })],
    ]);
    // Three hours on (within the 12), an order signed at the request and ending an hour later is over.
    clock.set(new Date(now.getTime() + 3 * HOUR));
    Object.assign(commune, await login(t, commune.username));
    const afterEnd = await decide(commune, measure.id, {
      decision: 'granted',
      startsAt: measure.requestedAt,
      endsAt: new Date(new Date(measure.requestedAt).getTime() + HOUR).toISOString(),
    });
    expect([afterEnd.status, afterEnd.body.errors]).toEqual([
      400,
      [expect.objectContaining({ field: 'endsAt', code: 'decision_after_end' })],
    ]);
    const noReasons = await decide(commune, measure.id, { decision: 'refused' });
    expect([noReasons.status, noReasons.body.errors?.[0]?.field]).toEqual([400, 'reasons']);
    // Nothing was half-written: still requested.
    const packet = await t.http
      .get(`/api/protective-measures/${measure.id}`)
      .set(...bearer(commune));
    expect(packet.body.status).toBe('requested');
  });

  it("refuses an agency's request without the victim's consent, naming the field", async () => {
    const { caseId } = await assignedCase();
    const res = await t.http
      .post(`/api/cases/${caseId}/protective-measures`)
      .set(...bearer(caseworker))
      .send(requestBody({ victimConsent: false }));
    expect([res.status, res.body.errors]).toEqual([
      400,
      [expect.objectContaining({ field: 'victimConsent', code: 'victim_consent_required' })],
    ]);
    // The victim asking herself needs no separate consent.
    const own = await t.http
      .post(`/api/cases/${caseId}/protective-measures`)
      .set(...bearer(caseworker))
      .send(requestBody({ requestedBy: 'victim', victimConsent: false }));
    expect(own.status).toBe(201);
  });

  it('a grant goes at once to the commune police and the caseworker, and starts the police 1-hour clock that escalates to them', async () => {
    const { measure, caseId, packet } = await granted();
    const decideAt = new Date(packet.decidedAt ?? '').getTime();
    expect(new Date(packet.supervisionPlanDueAt ?? '').getTime() - decideAt).toBe(HOUR);
    const toPolice = await notices(`n.user_id = $1 AND n.params->>'measureCode' = $2`, [
      police.id,
      measure.code,
    ]);
    expect(toPolice.map((n) => [n.kind, n.case_id, n.link])).toEqual([
      ['protection.order_granted', null, `/protection/measures/${measure.id}`],
    ]);
    const toCaseworker = await notices(`n.user_id = $1 AND n.params->>'measureCode' = $2`, [
      caseworker.id,
      measure.code,
    ]);
    expect(toCaseworker.map((n) => [n.kind, n.params['decision'], n.link])).toEqual([
      ['protection.decided', 'granted', `/cases/${caseId}`],
    ]);
    // Police see it among the orders in force in their area; Thanh Khê's police do not.
    const area = await t.http.get('/api/protective-measures?view=in_force').set(...bearer(police));
    expect((area.body.items as MeasurePacketView[]).map((p) => p.id)).toContain(measure.id);
    const other = await t.http
      .get(`/api/protective-measures/${measure.id}`)
      .set(...bearer(policeThanhKhe));
    expect(other.status).toBe(404);

    await timePasses(HOUR + 60_000);
    await eventually(
      async () =>
        (await stageNotices(measure.id, 'supervision_plan')).filter((n) => n.user_id === police.id)
          .length >= 2,
      15_000,
      'supervision escalation',
    );
    const sent = await stageNotices(measure.id, 'supervision_plan');
    expect(sent.filter((n) => n.user_id === police.id).map((n) => n.stage)).toEqual([
      'escalation_due',
      'reminder_30m',
    ]);
    // A late plan is still recorded, and the clock keeps the record that it came late.
    const plan = await t.http
      .post(`/api/protective-measures/${measure.id}/supervision-plan`)
      .set(...bearer(police))
      .send({ supervisingOfficer: 'Thượng úy Minh Họa', plan: 'Tuần tra 2 lần/ngày' });
    expect([plan.status, plan.body.supervisingOfficer]).toEqual([200, 'Thượng úy Minh Họa']);
    const [clockRow] = (await t.dataSource.query(
      `SELECT status, met_at FROM deadlines WHERE subject_id = $1 AND kind = 'supervision_plan'`,
      [measure.id],
    )) as { status: string; met_at: Date | null }[];
    expect([clockRow.status, clockRow.met_at !== null]).toEqual(['breached', true]);
    const again = await t.http
      .post(`/api/protective-measures/${measure.id}/supervision-plan`)
      .set(...bearer(police))
      .send({ supervisingOfficer: 'X', plan: 'Y' });
    expect([again.status, again.body.errors?.[0]?.code]).toEqual([409, 'already_recorded']);
  });

  it('a supervision plan within the hour meets the clock', async () => {
    const { measure } = await granted();
    const plan = await t.http
      .post(`/api/protective-measures/${measure.id}/supervision-plan`)
      .set(...bearer(police))
      .send({ supervisingOfficer: 'Thượng úy Minh Họa', plan: 'Tuần tra 2 lần/ngày' });
    expect(plan.status).toBe(200);
    const [row] = (await t.dataSource.query(
      `SELECT status FROM deadlines WHERE subject_id = $1 AND kind = 'supervision_plan'`,
      [measure.id],
    )) as { status: string }[];
    expect(row.status).toBe('met');
  });

  it('reminds the caseworker 12 hours before the order ends', async () => {
    const { measure } = await granted(24);
    await timePasses(12 * HOUR + 60_000);
    await eventually(
      async () => (await stageNotices(measure.id, 'measure_expiry')).length >= 1,
      15_000,
      'expiry reminder',
    );
    const sent = await stageNotices(measure.id, 'measure_expiry');
    expect(sent.map((n) => [n.user_id, n.stage])).toEqual([[caseworker.id, 'reminder_12h']]);
  });

  it('a breach alerts the caseworker and the commune police at once and appears on the case timeline', async () => {
    const { measure, caseId } = await granted();
    const occurredAt = new Date(clock.now().getTime() - 10 * 60_000).toISOString();
    const res = await t.http
      .post(`/api/protective-measures/${measure.id}/breaches`)
      .set(...bearer(police))
      .send({ kind: 'within_100m', occurredAt });
    expect([res.status, res.body]).toEqual([
      201,
      { code: measure.code, status: 'breached', reportedAt: expect.any(String) },
    ]);
    const alerts = await notices(`n.kind = 'protection.breach' AND n.params->>'measureCode' = $1`, [
      measure.code,
    ]);
    // The caseworker with the case link and survivor code; the reporter is not told of their own report,
    // every other liaison of the commune police is.
    const policeUsers = (
      (await t.dataSource.query(
        `SELECT id FROM users WHERE agency_id = $1 AND role = 'police_liaison' AND disabled_at IS NULL`,
        [police.agencyId],
      )) as { id: string }[]
    ).map((u) => u.id);
    expect(alerts.filter((n) => n.case_id === caseId).map((n) => n.user_id)).toEqual([
      caseworker.id,
    ]);
    expect(
      alerts
        .filter((n) => n.case_id === null)
        .map((n) => n.user_id)
        .sort(),
    ).toEqual(policeUsers.filter((id) => id !== police.id).sort());
    // A report by the caseworker tells the reporting police liaison too.
    await t.http
      .post(`/api/protective-measures/${measure.id}/breaches`)
      .set(...bearer(caseworker))
      .send({ kind: 'contact_by_device', occurredAt })
      .expect(201);
    const after = await notices(`n.kind = 'protection.breach' AND n.params->>'measureCode' = $1`, [
      measure.code,
    ]);
    expect(after.find((n) => n.user_id === police.id)).toMatchObject({
      case_id: null,
      params: { measureCode: measure.code, kind: 'contact_by_device' },
    });
    const timeline = await t.http.get(`/api/cases/${caseId}/timeline`).set(...bearer(caseworker));
    expect(
      (timeline.body.items as { action: string }[]).filter(
        (e) => e.action === 'protective_measure.breach',
      ),
    ).toHaveLength(2);
    const list = await t.http
      .get(`/api/cases/${caseId}/protective-measures`)
      .set(...bearer(caseworker));
    const mine = (list.body as CaseMeasureView[]).find((m) => m.id === measure.id);
    expect(mine?.status).toBe('breached');
    expect(mine?.events.map((e) => e.event)).toEqual([
      'requested',
      'granted',
      'breach_reported',
      'breach_reported',
    ]);
  });

  it('refuses a breach on an order not in force (409), and one in the future (400)', async () => {
    const { measure } = await requested();
    const res = await t.http
      .post(`/api/protective-measures/${measure.id}/breaches`)
      .set(...bearer(caseworker))
      .send({ kind: 'within_100m', occurredAt: clock.now().toISOString() });
    expect([res.status, res.body.errors]).toEqual([
      409,
      [expect.objectContaining({ field: 'status', code: 'not_in_force' })],
    ]);
    const future = await t.http
      .post(`/api/protective-measures/${measure.id}/breaches`)
      .set(...bearer(caseworker))
      .send({
        kind: 'within_100m',
        occurredAt: new Date(clock.now().getTime() + HOUR).toISOString(),
      });
    expect([future.status, future.body.errors?.[0]?.field]).toEqual([400, 'occurredAt']);
  });

  it('records a court order of up to 4 months on the case, and refuses a longer one', async () => {
    const { measure, caseId } = await requested({ type: 'no_contact_court' });
    const start = clock.now();
    const url = `/api/cases/${caseId}/protective-measures/${measure.id}/decision`;
    const fiveMonths = await t.http
      .post(url)
      .set(...bearer(caseworker))
      .send({
        decision: 'granted',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 150 * 24 * HOUR).toISOString(),
      });
    expect([fiveMonths.status, fiveMonths.body.errors?.[0]?.code]).toEqual([
      400,
      'exceeds_max_duration',
    ]);
    const ok = await t.http
      .post(url)
      .set(...bearer(caseworker))
      .send({
        decision: 'granted',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 90 * 24 * HOUR).toISOString(),
        decisionNumber: '05/2026/QĐ-TA',
      });
    expect([ok.status, ok.body.status, ok.body.decidingBody]).toEqual([200, 'in_force', 'court']);
    // The commune committee records its own orders: the centre cannot.
    const commune = await requested();
    const res = await t.http
      .post(`/api/cases/${commune.caseId}/protective-measures/${commune.measure.id}/decision`)
      .set(...bearer(caseworker))
      .send({ decision: 'refused', reasons: 'x' });
    expect([res.status, res.body.errors?.[0]?.code]).toEqual([409, 'decided_by_commune_committee']);
  });

  const clockOf = async (measureId: string, kind: string) =>
    (
      (await t.dataSource.query(
        `SELECT d.status, d.cancel_reason, d.met_at,
                (SELECT count(*)::int FROM deadline_stages s
                  WHERE s.deadline_id = d.id AND s.fired_at IS NULL AND s.cancelled_at IS NULL) AS pending
           FROM deadlines d WHERE d.subject_id = $1 AND d.kind = $2`,
        [measureId, kind],
      )) as { status: string; cancel_reason: string | null; met_at: Date | null; pending: number }[]
    )[0];

  it('the committee revokes its order with written reasons: clocks closed, police and caseworker told by code, on the timeline', async () => {
    const { measure, caseId } = await granted(48);
    const url = `/api/protective-measures/${measure.id}/revocation`;
    const blank = await t.http
      .post(url)
      .set(...bearer(commune))
      .send({ reasons: '   ' });
    expect([blank.status, blank.body.errors?.[0]?.field]).toEqual([400, 'reasons']);
    // The centre does not revoke a commune order: its committee does.
    const byCentre = await t.http
      .post(`/api/cases/${caseId}/protective-measures/${measure.id}/revocation`)
      .set(...bearer(caseworker))
      .send({ reasons: 'Nạn nhân đề nghị hủy (tổng hợp)' });
    expect([byCentre.status, byCentre.body.errors?.[0]?.code]).toEqual([
      409,
      'decided_by_commune_committee',
    ]);
    const res = await t.http
      .post(url)
      .set(...bearer(commune))
      .send({ reasons: 'Nạn nhân đề nghị hủy quyết định (tổng hợp)' });
    expect([res.status, res.body.status, res.body.revocationReasons]).toEqual([
      200,
      'revoked',
      'Nạn nhân đề nghị hủy quyết định (tổng hợp)',
    ]);
    for (const kind of ['supervision_plan', 'measure_expiry']) {
      expect(await clockOf(measure.id, kind)).toMatchObject({
        status: 'cancelled',
        cancel_reason: 'measure_revoked',
        pending: 0,
      });
    }
    const told = await notices(`n.kind = 'protection.revoked' AND n.params->>'measureCode' = $1`, [
      measure.code,
    ]);
    expect(told.find((n) => n.user_id === police.id)).toMatchObject({
      case_id: null,
      params: { measureCode: measure.code },
      link: `/protection/measures/${measure.id}`,
    });
    expect(told.find((n) => n.user_id === caseworker.id)).toMatchObject({
      case_id: caseId,
      link: `/cases/${caseId}`,
    });
    expect(told.find((n) => n.user_id === commune.id)).toBeUndefined();
    // Stored encrypted, never in the clear.
    const [raw] = (await t.dataSource.query(
      `SELECT revocation_reasons_enc FROM protective_measures WHERE id = $1`,
      [measure.id],
    )) as { revocation_reasons_enc: string }[];
    expect(raw.revocation_reasons_enc).not.toContain('Nạn nhân');
    const again = await t.http
      .post(url)
      .set(...bearer(commune))
      .send({ reasons: 'x' });
    expect([again.status, again.body.errors?.[0]?.code]).toEqual([409, 'invalid_transition']);
    const breach = await t.http
      .post(`/api/protective-measures/${measure.id}/breaches`)
      .set(...bearer(police))
      .send({ kind: 'within_100m', occurredAt: clock.now().toISOString() });
    expect([breach.status, breach.body.errors?.[0]?.code]).toEqual([409, 'not_in_force']);
    const list = await t.http
      .get(`/api/cases/${caseId}/protective-measures`)
      .set(...bearer(caseworker));
    const mine = (list.body as CaseMeasureView[]).find((m) => m.id === measure.id);
    expect([mine?.status, mine?.events.map((e) => e.event), mine?.renewalDueAt]).toEqual([
      'revoked',
      ['requested', 'granted', 'revoked'],
      null,
    ]);
    const timeline = await t.http.get(`/api/cases/${caseId}/timeline`).set(...bearer(caseworker));
    expect(
      (timeline.body.items as { action: string }[]).some(
        (e) => e.action === 'protective_measure.revoke',
      ),
    ).toBe(true);
  });

  it('the centre records a court’s revocation of its order; a request not yet decided is not revoked', async () => {
    const { measure, caseId } = await requested({ type: 'no_contact_court' });
    const url = `/api/cases/${caseId}/protective-measures/${measure.id}/revocation`;
    const early = await t.http
      .post(url)
      .set(...bearer(caseworker))
      .send({ reasons: 'Tòa án hủy (tổng hợp)' });
    expect([early.status, early.body.errors?.[0]?.code]).toEqual([409, 'invalid_transition']);
    const start = clock.now();
    await t.http
      .post(`/api/cases/${caseId}/protective-measures/${measure.id}/decision`)
      .set(...bearer(caseworker))
      .send({
        decision: 'granted',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 30 * 24 * HOUR).toISOString(),
      })
      .expect(200);
    const res = await t.http
      .post(url)
      .set(...bearer(supervisor))
      .send({ reasons: 'Tòa án hủy quyết định (tổng hợp)' });
    expect([res.status, res.body.status]).toEqual([200, 'revoked']);
    expect(await clockOf(measure.id, 'measure_expiry')).toMatchObject({ status: 'cancelled' });
  });

  it('"no renewal needed" answers the expiry clock with a reason, so no reminder fires, once', async () => {
    const { measure, caseId } = await granted(24);
    const url = `/api/cases/${caseId}/protective-measures/${measure.id}/no-renewal`;
    const blank = await t.http
      .post(url)
      .set(...bearer(caseworker))
      .send({ reason: '' });
    expect([blank.status, blank.body.errors?.[0]?.field]).toEqual([400, 'reason']);
    const before = await t.http
      .get(`/api/cases/${caseId}/protective-measures`)
      .set(...bearer(caseworker));
    const open = (before.body as CaseMeasureView[]).find((m) => m.id === measure.id);
    expect(open?.renewalDueAt).toBe(open?.endsAt);
    const res = await t.http
      .post(url)
      .set(...bearer(caseworker))
      .send({ reason: 'Người gây bạo lực đã chuyển đi nơi khác (tổng hợp)' });
    expect([
      res.status,
      res.body.renewalDueAt,
      res.body.noRenewalReason,
      res.body.events.at(-1).event,
    ]).toEqual([200, null, 'Người gây bạo lực đã chuyển đi nơi khác (tổng hợp)', 'no_renewal']);
    expect(await clockOf(measure.id, 'measure_expiry')).toMatchObject({
      status: 'met',
      pending: 0,
    });
    const again = await t.http
      .post(url)
      .set(...bearer(caseworker))
      .send({ reason: 'x' });
    expect([again.status, again.body.errors?.[0]?.code]).toEqual([409, 'no_open_expiry_clock']);
    const [audit] = (await t.dataSource.query(
      `SELECT fields FROM audit_log WHERE action = 'protective_measure.no_renewal' AND subject_id = $1`,
      [measure.id],
    )) as { fields: string[] }[];
    expect(audit?.fields).toEqual(['reason']);
    // The reminder 12 hours before the end is not sent any more.
    await timePasses(12 * HOUR + 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await stageNotices(measure.id, 'measure_expiry')).toEqual([]);
  });

  it('lists to the referring volunteer the orders in force they may report a breach of, by code only', async () => {
    const volunteer = await signedIn(t, 'volunteer');
    const { measure } = await granted(48);
    const other = await granted(48);
    await t.dataSource.query(
      `UPDATE protective_measures SET referring_volunteer_id = $2 WHERE id = ANY($1::uuid[])`,
      [[measure.id, other.measure.id], volunteer.id],
    );
    await t.http
      .post(`/api/protective-measures/${other.measure.id}/revocation`)
      .set(...bearer(commune))
      .send({ reasons: 'Tổng hợp' })
      .expect(200);
    const res = await t.http
      .get('/api/protective-measures/breach-targets')
      .set(...bearer(volunteer));
    expect([res.status, res.body]).toEqual([
      200,
      [{ id: measure.id, code: measure.code, referralReference: null }],
    ]);
    const officer = await t.http
      .get('/api/protective-measures/breach-targets')
      .set(...bearer(commune));
    expect(officer.status).toBe(403);
  });
});
