import type { INestApplicationContext } from '@nestjs/common';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueName } from '@caunoi/shared/contracts';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { TestClock } from '../../../test-support/test-clock';
import { testRedisUrl } from '../../../test-support/test-env';
import { eventually, startTestWorker } from '../../../test-support/test-worker';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import { incident, openCaseBody, walkIn } from '../../../test-support/intake-fixtures';
import { DEMO_AGENCIES } from '../seed/demo-data';
import { Test } from '@nestjs/testing';
import { Clock } from '../../common/clock';
import { CoreModule } from '../../core.module';
import { DeadlinesModule } from './deadlines.module';
import { StageProcessor } from './stage-processor';
import { DeadlineReconciler } from './deadline-reconciler';
import { DeadlineScheduler } from './deadline-scheduler';
import { EnqueueFailuresRepository } from './enqueue-failures.repository';
import { StageBatcher } from '../jobs/stage-batcher';

type S = TestUser & Session;
/** A stage of a clock, whether it fired, and its notifications (all, and distinct users) and audit rows. */
interface Firing {
  deadlineId: string;
  stage: string;
  fired: boolean;
  notices: number;
  users: number;
  audits: number;
}
const DAY = 24 * 3600_000;
// A Redis database of its own, so FLUSHDB wipes this system's queues and nothing else on the machine.
const REDIS_URL = testRedisUrl(14);

