import type { INestApplicationContext } from '@nestjs/common';
import type { ChildEmergencyView, RiskInstrumentView } from '@caunoi/shared/contracts';
import {
  CHILD_SUPPORT_PLAN_PERIOD,
  WorkingCalendar,
  computeDueAt,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import { TestClock } from '../../../../test-support/test-clock';
import { testRedisUrl } from '../../../../test-support/test-env';
import { eventually, flushRedis, startTestWorker } from '../../../../test-support/test-worker';
import type { Session, TestUser } from '../../../../test-support/factories';
import { bearer, login, signedIn } from '../../../../test-support/factories';
import { DEMO_AGENCIES } from '../../seed/demo-data';
import { callBody, openCaseBody, walkIn } from '../../../../test-support/intake-fixtures';

type S = TestUser & Session;
const HOUR = 3600_000;
// A Redis database of its own: the worker's queues here are this suite's alone.
const REDIS_URL = testRedisUrl(7);

interface ClockRow {
  kind: string;
  subject_id: string;
  status: string;
  started_at: Date;
  due_at: Date;
  met_at: Date | null;
}

/** A birth date `years` years before today (Vietnam), so the survivor turns that age today. */
function bornYearsAgo(today: string, years: number): string {
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
}

describe('the child emergency clock (Law on Children 2016, Decree 56/2017)', () => {
  let t: TestApp;
  let clock: TestClock;
  let worker: INestApplicationContext | null = null;
  let caseworker: S;
  let supervisor: S;
  let operator: S;
  let otherCentre: S;
  let childInstrument: RiskInstrumentView;
  let adultInstrument: RiskInstrumentView;

  beforeAll(async () => {
    clock = new TestClock();
    t = await createTestApp(
      { REDIS_URL, QUEUE_PREFIX: `child-emergency-${process.pid}`, RECONCILE_INTERVAL_MS: '200' },
      clock,
    );
    await flushRedis(REDIS_URL);
    [caseworker, supervisor, operator, otherCentre] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
      signedIn(t, 'hotline_operator'),
      signedIn(t, 'caseworker', { agencyId: DEMO_AGENCIES.socialWorkCentreQuangNam.id }),
    ]);
    const instruments = (await t.http.get('/api/risk-instruments').set(...bearer(caseworker)))
      .body as RiskInstrumentView[];
    childInstrument = instruments.find((i) => i.audience === 'child') as RiskInstrumentView;
    adultInstrument = instruments.find((i) => i.audience === 'adult') as RiskInstrumentView;
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  /** Moves the clock; sessions expire with it, so everyone signs in again. */
  const advance = async (ms: number) => {
    clock.advance(ms);
    [caseworker, supervisor, operator, otherCentre] = await Promise.all(
      [caseworker, supervisor, operator, otherCentre].map(async (s) => ({
        ...s,
        ...(await login(t, s.username)),
      })),
    );
  };
  const today = () => vietnamDateOf(clock.now());
  const childCase = (years = 12) =>
    walkIn(
      t,
      caseworker,
      openCaseBody({
        survivor: { dateOfBirth: bornYearsAgo(today(), years) },
        consent: { givenBy: 'guardian', childAssent: true },
      }),
    );
  const allNo = (instrument: RiskInstrumentView) =>
    Object.fromEntries(
      instrument.content.items.map((item) => [item.key, item.kind === 'yes_no' ? false : 0]),
    );
  const assess = (caseId: string, instrument: RiskInstrumentView, yes: string[]) =>
    t.http
      .post(`/api/cases/${caseId}/assessments`)
      .set(...bearer(caseworker))
      .send({
        instrumentId: instrument.id,
        answers: { ...allNo(instrument), ...Object.fromEntries(yes.map((k) => [k, true])) },
      });
  const mark = (
    caseId: string,
    reason = 'Trẻ bị đánh, không có người lớn an toàn ở nhà',
    who = caseworker,
  ) =>
    t.http
      .post(`/api/cases/${caseId}/child-emergencies`)
      .set(...bearer(who))
      .send({ reason });
  const intervene = (caseId: string, id: string, body: object, who = caseworker) =>
    t.http
      .post(`/api/cases/${caseId}/child-emergencies/${id}/intervention`)
      .set(...bearer(who))
      .send(body);
  const list = async (caseId: string, who = caseworker) => {
    const res = await t.http.get(`/api/cases/${caseId}/child-emergencies`).set(...bearer(who));
    expect(res.status).toBe(200);
    return res.body as ChildEmergencyView[];
  };
  const clocks = async (caseId: string): Promise<ClockRow[]> =>
    (await t.dataSource.query(
      `SELECT kind, subject_id, status, started_at, due_at, met_at FROM deadlines
        WHERE case_id = $1 AND kind IN ('child_emergency', 'child_support_plan')
        ORDER BY created_at, kind`,
      [caseId],
    )) as ClockRow[];
  const calendar = async () =>
    new WorkingCalendar(
      await t.dataSource.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_days`,
      ),
    );

  it('a child assessment reaching high risk starts both clocks once; staying high starts nothing more', async () => {
    const c = await childCase();
    const before = clock.now();
    expect((await assess(c.id, childInstrument, ['no_safe_carer'])).status).toBe(201);
    const [emergency] = await list(c.id);
    expect(emergency).toMatchObject({ source: 'assessment', reason: null, intervention: null });
    const rows = await clocks(c.id);
    expect(rows.map((r) => [r.kind, r.status, r.subject_id])).toEqual([
      ['child_emergency', 'pending', emergency?.id],
      ['child_support_plan', 'pending', emergency?.id],
    ]);
    // 12 hours straight through; 5 working days over the holiday calendar in the database.
    expect(rows[0]?.due_at.getTime()).toBe(before.getTime() + 12 * HOUR);
    expect(rows[1]?.due_at).toEqual(
      computeDueAt(before, CHILD_SUPPORT_PLAN_PERIOD, await calendar()),
    );
    expect(emergency?.emergency?.dueAt).toBe(rows[0]?.due_at.toISOString());

    // A reassessment that stays high, and a caseworker's mark, are the same emergency.
    expect((await assess(c.id, childInstrument, ['no_safe_carer', 'self_harm'])).status).toBe(201);
    const again = await mark(c.id);
    expect([again.status, again.body.errors?.[0]]).toEqual([
      409,
      expect.objectContaining({ field: 'emergency', code: 'already_open' }),
    ]);
    expect(await clocks(c.id)).toHaveLength(2);
  });

  it('an adult survivor gets no clock: not from a high assessment, and a mark is refused naming the survivor', async () => {
    const adult = await walkIn(t, caseworker);
    expect((await assess(adult.id, adultInstrument, ['weapon'])).status).toBe(201);
    expect(await clocks(adult.id)).toEqual([]);
    const refused = await mark(adult.id);
    expect([refused.status, refused.body.errors?.[0]]).toEqual([
      409,
      expect.objectContaining({ field: 'survivor', code: 'not_a_child' }),
    ]);
    // The 16th birthday ends childhood; the day before, the clock starts.
    const sixteen = await walkIn(
      t,
      caseworker,
      openCaseBody({ survivor: { dateOfBirth: bornYearsAgo(today(), 16) } }),
    );
    expect((await mark(sixteen.id)).body.errors?.[0]?.code).toBe('not_a_child');
    const fifteen = await walkIn(
      t,
      caseworker,
      openCaseBody({
        survivor: {
          dateOfBirth: bornYearsAgo(vietnamDateOf(new Date(clock.now().getTime() + 24 * HOUR)), 16),
        },
        consent: { givenBy: 'guardian', childAssent: true },
      }),
    );
    expect((await mark(fifteen.id)).status).toBe(201);
    expect(await clocks(sixteen.id)).toEqual([]);
  });

  it('a caseworker marks serious danger; the intervention (what, by whom, when) meets the clock', async () => {
    const c = await childCase(9);
    const short = await mark(c.id, 'nguy');
    expect([short.status, short.body.errors?.[0]?.field]).toEqual([400, 'reason']);
    const marked = await mark(c.id);
    expect(marked.status).toBe(201);
    const e = marked.body as ChildEmergencyView;
    expect(e).toMatchObject({
      source: 'caseworker',
      reason: 'Trẻ bị đánh, không có người lớn an toàn ở nhà',
      emergency: { status: 'pending' },
      supportPlan: { status: 'pending' },
    });
    const [stored] = await t.dataSource.query(
      `SELECT reason_enc FROM child_emergencies WHERE id = $1`,
      [e.id],
    );
    expect(stored.reason_enc).not.toContain('người lớn');

    const now = clock.now();
    const future = await intervene(c.id, e.id, {
      measure: 'safe_place',
      takenAt: new Date(now.getTime() + HOUR).toISOString(),
    });
    expect([future.status, future.body.errors?.[0]?.field]).toEqual([400, 'takenAt']);
    const other = await intervene(c.id, e.id, { measure: 'other', takenAt: now.toISOString() });
    expect([other.status, other.body.errors?.[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'note', code: 'required' }),
    ]);
    const badMeasure = await intervene(c.id, e.id, {
      measure: 'prayer',
      takenAt: now.toISOString(),
    });
    expect([badMeasure.status, badMeasure.body.errors?.[0]?.field]).toEqual([400, 'measure']);
    const elsewhere = await childCase(9);
    expect(
      (await intervene(elsewhere.id, e.id, { measure: 'safe_place', takenAt: now.toISOString() }))
        .status,
    ).toBe(404);
    expect(
      (
        await intervene(
          c.id,
          e.id,
          { measure: 'safe_place', takenAt: now.toISOString() },
          otherCentre,
        )
      ).status,
    ).toBe(404);

    await advance(2 * HOUR);
    const done = await intervene(c.id, e.id, {
      measure: 'alternative_care',
      note: 'Đưa trẻ về ở với bà ngoại, công an xã đã biết',
      takenAt: new Date(now.getTime() + HOUR).toISOString(),
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({
      emergency: { status: 'met' },
      supportPlan: { status: 'pending' },
      intervention: {
        measure: 'alternative_care',
        note: 'Đưa trẻ về ở với bà ngoại, công an xã đã biết',
        takenAt: new Date(now.getTime() + HOUR).toISOString(),
      },
    });
    expect(done.body.intervention.recordedByName).toBeTruthy();
    const twice = await intervene(c.id, e.id, {
      measure: 'safe_place',
      takenAt: now.toISOString(),
    });
    expect([twice.status, twice.body.errors?.[0]?.code]).toEqual([409, 'already_intervened']);
    // The supervisor reads it; the read is in the case's access log.
    expect((await list(c.id, supervisor))[0]?.intervention?.measure).toBe('alternative_care');
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND action = 'child_emergency.read'`,
      [c.id],
    );
    expect(audit.n).toBeGreaterThan(0);

    // After the intervention a new danger is a new emergency; the support plan already due stands.
    const second = await mark(c.id, 'Người cha quay lại nhà bà ngoại, đe dọa trẻ');
    expect(second.status).toBe(201);
    expect(second.body.supportPlan).toBeNull();

    // The child's support plan is the case action plan: submitting a version meets the clock.
    const plan = await t.http
      .post(`/api/cases/${c.id}/plans`)
      .set(...bearer(caseworker))
      .send({
        baseVersion: null,
        submit: true,
        needs: [{ domain: 'children', text: 'An toàn cho trẻ' }],
        goals: [{ domain: 'safety', text: 'Trẻ ở nơi an toàn' }],
        actions: [
          {
            domain: 'safety',
            text: 'Thăm nhà',
            ownerAgencyId: null,
            dueOn: today(),
            status: 'planned',
          },
        ],
      });
    expect(plan.status).toBe(201);
    expect((await clocks(c.id)).map((r) => [r.kind, r.status])).toEqual([
      ['child_emergency', 'met'],
      ['child_support_plan', 'met'],
      ['child_emergency', 'pending'],
    ]);
  });

  it('a hotline call about a child in danger carries the urgency into the case: the clock counts from the call', async () => {
    const startedAt = new Date(clock.now().getTime() - 3 * HOUR);
    const handOver = async (patch: object) => {
      const call = await t.http
        .post('/api/calls')
        .set(...bearer(operator))
        .send(
          callBody({
            startedAt: startedAt.toISOString(),
            endedAt: new Date(startedAt.getTime() + 10 * 60_000).toISOString(),
            chairmanNotifiedAt: new Date(startedAt.getTime() + 15 * 60_000).toISOString(),
            notes: `Synthetic child call ${Math.random()}`,
            ...patch,
          }),
        );
      expect(call.status).toBe(201);
      const handed = await t.http
        .post(`/api/calls/${call.body.id}/hand-over`)
        .set(...bearer(operator))
        .send({ agencyId: DEMO_AGENCIES.socialWorkCentre.id });
      expect(handed.status).toBe(200);
      const queue = await t.http.get('/api/intake?limit=100').set(...bearer(caseworker));
      const item = queue.body.items.find(
        (i: { summary: string | null }) => i.summary === call.body.notes,
      );
      const opened = await t.http
        .post(`/api/intake/${item.id}/open-case`)
        .set(...bearer(caseworker))
        .send(
          openCaseBody({
            survivor: { dateOfBirth: bornYearsAgo(today(), 13) },
            consent: { givenBy: 'guardian', childAssent: true },
          }),
        );
      expect(opened.status).toBe(201);
      return { caseId: opened.body.id as string, callId: call.body.id as string };
    };

    const flagged = await handOver({ survivorAgeGroup: '12_15', dangerNow: true });
    const [e] = await list(flagged.caseId);
    expect(e).toMatchObject({ source: 'hotline', startedAt: startedAt.toISOString() });
    const [running] = await clocks(flagged.caseId);
    expect([running?.kind, running?.due_at.getTime()]).toEqual([
      'child_emergency',
      startedAt.getTime() + 12 * HOUR,
    ]);

    const calm = await handOver({ survivorAgeGroup: '12_15', dangerNow: false });
    expect(await clocks(calm.caseId)).toEqual([]);
  });

  it('12 hours without an intervention: the caseworker is reminded and the supervisors told, each once; the board shows it', async () => {
    const c = await childCase(7);
    const e = (await mark(c.id)).body as ChildEmergencyView;
    // Thirteen hours pass. BullMQ delays run on real time, so the queued jobs are dropped and the
    // worker's reconciler rebuilds them from PostgreSQL (as after losing Redis).
    await advance(13 * HOUR);
    await flushRedis(REDIS_URL);
    worker = await startTestWorker(t.config, clock);
    const sent = async () =>
      (await t.dataSource.query(
        `SELECT n.user_id, s.stage FROM notifications n
           JOIN deadline_stages s ON s.id = n.deadline_stage_id
           JOIN deadlines d ON d.id = s.deadline_id
          WHERE d.subject_id = $1 AND d.kind = 'child_emergency' ORDER BY s.stage, n.user_id`,
        [e.id],
      )) as { user_id: string; stage: string }[];
    // The centre has other supervisors (other suites): count this test's two people.
    const ours = async () =>
      (await sent()).filter((n) => [caseworker.id, supervisor.id].includes(n.user_id));
    await eventually(async () => (await ours()).length >= 2, 15_000, 'two child emergency stages');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mine = await ours();
    expect(mine.map((n) => [n.stage, n.user_id === caseworker.id ? 'cw' : 'sup'])).toEqual([
      ['escalation_due', 'sup'],
      ['reminder_halfway', 'cw'],
    ]);
    // Notifications carry codes, never the reason.
    const params = JSON.stringify(
      await t.dataSource.query(
        `SELECT n.params FROM notifications n JOIN deadline_stages s ON s.id = n.deadline_stage_id
           JOIN deadlines d ON d.id = s.deadline_id WHERE d.subject_id = $1`,
        [e.id],
      ),
    );
    expect(params).toContain(c.survivorCode);
    expect(params).not.toContain('người lớn');

    const board = await t.http
      .get('/api/deadlines?bucket=overdue&limit=100')
      .set(...bearer(supervisor));
    expect(board.status).toBe(200);
    expect(
      board.body.items.some(
        (d: { kind: string; subjectId: string }) =>
          d.kind === 'child_emergency' && d.subjectId === e.id,
      ),
    ).toBe(true);

    // Recorded late: the clock keeps the record, breached with the time it was met.
    const late = await intervene(c.id, e.id, {
      measure: 'police_protection',
      takenAt: clock.now().toISOString(),
    });
    expect(late.status).toBe(201);
    expect(late.body.emergency).toMatchObject({ status: 'breached' });
    expect(late.body.emergency.metAt).not.toBeNull();
  });
});
