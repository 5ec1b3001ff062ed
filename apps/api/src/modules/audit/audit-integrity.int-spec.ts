import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Client } from 'pg';
import type { AuditRowContent } from '@caunoi/shared/domain';
import { AUDIT_GENESIS_HASH, chainAuditRows } from '@caunoi/shared/domain';
import type { CliIo } from '../../cli/cli-command';
import { auditBaselineCommand } from '../../cli/audit-baseline.command';
import { auditVerifyCommand } from '../../cli/audit-verify.command';
import { createUser, signedIn } from '../../../test-support/factories';
import type { Session, TestUser } from '../../../test-support/factories';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { ScratchDatabase } from '../../../test-support/test-database';
import {
  createScratchDatabase,
  migrateTestDatabase,
  withOwnerClient,
} from '../../../test-support/test-database';
import { eventually, startTestWorker } from '../../../test-support/test-worker';
import { AuditCheckpointMarks } from './audit-checkpoint-marks';
import { sha256Hex } from './audit-digests';
import type { AuditRun } from './audit-integrity.monitor';
import { AUDIT_ALERT_KIND, AuditIntegrityMonitor } from './audit-integrity.monitor';
import { AuditService } from './audit.service';

function capture(): CliIo & { text: () => string } {
  const lines: string[] = [];
  return { out: (l) => lines.push(l), err: (l) => lines.push(l), text: () => lines.join('\n') };
}

/** What the database returns for an audit row, as the chain rules hash it. */
function contentOf(r: Record<string, unknown>): AuditRowContent & { id: string } {
  return {
    id: String(r['id']),
    occurredAt: r['occurred_at'] as Date,
    actorUserId: r['actor_user_id'] as string | null,
    actorRole: r['actor_role'] as string | null,
    actorAgencyId: r['actor_agency_id'] as string | null,
    action: r['action'] as string,
    subjectType: r['subject_type'] as string,
    subjectId: r['subject_id'] as string | null,
    fields: r['fields'] as string[],
    requestId: r['request_id'] as string | null,
    caseId: r['case_id'] as string | null,
    details: r['details'] as AuditRowContent['details'],
  };
}

const TABLES = ['audit_log', 'audit_chain', 'audit_checkpoints'];

/**
 * The tampering of the finding, staged as the owner of the tables (what a superuser or a stolen
 * owner password allows): triggers off, rows changed, triggers back on.
 */
