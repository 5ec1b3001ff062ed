// The deadline stage job as DeadlineScheduler enqueues it, for the tools that enqueue stages themselves
// (the deadline bench, the scale-out stage of `npm test`).
// KEEP IN SYNC BY HAND with libs/shared/contracts/src/lib/jobs.ts (these .mjs scripts cannot import TypeScript)
// and with DeadlineScheduler.schedule (job options).

export const QUEUE_DEADLINES = 'deadlines';
export const JOB_FIRE_STAGE = 'deadlines.fire-stage';
export const stageJobId = (deadlineId, stage) => `deadline:${deadlineId}:${stage}`;
export const stageJobOptions = (deadlineId, stage, delay) => ({
  jobId: stageJobId(deadlineId, stage),
  delay,
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  removeOnFail: true,
});
/** The seeded demo social-work centre (apps/api/src/modules/seed/demo-data.ts). */
export const DEMO_CENTRE_ID = '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000001';

/** BullMQ's prefix for QUEUE_PREFIX: in a Redis Cluster hash tag (apps/api/src/modules/jobs/bullmq-prefix.ts). */
export const bullmqPrefix = (queuePrefix) => `{${queuePrefix}}`;

/**
 * N (or M) deadlines of kind incident_report with one escalation stage each, in one statement;
 * due instants from `$2` spread over `$3` ms. Returns the stages to enqueue.
 */
export const INSERT_DEADLINES = `
  WITH d AS (
    INSERT INTO deadlines (kind, subject_type, subject_id, case_id, agency_id, period_unit, period_amount,
                           started_at, due_at)
    SELECT 'incident_report', 'Incident', gen_random_uuid(), NULL, $1, 'days', 10,
           due - interval '10 days', due
      FROM (SELECT $2::timestamptz + floor(random() * $3) * interval '1 millisecond' AS due
              FROM generate_series(1, $4)) g
    RETURNING id, due_at
  )
  INSERT INTO deadline_stages (deadline_id, stage, kind, audience, offset_ms, due_at)
  SELECT id, 'escalation_due', 'escalation', 'supervisors', 0, due_at FROM d
  RETURNING deadline_id AS "deadlineId", stage, due_at AS "dueAt"`;

/**
 * One delayed job per stage with DeadlineScheduler.schedule's options, `batchSize` per addBulk (one MULTI
 * pipeline each); `concurrency` addBulk calls in flight.
 */
export async function enqueue(queue, stages, batchSize, concurrency = 1) {
  const now = Date.now();
  let next = 0;
  const lane = async () => {
    while (next < stages.length) {
      const batch = stages.slice(next, next + batchSize);
      next += batchSize;
      await queue.addBulk(
        batch.map((s) => ({
          name: JOB_FIRE_STAGE,
          data: { deadlineId: s.deadlineId, stage: s.stage },
          opts: stageJobOptions(s.deadlineId, s.stage, Math.max(0, s.dueAt.getTime() - now)),
        })),
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}
