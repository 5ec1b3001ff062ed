import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case action plans (issue 10): every save is a new version of the case's plan, with its status in
 * the approval flow. Needs, goals and actions are one encrypted document (they say what happened to
 * her and what she is doing about it); the names of the parts that changed are in clear for the
 * history, as the safety plan does.
 */
export class CasePlans1764450000000 implements MigrationInterface {
  name = 'CasePlans1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        version integer NOT NULL CHECK (version > 0),
        status varchar(16) NOT NULL
          CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
        content_enc text NOT NULL,
        changed_parts text[] NOT NULL DEFAULT '{}',
        created_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        submitted_by_user_id uuid REFERENCES users(id),
        submitted_at timestamptz,
        decided_by_user_id uuid REFERENCES users(id),
        decided_at timestamptz,
        comment_enc text,
        CONSTRAINT uq_case_plans_case_version UNIQUE (case_id, version),
        CONSTRAINT ck_case_plans_submitted CHECK (
          (status = 'draft') = (submitted_at IS NULL)
        ),
        CONSTRAINT ck_case_plans_decided CHECK (
          (status IN ('approved', 'returned')) = (decided_at IS NOT NULL)
        )
      )`);
    // The supervisors' queue: versions waiting for a decision.
    await q.query(
      `CREATE INDEX ix_case_plans_submitted ON case_plans (submitted_at) WHERE status = 'submitted'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_plans`);
  }
}
