import type { INestApplicationContext } from '@nestjs/common';
import type { RiskInstrumentView } from '@caunoi/shared/contracts';
import { addDaysToDate, vietnamDateOf } from '@caunoi/shared/domain';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import { TestClock } from '../../../../test-support/test-clock';
import { testRedisUrl } from '../../../../test-support/test-env';
import { eventually, flushRedis, workerAfter } from '../../../../test-support/test-worker';
import type { Session, TestUser } from '../../../../test-support/factories';
import { bearer, login, signedIn } from '../../../../test-support/factories';
import { incident, walkIn } from '../../../../test-support/intake-fixtures';

type S = TestUser & Session;
const DAY = 24 * 3600_000;
// A Redis database of its own: the worker's queues here are this suite's alone.
const REDIS_URL = testRedisUrl(11);

interface ClockRow {
  kind: string;
  status: string;
  subject_type: string;
  due_at: Date;
  met_at: Date | null;
  cancel_reason: string | null;
}

describe('case review clocks: reassessment by risk level and after an incident, safety plan review', () => {
  let t: TestApp;
  let clock: TestClock;
  let worker: INestApplicationContext | null = null;
  let caseworker: S;
  let supervisor: S;
  let adult: RiskInstrumentView;

  beforeAll(async () => {
    clock = new TestClock();
    t = await createTestApp(
      {
        REDIS_URL,
        QUEUE_PREFIX: `review-clocks-${process.pid}`,
        RECONCILE_INTERVAL_MS: '200',
        REASSESSMENT_DAYS: 'high:7,medium:30,low:90',
      },
      clock,
    );
    await flushRedis(REDIS_URL);
    [caseworker, supervisor] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
    ]);
    const list = await t.http.get('/api/risk-instruments').set(...bearer(caseworker));
    adult = (list.body as RiskInstrumentView[]).find(
      (i) => i.audience === 'adult',
    ) as RiskInstrumentView;
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const answers = (yes: string[]) =>
    Object.fromEntries(
      adult.content.items.map((item) => [
        item.key,
        item.kind === 'yes_no' ? yes.includes(item.key) : 0,
      ]),
    );
  const assess = async (caseId: string, yes: string[]) => {
    const res = await t.http
      .post(`/api/cases/${caseId}/assessments`)
      .set(...bearer(caseworker))
      .send({ instrumentId: adult.id, answers: answers(yes) });
    expect(res.status).toBe(201);
    return res.body as { id: string; level: string };
  };
  const clocks = async (caseId: string, kind: string): Promise<ClockRow[]> =>
    (await t.dataSource.query(
      `SELECT kind, status, subject_type, due_at, met_at, cancel_reason FROM deadlines
        WHERE case_id = $1 AND kind = $2 ORDER BY created_at, id`,
      [caseId, kind],
    )) as ClockRow[];
  const daysFromNow = (at: Date) => (at.getTime() - clock.now().getTime()) / DAY;

  it('each assessment meets the running clock and starts the next by its level; a new incident brings it forward', async () => {
    const c = await walkIn(t, caseworker);
    await assess(c.id, ['escalation', 'separation', 'fear_of_death', 'sexual_violence']); // 8: medium
    let rows = await clocks(c.id, 'risk_reassessment');
    expect(rows.map((r) => r.status)).toEqual(['pending']);
    expect(daysFromNow(rows[0]?.due_at as Date)).toBeGreaterThan(30);
    expect(daysFromNow(rows[0]?.due_at as Date)).toBeLessThan(36);

    await assess(c.id, ['weapon']); // critical: high, 7 days
    rows = await clocks(c.id, 'risk_reassessment');
    expect(rows.map((r) => [r.status, r.met_at !== null])).toEqual([
      ['met', true],
      ['pending', false],
    ]);
    expect(daysFromNow(rows[1]?.due_at as Date)).toBeLessThan(12);

    const added = await t.http
      .post(`/api/cases/${c.id}/incidents`)
      .set(...bearer(caseworker))
      .send(incident());
    expect(added.status).toBe(201);
    rows = await clocks(c.id, 'risk_reassessment');
    expect(rows.map((r) => [r.status, r.subject_type, r.cancel_reason])).toEqual([
      ['met', 'RiskAssessment', null],
      ['cancelled', 'RiskAssessment', 'new_incident'],
      ['pending', 'Incident', null],
    ]);
    expect(daysFromNow(rows[2]?.due_at as Date)).toBeLessThan(3);
  });

  it('correcting the latest assessment to a higher level brings the review forward; lowering it never pushes it later', async () => {
    const c = await walkIn(t, caseworker);
    const first = await assess(c.id, ['escalation']); // low: 90 days
    const correct = async (yes: string[], version: number) => {
      const res = await t.http
        .put(`/api/cases/${c.id}/assessments/${first.id}`)
        .set(...bearer(caseworker))
        .send({ answers: answers(yes), reason: 'ticked the wrong box', version });
      expect(res.status).toBe(200);
      return res.body as { level: string };
    };
    expect(
      daysFromNow((await clocks(c.id, 'risk_reassessment'))[0]?.due_at as Date),
    ).toBeGreaterThan(80);

    expect((await correct(['escalation', 'weapon'], 1)).level).toBe('high');
    let rows = await clocks(c.id, 'risk_reassessment');
    expect(rows.map((r) => [r.status, r.cancel_reason])).toEqual([
      ['cancelled', 'risk_assessment_corrected'],
      ['pending', null],
    ]);
    expect(daysFromNow(rows[1]?.due_at as Date)).toBeLessThan(12);

    expect((await correct(['escalation'], 2)).level).toBe('low');
    rows = await clocks(c.id, 'risk_reassessment');
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'pending']);
    expect(daysFromNow(rows[1]?.due_at as Date)).toBeLessThan(12);
  });

  it('an unassessed case gets no reassessment clock from an incident', async () => {
    const c = await walkIn(t, caseworker);
    await t.http
      .post(`/api/cases/${c.id}/incidents`)
      .set(...bearer(caseworker))
      .send(incident());
    expect(await clocks(c.id, 'risk_reassessment')).toEqual([]);
  });

  it('a missed reassessment reminds the caseworker and tells the supervisors, each once; the late assessment ends it as breached', async () => {
    const c = await walkIn(t, caseworker);
    await assess(c.id, ['strangulation']); // high: due in 7 days
    const plan = await t.http
      .post(`/api/cases/${c.id}/safety-plans`)
      .set(...bearer(caseworker))
      .send({
        baseVersion: null,
        sections: { hotlines: '111' },
        reviewOn: addDaysToDate(vietnamDateOf(clock.now()), 5),
      });
    expect(plan.status).toBe(201);
    const review = await clocks(c.id, 'safety_plan_review');
    expect(review.map((r) => r.status)).toEqual(['pending']);
    // Due at the end of the review day (24:00 Vietnam time), or the next working day.
    expect(daysFromNow(review[0]?.due_at as Date)).toBeGreaterThan(5);

    // Twelve days pass. BullMQ delays run on real time, so the queued jobs are dropped and the
    // worker's reconciler rebuilds them from PostgreSQL on the moved clock (as after losing Redis).
    worker = await workerAfter(t.config, clock, 12 * DAY);
    const sent = async () =>
      (await t.dataSource.query(
        `SELECT n.user_id, d.kind, s.stage FROM notifications n
           JOIN deadline_stages s ON s.id = n.deadline_stage_id
           JOIN deadlines d ON d.id = s.deadline_id
          WHERE n.case_id = $1 ORDER BY d.kind, s.stage, n.user_id`,
        [c.id],
      )) as { user_id: string; kind: string; stage: string }[];
    // Every supervisor of the centre hears an escalation: wait for the four stages, not four rows.
    await eventually(
      async () => new Set((await sent()).map((n) => `${n.kind}.${n.stage}`)).size === 4,
      15_000,
      'four review stages',
    );
    // Give a second delivery the chance to show up, then check each went once.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mine = (await sent()).filter((n) => [caseworker.id, supervisor.id].includes(n.user_id));
    expect(mine.map((n) => [n.kind, n.stage, n.user_id === caseworker.id ? 'cw' : 'sup'])).toEqual([
      ['risk_reassessment', 'escalation_2d_after', 'sup'],
      ['risk_reassessment', 'reminder_1d', 'cw'],
      ['safety_plan_review', 'escalation_2d_after', 'sup'],
      ['safety_plan_review', 'reminder_1d', 'cw'],
    ]);
    expect((await clocks(c.id, 'risk_reassessment')).map((r) => r.status)).toEqual(['breached']);

    // Twelve days on, the caseworker signs in again and reassesses, late.
    caseworker = { ...caseworker, ...(await login(t, caseworker.username)) };
    await assess(c.id, []);
    const rows = await clocks(c.id, 'risk_reassessment');
    expect(rows.map((r) => [r.status, r.met_at !== null])).toEqual([
      ['breached', true],
      ['pending', false],
    ]);
  });
});