describe('deadline engine on real Postgres and Redis', () => {
  let t: TestApp;
  let clock: TestClock;
  let workers: INestApplicationContext[] = [];
  let caseworker: S;
  let supervisor: S;
  let reporter: S;
  let redis: Redis;

  // Short worker locks, so a job whose worker died is taken over within seconds in these tests.
  const config = {
    REDIS_URL,
    QUEUE_PREFIX: `deadline-test-${process.pid}`,
    WORKER_LOCK_DURATION_MS: '1000',
    RECONCILE_INTERVAL_MS: '200',
  };

  beforeAll(async () => {
    clock = new TestClock();
    t = await createTestApp(config, clock);
    redis = new Redis(REDIS_URL);
    await redis.flushdb();
    [caseworker, supervisor, reporter] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
      signedIn(t, 'reporting_officer'),
    ]);
  });
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.close()));
    workers = [];
    clock.set(new Date());
  });
  afterAll(async () => {
    await redis.flushdb();
    redis.disconnect();
    await t.close();
  });

  const worker = async () => {
    const w = await startTestWorker(t.config, clock);
    workers.push(w);
    return w;
  };

  async function notificationsOf(
    caseId: string,
  ): Promise<{ user_id: string; kind: string; stage: string }[]> {
    return (await t.dataSource.query(
      `SELECT n.user_id, n.kind, s.stage FROM notifications n JOIN deadline_stages s ON s.id = n.deadline_stage_id
        WHERE n.case_id = $1 ORDER BY s.due_at, n.user_id`,
      [caseId],
    )) as { user_id: string; kind: string; stage: string }[];
  }

  /** An incident report clock's four stages: the reminders to the caseworker, the escalations up. */
  function expectEachStageToItsAudience(sent: { user_id: string; stage: string }[]): void {
    expect(sent.filter((n) => n.user_id === caseworker.id).map((n) => n.stage)).toEqual([
      'reminder_3d',
      'reminder_1d',
    ]);
    expect(sent.filter((n) => n.user_id === supervisor.id).map((n) => n.stage)).toEqual([
      'escalation_due',
    ]);
    expect(sent.filter((n) => n.user_id === reporter.id).map((n) => n.stage)).toEqual([
      'escalation_1d_after',
    ]);
  }

  async function seriousCase(
    discoveredDaysAgo: number,
  ): Promise<{ caseId: string; incidentId: string }> {
    const discovered = new Date(clock.now().getTime() - discoveredDaysAgo * DAY);
    const created = await walkIn(
      t,
      caseworker,
      openCaseBody({
        incident: incident({
          occurredAt: new Date(discovered.getTime() - DAY).toISOString(),
          discoveredAt: discovered.toISOString(),
          serious: true,
          seriousReasons: ['life_threatening_injury'],
        }),
      }),
    );
    const detail = await t.http.get(`/api/cases/${created.id}`).set(...bearer(caseworker));
    return { caseId: created.id, incidentId: detail.body.incidents[0].id as string };
  }

  it('a clock discovered 15 days ago escalates at once: every stage fires exactly once, and the clock is breached', async () => {
    const { caseId } = await seriousCase(15);
    const [deadline] = (await t.dataSource.query(
      `SELECT id, status, due_at FROM deadlines WHERE case_id = $1 AND kind = 'incident_report'`,
      [caseId],
    )) as {
      id: string;
      status: string;
      due_at: Date;
    }[];
    expect(deadline?.due_at.getTime()).toBeLessThan(clock.now().getTime());
    await worker();
    // Stages fire concurrently, in any order: wait for all four.
    await eventually(
      async () => new Set((await notificationsOf(caseId)).map((n) => n.stage)).size === 4,
      15_000,
      'escalation',
    );
    const sent = await notificationsOf(caseId);
    expectEachStageToItsAudience(sent);
    const [after] = (await t.dataSource.query(`SELECT status FROM deadlines WHERE id = $1`, [
      deadline?.id,
    ])) as { status: string }[];
    expect(after?.status).toBe('breached');
    // The caseworker's unread count shows it, and the text carries codes only.
    const unread = await t.http.get('/api/notifications/unread-count').set(...bearer(caseworker));
    expect(unread.body.unread).toBeGreaterThanOrEqual(2);
    const list = await t.http.get('/api/notifications').set(...bearer(caseworker));
    const mine = list.body.items.find((n: { link: string }) => n.link === `/cases/${caseId}`);
    expect(Object.keys(mine.params).sort()).toEqual([
      'deadlineKind',
      'dueAt',
      'stage',
      'survivorCode',
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/Nguyễn|Synthetic description/);
  });

  it('after FLUSHDB on Redis and a worker restart no pending stage is lost and nothing is sent twice', async () => {
    const { caseId } = await seriousCase(5); // due in ~5 days: the reminders lie in the future
    const queued = await redis.keys(`{${config.QUEUE_PREFIX}}:deadlines:deadline:*`);
    expect(queued.length).toBeGreaterThan(0);
    await redis.flushdb();
    // Time passes while nothing runs: the whole clock comes due.
    clock.advance(7 * DAY);
    await worker();
    const stagesNotified = async () => [
      ...new Set((await notificationsOf(caseId)).map((n) => n.stage)),
    ];
    await eventually(async () => (await stagesNotified()).length === 4, 15_000, 'all four stages');
    const firstCount = (await notificationsOf(caseId)).length;
    await Promise.all(workers.map((w) => w.close()));
    workers = [];
    await worker(); // restart: the reconciler runs again at start
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await stagesNotified()).toEqual([
      'reminder_3d',
      'reminder_1d',
      'escalation_due',
      'escalation_1d_after',
    ]);
    expect((await notificationsOf(caseId)).length).toBe(firstCount);
    const perUserAndStage = (await notificationsOf(caseId)).map((n) => `${n.user_id}:${n.stage}`);
    expect(new Set(perUserAndStage).size).toBe(perUserAndStage.length);
  });

  it('after FLUSHDB with the worker running, every pending stage gets its job back without a restart, and each fires once', async () => {
    await worker();
    const overdue = await seriousCase(5); // due in ~5 days
    const later = await seriousCase(0); // due in ~10 days
    const stageJobs = async (caseId: string) => {
      const stages = (await t.dataSource.query(
        `SELECT s.deadline_id, s.stage FROM deadline_stages s JOIN deadlines d ON d.id = s.deadline_id
          WHERE d.case_id = $1 AND d.kind = 'incident_report' AND s.fired_at IS NULL`,
        [caseId],
      )) as { deadline_id: string; stage: string }[];
      const present = await Promise.all(
        stages.map((s) =>
          redis.exists(`{${config.QUEUE_PREFIX}}:deadlines:deadline:${s.deadline_id}:${s.stage}`),
        ),
      );
      return { unfired: stages.length, queued: present.filter((n) => n === 1).length };
    };
    expect(await stageJobs(later.caseId)).toEqual({ unfired: 4, queued: 4 });

    // Time passes with the worker running; the jobs wait in Redis (BullMQ delays run on real time).
    clock.advance(7 * DAY);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a few ticks: nothing to do yet
    expect(await notificationsOf(overdue.caseId)).toEqual([]);

    await redis.flushdb();
    // No restart: the first clock, now due, fires once per stage...
    await eventually(
      async () => new Set((await notificationsOf(overdue.caseId)).map((n) => n.stage)).size === 4,
      15_000,
      'all four stages of the overdue clock',
    );
    // ...and every stage of the other clock has its job again, even those days away (beyond the
    // reconciler's usual two-hour horizon), as has the hourly maintenance job.
    await eventually(
      async () => {
        const { unfired, queued } = await stageJobs(later.caseId);
        return unfired > 0 && queued === unfired;
      },
      10_000,
      'the far stages re-created',
    );
    expect(
      (await redis.keys(`{${config.QUEUE_PREFIX}}:maintenance:repeat:*`)).length,
    ).toBeGreaterThan(0);
    const firstCount = (await notificationsOf(overdue.caseId)).length;
    await new Promise((resolve) => setTimeout(resolve, 1000)); // several more ticks
    const sent = (await notificationsOf(overdue.caseId)).map((n) => `${n.user_id}:${n.stage}`);
    expect(sent).toHaveLength(firstCount);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('two workers firing the same stage produce one notification', async () => {
    const { caseId } = await seriousCase(15);
    const [stage] = (await t.dataSource.query(
      `SELECT d.id AS "deadlineId" FROM deadlines d WHERE d.case_id = $1 AND d.kind = 'incident_report'`,
      [caseId],
    )) as { deadlineId: string }[];
    const [a, b] = [await startTestWorkerContextOnly(), await startTestWorkerContextOnly()];
    const results = await Promise.all([
      a.get(StageProcessor).fire(stage?.deadlineId as string, 'escalation_due'),
      b.get(StageProcessor).fire(stage?.deadlineId as string, 'escalation_due'),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['fired', 'nothing_to_do']);
    const escalations = (await notificationsOf(caseId)).filter((n) => n.stage === 'escalation_due');
    expect(escalations.filter((n) => n.user_id === supervisor.id)).toHaveLength(1);
    expect(new Set(escalations.map((n) => n.user_id)).size).toBe(escalations.length);
  });

  async function startTestWorkerContextOnly(): Promise<INestApplicationContext> {
    // The stage handler alone (no BullMQ loop or reconciler racing it), as each worker process runs it.
    const moduleRef = await Test.createTestingModule({
      imports: [CoreModule.forRoot(t.config), DeadlinesModule],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    workers.push(moduleRef);
    return moduleRef;
  }

  /** The clock's stages as jobs name them, and how many notifications and audit rows each has. */
  async function firingsOf(caseId: string): Promise<Firing[]> {
    return (await t.dataSource.query(
      `SELECT s.deadline_id AS "deadlineId", s.stage, s.fired_at IS NOT NULL AS fired,
              (SELECT count(*)::int FROM notifications n WHERE n.deadline_stage_id = s.id) AS notices,
              (SELECT count(DISTINCT n.user_id)::int FROM notifications n WHERE n.deadline_stage_id = s.id) AS users,
              (SELECT count(*)::int FROM audit_log a WHERE a.action = 'deadline.stage_fired'
                  AND a.subject_id = s.deadline_id::text AND a.details->>'stage' = s.stage) AS audits
         FROM deadline_stages s JOIN deadlines d ON d.id = s.deadline_id
        WHERE d.case_id = $1 AND d.kind = 'incident_report' ORDER BY s.due_at`,
      [caseId],
    )) as Firing[];
  }

  /** Fired, with one audit row and one notification per recipient (and at least one recipient). */
  const firedOnce = (f: Firing) =>
    f.fired && f.audits === 1 && f.notices >= 1 && f.notices === f.users;

  it('a batch fires its due stages in one go: each recipient notified once, one audit row per stage, a stage named twice or not yet due changes nothing', async () => {
    const overdue = await seriousCase(15); // all four stages due
    const partly = await seriousCase(8); // reminder_3d due, the rest in the days ahead
    const [a, b] = [await firingsOf(overdue.caseId), await firingsOf(partly.caseId)];
    const ref = (s: { deadlineId: string; stage: string }) => ({
      deadlineId: s.deadlineId,
      stage: s.stage,
    });
    const processor = (await startTestWorkerContextOnly()).get(StageProcessor);
    const batch = [...a.map(ref), ref(a[2] as (typeof a)[0]), ...b.slice(0, 2).map(ref)];
    const outcomes = await processor.fireMany(batch);
    expect(outcomes.map((o) => o.outcome)).toEqual([
      'fired',
      'fired',
      'fired',
      'fired',
      'nothing_to_do', // escalation_due named twice in the batch
      'fired',
      'not_due', // reminder_1d of the second clock, due tomorrow
    ]);
    expect(outcomes.slice(0, 4).every((o) => o.outcome === 'fired' && o.notified >= 1)).toBe(true);
    const sent = await notificationsOf(overdue.caseId);
    expectEachStageToItsAudience(sent);
    expect((await firingsOf(overdue.caseId)).filter((f) => !firedOnce(f))).toEqual([]);
    expect((await firingsOf(partly.caseId)).map((f) => [f.stage, f.fired, f.audits])).toEqual([
      ['reminder_3d', true, 1],
      ['reminder_1d', false, 0],
      ['escalation_due', false, 0],
      ['escalation_1d_after', false, 0],
    ]);
    const [status] = (await t.dataSource.query(`SELECT status FROM deadlines WHERE id = $1`, [
      a[0]?.deadlineId,
    ])) as { status: string }[];
    expect(status?.status).toBe('breached');

    // The same batch again (BullMQ delivered the jobs twice): nothing more is written.
    const again = await processor.fireMany(batch);
    expect(again.map((o) => o.outcome)).toEqual([...Array(6).fill('nothing_to_do'), 'not_due']);
    expect(await notificationsOf(overdue.caseId)).toHaveLength(sent.length);
    expect((await firingsOf(overdue.caseId)).every((f) => f.audits === 1)).toBe(true);
  });

  it('a batch whose connection is cut mid-way (its worker died) writes nothing, and firing its stages again sends each once', async () => {
    const { caseId } = await seriousCase(15);
    const refs = (await firingsOf(caseId)).map((f) => ({
      deadlineId: f.deadlineId,
      stage: f.stage,
    }));
    const processor = (await startTestWorkerContextOnly()).get(StageProcessor);
    // Another transaction holds the clock's row: the batch stops half-way, its notifications and
    // fired_at written but not committed, waiting to mark the clock breached.
    const holder = await t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT 1 FROM deadlines WHERE id = $1 FOR UPDATE`, [refs[0]?.deadlineId]);
      const batch = processor.fireMany(refs).then(
        () => 'committed',
        (error: Error) => error.message,
      );
      let blocked: { pid: number } | undefined;
      await eventually(
        async () => {
          [blocked] = (await t.dataSource.query(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE deadlines%'`,
          )) as { pid: number }[];
          return blocked !== undefined;
        },
        10_000,
        'the batch to wait on the clock row',
      );
      await t.dataSource.query(`SELECT pg_terminate_backend($1)`, [blocked?.pid]);
      expect(await batch).toMatch(/terminat/i);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect((await firingsOf(caseId)).map((f) => [f.fired, f.notices, f.audits])).toEqual([
      [false, 0, 0],
      [false, 0, 0],
      [false, 0, 0],
      [false, 0, 0],
    ]);

    // Another worker takes the jobs over: the stages fire, each once.
    const batcher = new StageBatcher(processor);
    const outcomes = await Promise.all(refs.map((r) => batcher.fire(r)));
    expect(outcomes.map((o) => o.outcome)).toEqual(Array(4).fill('fired'));
    expect((await firingsOf(caseId)).filter((f) => !firedOnce(f))).toEqual([]);
  });

  it('a batch with a stage that cannot fire falls back to one by one: only that job fails, the others fire once', async () => {
    const { caseId } = await seriousCase(15);
    const refs = (await firingsOf(caseId)).map((f) => ({
      deadlineId: f.deadlineId,
      stage: f.stage,
    }));
    const batcher = new StageBatcher((await startTestWorkerContextOnly()).get(StageProcessor));
    // A job whose data is not a stage (e.g. written by hand into Redis): PostgreSQL refuses the batch.
    const results = await Promise.all(
      [...refs, { deadlineId: 'not-a-uuid', stage: 'escalation_due' }].map((r) =>
        batcher.fire(r).then(
          (o) => o.outcome,
          () => 'failed',
        ),
      ),
    );
    expect(results).toEqual([...Array(4).fill('fired'), 'failed']);
    expect((await firingsOf(caseId)).filter((f) => !firedOnce(f))).toEqual([]);
  });

  it('each reconcile tick adds only the stages that came into its window, the whole window once after Redis refused a clock, and a lost job once overdue', async () => {
    const { caseId } = await seriousCase(5); // reminders due in days: outside the two-hour window
    const [first] = (await t.dataSource.query(
      `SELECT s.deadline_id, s.stage, s.due_at FROM deadline_stages s
         JOIN deadlines d ON d.id = s.deadline_id
        WHERE d.case_id = $1 AND d.kind = 'incident_report' ORDER BY s.due_at LIMIT 1`,
      [caseId],
    )) as { deadline_id: string; stage: string; due_at: Date }[];
    if (!first) throw new Error('the clock has no stage');
    const ctx = await startTestWorkerContextOnly(); // no BullMQ loop: nothing fires in this test
    const reconciler = ctx.get(DeadlineReconciler);
    const handed = jest.spyOn(ctx.get(DeadlineScheduler), 'schedule');
    // The stages of this clock that a pass handed to Redis (other suites' clocks share the database).
    const pass = async (run: () => Promise<number>) => {
      handed.mockClear();
      await run();
      return handed.mock.calls
        .flatMap(([stages]) => stages)
        .filter((s) => s.deadlineId === first.deadline_id)
        .map((s) => s.stage);
    };
    const at = (ms: number) => clock.set(new Date(first.due_at.getTime() + ms));

    at(-3 * 3600_000);
    expect(await pass(() => reconciler.reconcile())).toEqual([]); // worker start: not yet in the window
    at(-90 * 60_000);
    expect(await pass(() => reconciler.catchUp())).toEqual([first.stage]); // it came in
    at(-89 * 60_000);
    expect(await pass(() => reconciler.catchUp())).toEqual([]); // not again, every minute

    // The API could not reach Redis when it opened a clock: it says so, and the next tick re-adds the
    // whole window once.
    const refused = new DeadlineScheduler(
      { ...t.config, redisUrl: 'redis://127.0.0.1:1' },
      clock,
      ctx.get(EnqueueFailuresRepository),
    );
    try {
      expect(
        await refused.schedule([
          { deadlineId: first.deadline_id, stage: first.stage, dueAt: first.due_at },
        ]),
      ).toBe(0);
    } finally {
      await refused.onApplicationShutdown();
    }
    expect(await pass(() => reconciler.catchUp())).toEqual([first.stage]);
    expect(await pass(() => reconciler.catchUp())).toEqual([]);

    // Its instant passed a minute ago and it has not fired (here: no BullMQ worker): its job was lost,
    // so each tick adds it again until it fires.
    at(61_000);
    expect(await pass(() => reconciler.catchUp())).toEqual([first.stage]);
  });

  it('a job whose worker died mid-way is recovered by another worker and fires once', async () => {
    const { caseId } = await seriousCase(15); // four overdue stage jobs, waiting in Redis
    const [deadline] = (await t.dataSource.query(
      `SELECT id FROM deadlines WHERE case_id = $1 AND kind = 'incident_report'`,
      [caseId],
    )) as { id: string }[];
    // A worker takes the jobs and dies without finishing (no completion, its locks are not renewed).
    let taken = 0;
    const doomed = new Worker(
      QueueName.Deadlines,
      async () => {
        taken++;
        await new Promise(() => undefined);
      },
      // Same lock settings as the deployment under test (all workers share one configuration).
      {
        connection: { url: REDIS_URL },
        prefix: `{${config.QUEUE_PREFIX}}`,
        lockDuration: 1000,
        stalledInterval: 1000,
        concurrency: 8,
      },
    );
    await eventually(async () => taken >= 1, 10_000, 'the doomed worker to take a job');
    await doomed.close(true);
    expect(await notificationsOf(caseId)).toEqual([]);
    const w = await startTestWorker(t.config, clock);
    workers.push(w);
    await eventually(
      async () => new Set((await notificationsOf(caseId)).map((n) => n.stage)).size === 4,
      20_000,
      'recovery',
    );
    const [row] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM deadline_stages WHERE deadline_id = $1 AND fired_at IS NOT NULL`,
      [deadline?.id],
    )) as { n: number }[];
    expect(row?.n).toBe(4);
  });

  it('submitting the approved report meets the clock on time; nothing fires afterwards', async () => {
    const { caseId, incidentId } = await seriousCase(1);
    const base = `/api/cases/${caseId}/incidents/${incidentId}/report`;
    const draft = await t.http
      .post(base)
      .set(...bearer(caseworker))
      .send({
        servicesGiven: ['psychosocial_counselling'],
        narrative: 'Đã tư vấn, đã chuyển y tế.',
      });
    expect(draft.status).toBe(201);
    expect(draft.body.content).toMatchObject({
      gbvType: 'physical_assault',
      seriousReasons: ['life_threatening_injury'],
    });
    expect(JSON.stringify(draft.body.content)).not.toMatch(/Nguyễn/);
    expect((await t.http.post(`${base}/submit`).set(...bearer(caseworker))).status).toBe(409);
    expect((await t.http.post(`${base}/approve`).set(...bearer(caseworker))).status).toBe(403);
    expect((await t.http.post(`${base}/approve`).set(...bearer(supervisor))).status).toBe(200);
    const submitted = await t.http.post(`${base}/submit`).set(...bearer(caseworker));
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      onTime: true,
      recipientAgencyId: DEMO_AGENCIES.reportingAuthority.id,
    });
    expect(
      (
        await t.http
          .patch(base)
          .set(...bearer(caseworker))
          .send({ narrative: 'late edit' })
      ).status,
    ).toBe(409);
    const [d] = (await t.dataSource.query(
      `SELECT status FROM deadlines WHERE case_id = $1 AND kind = 'incident_report'`,
      [caseId],
    )) as { status: string }[];
    expect(d?.status).toBe('met');
    const open = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM deadline_stages s JOIN deadlines d ON d.id = s.deadline_id WHERE d.case_id = $1 AND d.kind = 'incident_report' AND s.fired_at IS NULL AND s.cancelled_at IS NULL`,
      [caseId],
    )) as { n: number }[];
    expect(open[0]?.n).toBe(0);

    // The case file lists every clock of the case: the report's, met, and the consent's, running.
    const clocks = await t.http.get(`/api/cases/${caseId}/deadlines`).set(...bearer(caseworker));
    const listed = clocks.body as { kind: string; status: string; subjectId: string }[];
    expect(
      listed.filter((c) => c.kind === 'incident_report').map((c) => [c.subjectId, c.status]),
    ).toEqual([[incidentId, 'met']]);
    const [consentClock] = (await t.dataSource.query(
      `SELECT kind FROM deadlines WHERE case_id = $1 AND kind <> 'incident_report' AND status = 'pending'`,
      [caseId],
    )) as { kind: string }[];
    expect(consentClock).toBeDefined();
    expect(listed.map((c) => c.kind)).toContain(consentClock?.kind);
    const unmark = await t.http
      .patch(`/api/cases/${caseId}/incidents/${incidentId}`)
      .set(...bearer(caseworker))
      .send({ serious: false, seriousReasons: [], unmarkReason: 'muộn' });
    expect(unmark.status).toBe(409);
    expect(unmark.body.errors[0].code).toBe('report_submitted');

    // The province's reporting officer sees it in the inbox and acknowledges it; another province's officer cannot.
    const inbox = await t.http.get('/api/incident-reports').set(...bearer(reporter));
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toContain(submitted.body.id);
    const otherProvince = (await t.dataSource.query(
      `INSERT INTO administrative_units (code, name, level) VALUES ('49', 'Tỉnh Khác Thử', 'province') ON CONFLICT DO NOTHING;
       INSERT INTO agencies (type, name, province_code) VALUES ('reporting_authority', 'Sở tổng hợp khác', '49') RETURNING id`,
    )) as unknown;
    void otherProvince;
    const [other] = (await t.dataSource.query(
      `SELECT id FROM agencies WHERE name = 'Sở tổng hợp khác'`,
    )) as { id: string }[];
    const stranger = await signedIn(t, 'reporting_officer', { agencyId: other?.id });
    expect(
      (
        await t.http
          .post(`/api/incident-reports/${submitted.body.id}/acknowledge`)
          .set(...bearer(stranger))
      ).status,
    ).toBe(404);
    expect((await t.http.get('/api/incident-reports').set(...bearer(stranger))).body.items).toEqual(
      [],
    );
    const ack = await t.http
      .post(`/api/incident-reports/${submitted.body.id}/acknowledge`)
      .set(...bearer(reporter));
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');
  });

  it('un-marking serious cancels the clock with the reason; the board shows open clocks by bucket', async () => {
    const { caseId, incidentId } = await seriousCase(5); // due in about five days: inside "this week"
    const board = await t.http.get('/api/deadlines?bucket=week').set(...bearer(caseworker));
    expect(board.status).toBe(200);
    const mine = board.body.items.find((d: { caseId: string }) => d.caseId === caseId);
    expect(mine).toMatchObject({ kind: 'incident_report', status: 'pending' });
    expect(mine.survivorCode).toMatch(/^DN-/);
    // Every page of this week's clocks: the board also carries other suites' consent, review, plan
    // and periodic-report clocks, so the case may be past the first hundred.
    const weekCases = async (who: Session): Promise<string[]> => {
      const found: string[] = [];
      let after: string | null = null;
      do {
        const page = await t.http
          .get('/api/deadlines')
          .query({ bucket: 'week', limit: 100, ...(after ? { after } : {}) })
          .set(...bearer(who));
        expect(page.status).toBe(200);
        found.push(...page.body.items.map((d: { caseId: string }) => d.caseId));
        after = page.body.nextCursor as string | null;
      } while (after);
      return found;
    };
    expect(await weekCases(await signedIn(t, 'caseworker'))).not.toContain(caseId);
    expect(await weekCases(supervisor)).toContain(caseId);
    const overdue = await t.http.get('/api/deadlines?bucket=overdue').set(...bearer(caseworker));
    expect(overdue.body.items.map((d: { caseId: string }) => d.caseId)).not.toContain(caseId);

    const res = await t.http
      .patch(`/api/cases/${caseId}/incidents/${incidentId}`)
      .set(...bearer(caseworker))
      .send({ serious: false, seriousReasons: [], unmarkReason: 'Không còn nguy hiểm' });
    expect(res.status).toBe(200);
    const [d] = (await t.dataSource.query(
      `SELECT status, cancel_reason FROM deadlines WHERE case_id = $1 AND kind = 'incident_report'`,
      [caseId],
    )) as { status: string; cancel_reason: string }[];
    expect(d).toEqual({ status: 'cancelled', cancel_reason: 'Không còn nguy hiểm' });
    expect(
      (await t.http.get('/api/deadlines?bucket=open').set(...bearer(caseworker))).body.items
        .filter((x: { kind: string }) => x.kind === 'incident_report')
        .map((x: { caseId: string }) => x.caseId),
    ).not.toContain(caseId);
  });

  it('a holiday added on the due day moves the clock to the next working day and says how many moved', async () => {
    const { caseId } = await seriousCase(0);
    const [before] = (await t.dataSource.query(
      `SELECT due_at FROM deadlines WHERE case_id = $1 AND kind = 'incident_report' AND status = 'pending'`,
      [caseId],
    )) as { due_at: Date }[];
    // The last day of the period is the Vietnam date just before the due instant.
    const lastDay = new Date((before?.due_at.getTime() ?? 0) + 7 * 3600_000 - 1)
      .toISOString()
      .slice(0, 10);
    const admin = await signedIn(t, 'admin');
    const existing = await t.http
      .get(`/api/holidays?year=${lastDay.slice(0, 4)}`)
      .set(...bearer(admin));
    if (existing.body.some((h: { date: string }) => h.date === lastDay))
      await t.http.delete(`/api/holidays/${lastDay}`).set(...bearer(admin));
    const added = await t.http
      .post('/api/holidays')
      .set(...bearer(admin))
      .send({ date: lastDay, kind: 'public_holiday', name: 'Ngày nghỉ thử nghiệm' });
    expect(added.status).toBe(201);
    expect(added.body.deadlinesRecomputed).toBeGreaterThanOrEqual(1);
    const [after] = (await t.dataSource.query(
      `SELECT due_at FROM deadlines WHERE case_id = $1 AND kind = 'incident_report' AND status = 'pending'`,
      [caseId],
    )) as { due_at: Date }[];
    expect(after?.due_at.getTime()).toBeGreaterThan(before?.due_at.getTime() ?? 0);
    const removed = await t.http.delete(`/api/holidays/${lastDay}`).set(...bearer(admin));
    expect(removed.status).toBe(200);
    const [back] = (await t.dataSource.query(
      `SELECT due_at FROM deadlines WHERE case_id = $1 AND kind = 'incident_report' AND status = 'pending'`,
      [caseId],
    )) as { due_at: Date }[];
    expect(back?.due_at.getTime()).toBe(before?.due_at.getTime());
  });

  it('the calendar refuses duplicate dates, dates outside 2000-2100 and non-admins', async () => {
    const admin = await signedIn(t, 'admin');
    const dup = await t.http
      .post('/api/holidays')
      .set(...bearer(admin))
      .send({ date: '2026-09-02', kind: 'public_holiday', name: 'Quốc khánh' });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0]).toMatchObject({ field: 'date', code: 'duplicate_date' });
    const old = await t.http
      .post('/api/holidays')
      .set(...bearer(admin))
      .send({ date: '1999-12-31', kind: 'public_holiday', name: 'X' });
    expect(old.status).toBe(400);
    expect(old.body.errors[0]).toMatchObject({ field: 'date', code: 'out_of_range' });
    expect(
      (
        await t.http
          .post('/api/holidays')
          .set(...bearer(caseworker))
          .send({ date: '2030-01-02', kind: 'public_holiday', name: 'X' })
      ).status,
    ).toBe(403);
    const list = await t.http.get('/api/holidays?year=2026').set(...bearer(caseworker));
    expect(list.body.map((d: { date: string }) => d.date)).toEqual(
      expect.arrayContaining(['2026-01-01', '2026-04-30', '2026-09-02']),
    );
  });

  it('a discovery time in the future is refused', async () => {
    const res = await t.http
      .post('/api/cases')
      .set(...bearer(caseworker))
      .send(
        openCaseBody({
          incident: incident({
            discoveredAt: new Date(clock.now().getTime() + DAY).toISOString(),
            serious: true,
            seriousReasons: ['other'],
          }),
        }),
      );
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'incident.discoveredAt', code: 'in_future' });
  });
});
