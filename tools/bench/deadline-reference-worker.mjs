// The bare reference for `npm run bench:deadlines`: a BullMQ Worker and a `pg` pool, nothing else, firing
// deadline stages with the SQL a stage of the bench needs done (lock the stage, its supervisors, one
// notification each, fired_at, the clock breached, one audit row, in one transaction per job), at the
// project worker's concurrency and pool size. No Nest, no TypeORM, no logging: the lateness of a burst
// fired by this process is what the machine gives for BullMQ + PostgreSQL alone, and the bench prints
// the project worker's beside it (interleaved, same run). deadlines.mjs starts it with
//   DATABASE_URL REDIS_URL QUEUE_PREFIX and BENCH_REFERENCE_CONCURRENCY (default 8).
// It handles the escalation stages of the bench's incident_report clocks only: run it on a bench database.

import { requireFromRepo } from '../lib/paths.mjs';

const { Pool } = requireFromRepo('pg');
const { Worker } = requireFromRepo('bullmq');

const concurrency = Number(process.env.BENCH_REFERENCE_CONCURRENCY || 8);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });

const LOCK = `SELECT s.id, s.due_at, s.fired_at, s.cancelled_at, s.offset_ms, d.status, d.agency_id, d.case_id
                FROM deadline_stages s JOIN deadlines d ON d.id = s.deadline_id
               WHERE s.deadline_id = $1 AND s.stage = $2 FOR UPDATE OF s`;
const SUPERVISORS = `SELECT id FROM users WHERE agency_id = $1 AND role = 'supervisor' AND disabled_at IS NULL`;
const NOTIFY = `INSERT INTO notifications (user_id, kind, deadline_stage_id, case_id, params, link)
                SELECT unnest($1::uuid[]), $2, $3, $4, $5, $6
                ON CONFLICT (deadline_stage_id, user_id) WHERE deadline_stage_id IS NOT NULL DO NOTHING`;
const FIRED = `UPDATE deadline_stages SET fired_at = $2 WHERE id = $1`;
const BREACHED = `UPDATE deadlines SET status = 'breached', updated_at = now() WHERE id = $1 AND status = 'pending'`;
const AUDIT = `INSERT INTO audit_log (occurred_at, action, subject_type, subject_id, case_id, details)
               VALUES ($1, 'deadline.stage_fired', 'Deadline', $2, $3, $4::jsonb)`;

async function fire({ deadlineId, stage }) {
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    const {
      rows: [s],
    } = await db.query(LOCK, [deadlineId, stage]);
    const now = new Date();
    if (s && !s.fired_at && !s.cancelled_at && ['pending', 'breached'].includes(s.status)) {
      const { rows } = await db.query(SUPERVISORS, [s.agency_id]);
      const recipients = rows.map((r) => r.id);
      await db.query(NOTIFY, [
        recipients,
        'deadline.escalation',
        s.id,
        s.case_id,
        JSON.stringify({ deadlineKind: 'incident_report', stage }),
        null,
      ]);
      await db.query(FIRED, [s.id, now]);
      if (Number(s.offset_ms) >= 0) await db.query(BREACHED, [deadlineId]);
      await db.query(AUDIT, [
        now,
        deadlineId,
        s.case_id,
        JSON.stringify({ stage, recipients: recipients.length }),
      ]);
    }
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    db.release();
  }
}

const worker = new Worker('deadlines', (job) => fire(job.data), {
  connection: { url: process.env.REDIS_URL, maxRetriesPerRequest: null },
  prefix: `{${process.env.QUEUE_PREFIX}}`,
  concurrency,
});
worker.on('failed', (job, error) => console.error(`job ${job?.id} failed: ${error.message}`));

process.once('SIGTERM', async () => {
  await worker.close();
  await pool.end();
  process.exit(0);
});
