import type { INestApplicationContext } from '@nestjs/common';
import { addDaysToDate, vietnamDateOf } from '@caunoi/shared/domain';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import { TestClock } from '../../../../test-support/test-clock';
import { testRedisUrl } from '../../../../test-support/test-env';
import { eventually, flushRedis, workerAfter } from '../../../../test-support/test-worker';
import type { Session, TestUser } from '../../../../test-support/factories';
import { bearer, login, signedIn } from '../../../../test-support/factories';
import { walkIn } from '../../../../test-support/intake-fixtures';

type S = TestUser & Session;
const DAY = 24 * 3600_000;
// A Redis database of its own: the worker's queues here are this suite's alone.
const REDIS_URL = testRedisUrl(15);

interface ClockRow {
  subject_id: string;
  status: string;
  due_at: Date;
}

describe('follow-up contacts: each with a clock that planning starts, the outcome meets, and fires once', () => {
  let t: TestApp;
  let clock: TestClock;
  let worker: INestApplicationContext | null = null;
  let caseworker: S;
  let supervisor: S;

  beforeAll(async () => {
    clock = new TestClock();
    t = await createTestApp(
      { REDIS_URL, QUEUE_PREFIX: `follow-ups-${process.pid}`, RECONCILE_INTERVAL_MS: '200' },
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

  const today = () => vietnamDateOf(clock.now());
  const plan = (caseId: string, body: object) =>
    t.http
      .post(`/api/cases/${caseId}/follow-ups`)
      .set(...bearer(caseworker))
      .send(body);
  const record = (caseId: string, id: string, body: object) =>
    t.http
      .post(`/api/cases/${caseId}/follow-ups/${id}/outcome`)
      .set(...bearer(caseworker))
      .send(body);
  const clocks = async (caseId: string): Promise<ClockRow[]> =>
    (await t.dataSource.query(
      `SELECT subject_id, status, due_at FROM deadlines
        WHERE case_id = $1 AND kind = 'follow_up' ORDER BY created_at, id`,
      [caseId],
    )) as ClockRow[];

  it('planning starts a clock, the outcome meets it and plans the next contact with its own', async () => {
    const c = await walkIn(t, caseworker);
    const first = await plan(c.id, { plannedOn: addDaysToDate(today(), 3), method: 'phone' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'planned', method: 'phone', outcome: null });
    expect((await clocks(c.id)).map((r) => [r.subject_id, r.status])).toEqual([
      [first.body.id, 'pending'],
    ]);

    const done = await record(c.id, first.body.id, {
      outcome: 'reached',
      note: 'Đã gọi, chị an toàn',
      nextOn: addDaysToDate(today(), 14),
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({
      status: 'done',
      outcome: 'reached',
      note: 'Đã gọi, chị an toàn',
    });
    const rows = await clocks(c.id);
    expect(rows.map((r) => [r.subject_id, r.status])).toEqual([
      [first.body.id, 'met'],
      [done.body.nextFollowUpId, 'pending'],
    ]);

    const list = await t.http.get(`/api/cases/${c.id}/follow-ups`).set(...bearer(supervisor));
    expect(list.status).toBe(200);
    expect(list.body.map((f: { status: string; method: string }) => [f.status, f.method])).toEqual([
      ['planned', 'phone'],
      ['done', 'phone'],
    ]);
    // The note is encrypted at rest.
    const [stored] = await t.dataSource.query(
      `SELECT note_enc FROM case_follow_ups WHERE id = $1`,
      [first.body.id],
    );
    expect(stored.note_enc).not.toContain('an toàn');
  });

  it('refuses a past date (400), a second outcome (409) and a contact of another case (404)', async () => {
    const c = await walkIn(t, caseworker);
    const other = await walkIn(t, caseworker);
    const past = await plan(c.id, { plannedOn: addDaysToDate(today(), -1), method: 'phone' });
    expect([past.status, past.body.errors?.[0]?.field]).toEqual([400, 'plannedOn']);
    expect((await plan(c.id, { plannedOn: today(), method: 'fax' })).status).toBe(400);
    const f = await plan(c.id, { plannedOn: today(), method: 'home_visit' });
    expect(f.status).toBe(201);
    expect((await record(other.id, f.body.id, { outcome: 'reached' })).status).toBe(404);
    const far = await record(c.id, f.body.id, { outcome: 'reached', nextOn: '2099-01-01' });
    expect([far.status, far.body.errors?.[0]?.field]).toEqual([400, 'nextOn']);
    expect((await record(c.id, f.body.id, { outcome: 'not_reached' })).status).toBe(201);
    const again = await record(c.id, f.body.id, { outcome: 'reached' });
    expect([again.status, again.body.errors?.[0]?.code]).toEqual([409, 'already_recorded']);
  });

  it('a missed contact reminds the caseworker and tells the supervisors, each once; the late outcome ends it as breached', async () => {
    const c = await walkIn(t, caseworker);
    const f = await plan(c.id, { plannedOn: addDaysToDate(today(), 2), method: 'home_visit' });
    expect(f.status).toBe(201);

    // Five days pass. BullMQ delays run on real time, so the queued jobs are dropped and the
    // worker's reconciler rebuilds them from PostgreSQL on the moved clock (as after losing Redis).
    worker = await workerAfter(t.config, clock, 5 * DAY);
    const sent = async () =>
      (await t.dataSource.query(
        `SELECT n.user_id, s.stage FROM notifications n
           JOIN deadline_stages s ON s.id = n.deadline_stage_id
           JOIN deadlines d ON d.id = s.deadline_id
          WHERE n.case_id = $1 AND d.kind = 'follow_up' ORDER BY s.stage, n.user_id`,
        [c.id],
      )) as { user_id: string; stage: string }[];
    await eventually(async () => (await sent()).length >= 2, 15_000, 'two follow-up stages');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mine = (await sent()).filter((n) => [caseworker.id, supervisor.id].includes(n.user_id));
    expect(mine.map((n) => [n.stage, n.user_id === caseworker.id ? 'cw' : 'sup'])).toEqual([
      ['escalation_due', 'sup'],
      ['reminder_1d', 'cw'],
    ]);
    expect((await clocks(c.id)).map((r) => r.status)).toEqual(['breached']);

    // Five days on, both sign in again. The overdue contact is on the supervisor's deadline board.
    caseworker = { ...caseworker, ...(await login(t, caseworker.username)) };
    supervisor = { ...supervisor, ...(await login(t, supervisor.username)) };
    const board = await t.http
      .get('/api/deadlines?bucket=overdue&limit=100')
      .set(...bearer(supervisor));
    expect(board.status).toBe(200);
    expect(
      board.body.items.some(
        (d: { kind: string; subjectId: string }) =>
          d.kind === 'follow_up' && d.subjectId === f.body.id,
      ),
    ).toBe(true);

    const late = await record(c.id, f.body.id, { outcome: 'reached' });
    expect(late.status).toBe(201);
    const rows = await clocks(c.id);
    expect(rows.map((r) => r.status)).toEqual(['breached']);
    const [metAt] = await t.dataSource.query(`SELECT met_at FROM deadlines WHERE subject_id = $1`, [
      f.body.id,
    ]);
    expect(metAt.met_at).not.toBeNull();
  });
});
