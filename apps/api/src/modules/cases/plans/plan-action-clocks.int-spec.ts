import type { INestApplicationContext } from '@nestjs/common';
import type { CasePlanView } from '@caunoi/shared/contracts';
import { addDaysToDate, vietnamDateOf } from '@caunoi/shared/domain';
import { UnitOfWork } from '../../../database/unit-of-work';
import { DeadlinesService } from '../../deadlines/deadlines.service';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import { TestClock } from '../../../../test-support/test-clock';
import { testRedisUrl } from '../../../../test-support/test-env';
import { eventually, flushRedis, workerAfter } from '../../../../test-support/test-worker';
import type { Session, TestUser } from '../../../../test-support/factories';
import { bearer, login, signedIn } from '../../../../test-support/factories';
import { openCaseBody, walkIn } from '../../../../test-support/intake-fixtures';

type S = TestUser & Session;
const DAY = 24 * 3600_000;
// A Redis database of its own: the worker's queues here are this suite's alone.
const REDIS_URL = testRedisUrl(9);

interface ClockRow {
  subject_id: string;
  status: string;
  cancel_reason: string | null;
  met_at: Date | null;
  due_at: Date;
}
interface Action {
  id?: string;
  domain: string;
  text: string;
  ownerAgencyId: string | null;
  dueOn: string;
  status: string;
}

