import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the API could not hand a clock's stages to Redis it says so here; the worker's next reconcile
 * tick then re-adds the jobs of its whole window once. Every other tick only adds the stages that
 * came into the window since the last one, instead of re-adding every job of the window each minute.
 */
export class DeadlineEnqueueFailures1764660000000 implements MigrationInterface {
  name = 'DeadlineEnqueueFailures1764660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deadline_enqueue_failures (
        id bigserial PRIMARY KEY,
        stages integer NOT NULL CHECK (stages > 0),
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deadline_enqueue_failures`);
  }
}