async function tamper(db: ScratchDatabase, work: (c: Client) => Promise<unknown>): Promise<void> {
  await withOwnerClient(async (c) => {
    await c.query('BEGIN');
    for (const table of TABLES) {
      await c.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    }
    await work(c);
    for (const table of TABLES) {
      await c.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
    await c.query('COMMIT');
  }, db);
}

/** The attacker's tool: recompute every link from `fromId` on, so the chain itself verifies again. */
async function rehashFrom(c: Client, fromId: string): Promise<void> {
  const [prev] = (
    await c.query(`SELECT hash FROM audit_chain WHERE row_id < $1 ORDER BY row_id DESC LIMIT 1`, [
      fromId,
    ])
  ).rows as { hash: string }[];
  const rows = (await c.query(`SELECT * FROM audit_log WHERE id >= $1 ORDER BY id`, [fromId]))
    .rows as Record<string, unknown>[];
  const chained = chainAuditRows(prev?.hash ?? AUDIT_GENESIS_HASH, rows.map(contentOf), sha256Hex);
  for (const row of chained) {
    await c.query(`UPDATE audit_chain SET prev_hash = $2, hash = $3 WHERE row_id = $1`, [
      row.id,
      row.prevHash,
      row.hash,
    ]);
  }
}

/**
 * Issue 9, finding 2: a row of the audit log was rewritten, the later hashes recomputed and the last
 * rows deleted, and nothing noticed. On a database of its own: the attacks break its chain.
 */
describe('audit log tamper evidence', () => {
  let db: ScratchDatabase;
  let t: TestApp;
  let worker: INestApplicationContext;
  let monitor: AuditIntegrityMonitor;
  let admin: TestUser & Session;
  let otherAdmin: TestUser;
  let disabledAdmin: TestUser;
  const queuePrefix = `caunoi-test-audit-${process.pid}`;

  const env = () => ({ ...db.env, QUEUE_PREFIX: queuePrefix });
  const rowIds = async (): Promise<string[]> =>
    ((await t.dataSource.query(`SELECT id FROM audit_log ORDER BY id`)) as { id: string }[]).map(
      (r) => r.id,
    );

  /** Appends `n` rows through the app, as the API does. */
  async function addRows(n: number): Promise<void> {
    const audit = t.app.get(AuditService);
    for (let i = 0; i < n; i += 1) {
      await audit.record(t.dataSource.manager, {
        actor: null,
        action: 'test.integrity',
        subjectType: 'Test',
        subjectId: randomUUID(),
      });
    }
  }

  /** One verification by the worker (waiting out one already under way, e.g. its start-up run). */
  async function verify(full = false): Promise<AuditRun> {
    for (;;) {
      const run = await monitor.runOnce({ full });
      if (run) return run;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const alerts = async (userId: string): Promise<number> => {
    const [row] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = $2`,
      [userId, AUDIT_ALERT_KIND],
    )) as { n: number }[];
    return row?.n ?? 0;
  };

  const health = async () => (await t.http.get('/api/health')).body;

  const cli = async (command: typeof auditVerifyCommand, args: string[] = []) => {
    const io = capture();
    const code = await command.run(t.config, args, io);
    return { code, text: io.text() };
  };

  /** Closes what earlier tests found and starts from a verified, checkpointed log. */
  async function freshStart(): Promise<void> {
    expect((await cli(auditBaselineCommand, ['--confirm'])).code).toBe(0);
    await addRows(5);
    const run = await verify(true);
    expect(run.inspection.problems).toEqual([]);
    expect((await health()).details.audit.status).toBe('ok');
  }

  beforeAll(async () => {
    db = await createScratchDatabase('audit_integrity');
    await migrateTestDatabase(db);
    t = await createTestApp(env());
    admin = await signedIn(t, 'admin');
    otherAdmin = await createUser(t, 'admin');
    disabledAdmin = await createUser(t, 'admin');
    await t.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [
      disabledAdmin.id,
    ]);
    await addRows(10);
    worker = await startTestWorker(t.config, t.clock);
    monitor = worker.get(AuditIntegrityMonitor);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await db?.drop();
  });

  it('the worker verifies the log when it starts and signs a checkpoint of its head', async () => {
    await eventually(
      async () =>
        (
          (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_checkpoints`)) as {
            n: number;
          }[]
        )[0]?.n === 1,
      10_000,
      'the start-up checkpoint',
    );
    const ids = await rowIds();
    const [checkpoint] = (await t.dataSource.query(
      `SELECT kind, head_id, row_count::int AS row_count FROM audit_checkpoints`,
    )) as { kind: string; head_id: string; row_count: number }[];
    expect(checkpoint).toEqual({ kind: 'routine', head_id: ids.at(-1), row_count: ids.length });
    // Kept outside the database too.
    const mark = await worker.get(AuditCheckpointMarks).read();
    expect(mark?.checkpoint.claim.headId).toBe(ids.at(-1));

    const body = await health();
    expect(body.status).toBe('ok');
    expect(body.details.audit).toEqual({
      status: 'ok',
      reasons: [],
      lastCheckpointAt: expect.any(String),
    });
    const verified = await cli(auditVerifyCommand);
    expect(verified.code).toBe(0);
    expect(verified.text).toMatch(/The audit log is intact/);
  });

  it('catches a rewritten row, alerts every admin once, degrades health, and audit:verify names the row', async () => {
    await freshStart();
    const ids = await rowIds();
    const victim = ids.at(-3) as string;
    await tamper(db, (c) =>
      c.query(`UPDATE audit_log SET action = 'auth.nothing_to_see' WHERE id = $1`, [victim]),
    );

    const run = await verify(true);
    expect(run.inspection.problems).toEqual([{ kind: 'row_rewritten', rowId: victim }]);
    expect(run.newIncidentId).not.toBeNull();
    // Found again by the next run (or another worker): the same incident, no second alert.
    expect((await verify(true)).newIncidentId).toBeNull();
    expect(await alerts(admin.id)).toBe(1);
    expect(await alerts(otherAdmin.id)).toBe(1);
    expect(await alerts(disabledAdmin.id)).toBe(0);

    // What the admin sees: a notice without any data of the log, and where to look.
    const list = await t.http
      .get('/api/notifications')
      .set('Authorization', `Bearer ${admin.accessToken}`);
    const [notice] = (
      list.body.items as { kind: string; params: object; link: string | null }[]
    ).filter((n) => n.kind === AUDIT_ALERT_KIND);
    expect(notice).toEqual({
      kind: AUDIT_ALERT_KIND,
      params: { incidentId: run.newIncidentId, problem: 'row_rewritten', problems: 1 },
      link: null,
      id: expect.any(String),
      readAt: null,
      createdAt: expect.any(String),
    });

    const body = await health();
    expect(body.status).toBe('degraded');
    expect(body.details.audit.status).toBe('degraded');
    expect(body.details.audit.reasons).toEqual([
      expect.stringContaining(`audit row ${victim} was rewritten`),
    ]);

    const verified = await cli(auditVerifyCommand);
    expect(verified.code).toBe(1);
    expect(verified.text).toMatch(new RegExp(`First bad row: ${victim}\\b`));
    expect(verified.text).not.toMatch(/nothing_to_see/);
  });

  it('an operator closes an investigated incident with a baseline; history before it stays visible', async () => {
    const victim = ((await cli(auditVerifyCommand)).text.match(/First bad row: (\d+)/) ?? [])[1];
    expect((await cli(auditBaselineCommand)).code).toBe(2);
    expect((await cli(auditBaselineCommand, ['--confirm'])).code).toBe(0);
    expect((await health()).details.audit).toMatchObject({ status: 'ok', reasons: [] });
    const verified = await cli(auditVerifyCommand);
    expect(verified.code).toBe(0);
    expect(verified.text).toMatch(
      new RegExp(`accepted by the baseline: audit row ${victim} was rewritten`),
    );
    await addRows(3);
    expect((await verify(true)).inspection.problems).toEqual([]);
  });

  it('catches the attack of the finding: a row rewritten, every later hash recomputed, the last rows deleted', async () => {
    await freshStart();
    const ids = await rowIds();
    const victim = ids.at(-4) as string;
    const checkpointed = ids.at(-1) as string;
    await tamper(db, async (c) => {
      await c.query(`UPDATE audit_log SET action = 'auth.nothing_to_see' WHERE id = $1`, [victim]);
      await rehashFrom(c, victim);
      await c.query(
        `DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id DESC LIMIT 2)`,
      );
    });
    // The chain alone verifies again: only the signed checkpoint can tell.
    const run = await verify(false);
    expect(run.inspection.problems).toEqual([
      expect.objectContaining({ kind: 'tail_missing', headId: checkpointed }),
    ]);
    expect(run.newIncidentId).not.toBeNull();
    expect(await alerts(admin.id)).toBe(2);
    expect((await health()).details.audit.reasons).toEqual([
      expect.stringContaining(`audit row ${checkpointed} is gone`),
    ]);
    const verified = await cli(auditVerifyCommand);
    expect(verified.code).toBe(1);
    expect(verified.text).toMatch(new RegExp(`First bad row: ${checkpointed} \\(deleted\\)`));
  });

  it('catches history rewritten and rehashed up to a checkpoint', async () => {
    await freshStart();
    const ids = await rowIds();
    const victim = ids.at(-3) as string;
    await tamper(db, async (c) => {
      await c.query(`UPDATE audit_log SET subject_type = 'Nothing' WHERE id = $1`, [victim]);
      await rehashFrom(c, victim);
    });
    const run = await verify(false);
    expect(run.inspection.problems).toEqual([
      expect.objectContaining({ kind: 'checkpoint_head_changed', headId: ids.at(-1) }),
    ]);
    expect((await health()).details.audit.reasons).toEqual([
      expect.stringContaining(`audit row ${ids.at(-1)} has another hash than signed`),
    ]);
    expect(run.newIncidentId).not.toBeNull();
  });

  it('catches a row deleted in the middle', async () => {
    await freshStart();
    const ids = await rowIds();
    const victim = ids.at(-3) as string;
    await tamper(db, (c) => c.query(`DELETE FROM audit_log WHERE id = $1`, [victim]));
    // The frequent run finds fewer rows up to its checkpoint than it signed, so it goes back to the
    // baseline and finds the row whose predecessor is gone.
    const quick = await verify(false);
    expect(quick.inspection.problems).toEqual([
      { kind: 'row_unlinked', rowId: ids.at(-2) },
      expect.objectContaining({
        kind: 'row_count_changed',
        expected: ids.length,
        found: ids.length - 1,
      }),
    ]);
    expect(quick.newIncidentId).not.toBeNull();
    expect((await verify(true)).newIncidentId).toBeNull();
    const verified = await cli(auditVerifyCommand);
    expect(verified.code).toBe(1);
    expect(verified.text).toMatch(new RegExp(`First bad row: ${ids.at(-2)}\\b`));
  });

  it('catches a deleted tail, even when the checkpoints that covered it are deleted too', async () => {
    await freshStart();
    const ids = await rowIds();
    await tamper(db, async (c) => {
      await c.query(`DELETE FROM audit_log WHERE id >= $1`, [ids.at(-3)]);
      // Cover the tracks in the database: the checkpoints signed since the baseline.
      await c.query(
        `DELETE FROM audit_checkpoints WHERE id > (SELECT max(id) FROM audit_checkpoints WHERE kind = 'baseline')`,
      );
    });
    const run = await verify(false);
    // The worker's memory and Redis still hold the last checkpoint it signed.
    expect(run.inspection.problems.map((p) => p.kind).sort()).toEqual([
      'checkpoint_missing',
      'tail_missing',
    ]);
    expect(run.newIncidentId).not.toBeNull();
    expect((await health()).status).toBe('degraded');
  });

  it('refuses a checkpoint written without the key', async () => {
    await freshStart();
    const [head] = (await t.dataSource.query(
      `SELECT row_id AS id, hash FROM audit_chain ORDER BY row_id DESC LIMIT 1`,
    )) as { id: string; hash: string }[];
    // The runtime role may append checkpoints, but cannot sign them.
    await t.dataSource.query(
      `INSERT INTO audit_checkpoints (kind, head_id, head_hash, row_count, created_at, key_id, mac)
       VALUES ('baseline', $1, $2, 1, now(), $3, repeat('f', 64))`,
      [head?.id, head?.hash, t.config.auditCheckpointKey.id],
    );
    const run = await verify(false);
    expect(run.inspection.problems).toEqual([
      expect.objectContaining({ kind: 'checkpoint_forged' }),
    ]);
    expect((await health()).status).toBe('degraded');
  });

  it('reports a link the runtime role forged ahead of the chainer', async () => {
    await freshStart();
    const [last] = (await t.dataSource.query(`SELECT max(id)::text AS id FROM audit_log`)) as {
      id: string;
    }[];
    const next = BigInt(last?.id ?? '0');
    // The runtime role may insert links (the chainer runs as it): one for a row not written yet.
    await t.dataSource.query(
      `INSERT INTO audit_chain (row_id, prev_hash, hash) VALUES ($1, repeat('a', 64), repeat('b', 64))`,
      [String(next + 3n)],
    );
    await addRows(4);
    const run = await verify(false);
    expect(run.inspection.problems[0]).toEqual({
      kind: 'row_unlinked',
      rowId: String(next + 1n),
    });
    expect(run.newIncidentId).not.toBeNull();
    expect((await health()).status).toBe('degraded');
  });
});
