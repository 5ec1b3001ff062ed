import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-up contacts (issue 10): each planned contact runs a `follow_up` clock; recording the
 * outcome meets it and may plan the next one. The note is encrypted (it is case narrative); the
 * date, method and coded outcome are in clear for the board and the supervisor's view.
 */
export class CaseFollowUps1764460000000 implements MigrationInterface {
  name = 'CaseFollowUps1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_follow_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        planned_on date NOT NULL,
        method text NOT NULL
          CHECK (method IN ('phone', 'home_visit', 'office_visit', 'online', 'via_partner')),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done')),
        outcome text CHECK (outcome IN ('reached', 'not_reached', 'declined')),
        note_enc text,
        done_at timestamptz,
        done_by_user_id uuid REFERENCES users(id),
        next_follow_up_id uuid REFERENCES case_follow_ups(id),
        created_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_case_follow_ups_done CHECK (
          (status = 'planned' AND outcome IS NULL AND done_at IS NULL)
          OR (status = 'done' AND outcome IS NOT NULL AND done_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_case_follow_ups_case_planned ON case_follow_ups (case_id, planned_on DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_follow_ups`);
  }
}