describe('case plan actions: each open action runs a clock that the plan’s versions start, meet and end', () => {
  let t: TestApp;
  let clock: TestClock;
  let worker: INestApplicationContext | null = null;
  let caseworker: S;
  let supervisor: S;

  beforeAll(async () => {
    clock = new TestClock();
    t = await createTestApp(
      { REDIS_URL, QUEUE_PREFIX: `plan-actions-${process.pid}`, RECONCILE_INTERVAL_MS: '200' },
      clock,
    );
    await flushRedis(REDIS_URL);
    [caseworker, supervisor] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
    ]);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const inDays = (days: number) => addDaysToDate(vietnamDateOf(clock.now()), days);
  const action = (text: string, dueOn: string, status = 'planned'): Action => ({
    domain: 'safety',
    text,
    ownerAgencyId: null,
    dueOn,
    status,
  });
  const save = (caseId: string, baseVersion: number | null, actions: Action[]) =>
    t.http
      .post(`/api/cases/${caseId}/plans`)
      .set(...bearer(caseworker))
      .send({
        baseVersion,
        submit: false,
        needs: [{ domain: 'safety', text: 'Cần nơi ở an toàn (synthetic)' }],
        goals: [{ domain: 'safety', text: 'Có nơi ở an toàn' }],
        actions,
      });
  const clocks = async (caseId: string): Promise<ClockRow[]> =>
    (await t.dataSource.query(
      `SELECT subject_id, status, cancel_reason, met_at, due_at FROM deadlines
        WHERE case_id = $1 AND kind = 'plan_action' ORDER BY created_at, id`,
      [caseId],
    )) as ClockRow[];
  // Clocks a save starts share its transaction's created_at: compare them as sets.
  const unordered = (rows: unknown[][]): unknown[][] =>
    [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const byId = (plan: CasePlanView) =>
    Object.fromEntries(plan.content.actions.map((a) => [a.text, a as Action]));

  it('starts a clock per open action, meets it when done, ends it when re-dated, cancelled or removed', async () => {
    const c = await walkIn(t, caseworker, openCaseBody({ incident: null }));
    const v1 = await save(c.id, null, [
      action('A', inDays(10)),
      action('B', inDays(5), 'in_progress'),
      action('C', inDays(3), 'done'),
    ]);
    expect(v1.status).toBe(201);
    const a1 = byId(v1.body);
    // The API gives every action its identity.
    expect(Object.values(a1).every((a) => /^[0-9a-f-]{36}$/.test(a.id ?? ''))).toBe(true);
    expect(unordered((await clocks(c.id)).map((r) => [r.subject_id, r.status]))).toEqual(
      unordered([
        [a1['A']?.id, 'pending'],
        [a1['B']?.id, 'pending'],
      ]),
    );

    // Version 2: A done, B given another date, a new action D.
    const v2 = await save(c.id, 1, [
      { ...(a1['A'] as Action), status: 'done' },
      { ...(a1['B'] as Action), dueOn: inDays(8) },
      a1['C'] as Action,
      action('D', inDays(2)),
    ]);
    expect(v2.status).toBe(201);
    const a2 = byId(v2.body);
    expect(a2['A']?.id).toBe(a1['A']?.id);
    expect(a2['B']?.id).toBe(a1['B']?.id);
    expect(
      unordered(
        (await clocks(c.id)).map((r) => [
          r.subject_id,
          r.status,
          r.cancel_reason,
          r.met_at !== null,
        ]),
      ),
    ).toEqual(
      unordered([
        [a1['A']?.id, 'met', null, true],
        [a1['B']?.id, 'cancelled', 'due_changed', false],
        [a1['B']?.id, 'pending', null, false],
        [a2['D']?.id, 'pending', null, false],
      ]),
    );

    // Version 3: B cancelled, D removed.
    const v3 = await save(c.id, 2, [
      a2['A'] as Action,
      { ...(a2['B'] as Action), status: 'cancelled' },
      a2['C'] as Action,
    ]);
    expect(v3.status).toBe(201);
    const rows = await clocks(c.id);
    expect(unordered(rows.map((r) => [r.status, r.cancel_reason]))).toEqual(
      unordered([
        ['met', null],
        ['cancelled', 'due_changed'],
        ['cancelled', 'action_cancelled'],
        ['cancelled', 'action_removed'],
      ]),
    );
    // Cancelled clocks leave no stage to fire.
    const [unfired] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM deadline_stages s JOIN deadlines d ON d.id = s.deadline_id
        WHERE d.case_id = $1 AND d.kind = 'plan_action' AND s.fired_at IS NULL AND s.cancelled_at IS NULL`,
      [c.id],
    );
    expect(unfired.n).toBe(0);
  });

  it('refuses an action id that is not in the version the plan was made from, naming the field (400)', async () => {
    const c = await walkIn(t, caseworker, openCaseBody({ incident: null }));
    const v1 = await save(c.id, null, [action('A', inDays(4))]);
    const a = byId(v1.body)['A'] as Action;
    const unknown = await save(c.id, 1, [
      a,
      { ...action('B', inDays(4)), id: '5f0c3a4e-7d6b-4c1a-9e2f-0a1b2c3d4e5f' },
    ]);
    expect([unknown.status, unknown.body.errors?.[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'actions.1.id', code: 'unknown_action' }),
    ]);
    const twice = await save(c.id, 1, [a, a]);
    expect([twice.status, twice.body.errors?.[0]?.field]).toEqual([400, 'actions.1.id']);
    const bad = await save(c.id, 1, [{ ...a, id: 'not-a-uuid' }]);
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'actions.0.id']);
    // Nothing written by the refused saves: still one clock, pending.
    expect((await clocks(c.id)).map((r) => r.status)).toEqual(['pending']);
  });

  it('closing the case ends the actions’ clocks with the others', async () => {
    const c = await walkIn(t, caseworker, openCaseBody({ incident: null }));
    await save(c.id, null, [action('A', inDays(4))]);
    // The closure flow's own call (its preconditions are case-closure.int-spec's business).
    await t.app
      .get(UnitOfWork)
      .run((tx) => t.app.get(DeadlinesService).cancelAllForCase(tx, c.id, 'case_closed'));
    expect((await clocks(c.id)).map((r) => [r.status, r.cancel_reason])).toEqual([
      ['cancelled', 'case_closed'],
    ]);
  });

  it('an overdue action reminds the caseworker and tells the supervisors, each once, even after Redis lost its jobs; done late stays breached', async () => {
    const c = await walkIn(t, caseworker, openCaseBody({ incident: null }));
    const v1 = await save(c.id, null, [action('A', inDays(2))]);
    expect(v1.status).toBe(201);
    const a = byId(v1.body)['A'] as Action;

    // Five days pass. BullMQ delays run on real time, so the queued jobs are dropped and the
    // worker's reconciler rebuilds them from PostgreSQL (as after losing Redis).
    worker = await workerAfter(t.config, clock, 5 * DAY);
    const sent = async () =>
      (await t.dataSource.query(
        `SELECT n.user_id, s.stage, n.params FROM notifications n
           JOIN deadline_stages s ON s.id = n.deadline_stage_id
           JOIN deadlines d ON d.id = s.deadline_id
          WHERE n.case_id = $1 AND d.kind = 'plan_action' ORDER BY s.stage, n.user_id`,
        [c.id],
      )) as { user_id: string; stage: string; params: Record<string, unknown> }[];
    await eventually(
      async () => {
        const ours = (await sent()).filter((n) =>
          [caseworker.id, supervisor.id].includes(n.user_id),
        );
        return ours.length >= 2;
      },
      15_000,
      'the plan action stages',
    );
    // A second reconcile pass and more time change nothing.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const mine = (await sent()).filter((n) => [caseworker.id, supervisor.id].includes(n.user_id));
    expect(mine.map((n) => [n.stage, n.user_id === caseworker.id ? 'cw' : 'sup'])).toEqual([
      ['escalation_due', 'sup'],
      ['reminder_1d', 'cw'],
    ]);
    // Codes only: the action's text is not in a notification.
    expect(JSON.stringify(mine.map((n) => n.params))).not.toContain('synthetic');
    expect(JSON.stringify(mine.map((n) => n.params))).not.toContain('"A"');
    expect((await clocks(c.id)).map((r) => r.status)).toEqual(['breached']);

    supervisor = { ...supervisor, ...(await login(t, supervisor.username)) };
    caseworker = { ...caseworker, ...(await login(t, caseworker.username)) };
    const board = await t.http
      .get('/api/deadlines?bucket=overdue&limit=100')
      .set(...bearer(supervisor));
    expect(board.status).toBe(200);
    expect(
      board.body.items.some(
        (d: { kind: string; subjectId: string }) =>
          d.kind === 'plan_action' && d.subjectId === a.id,
      ),
    ).toBe(true);

    const done = await save(c.id, 1, [{ ...a, status: 'done' }]);
    expect(done.status).toBe(201);
    const [row] = await clocks(c.id);
    expect([row?.status, row?.met_at !== null]).toEqual(['breached', true]);
  });
});
