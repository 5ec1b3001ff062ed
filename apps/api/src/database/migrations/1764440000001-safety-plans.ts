import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Safety plans (issue 10): every save is a new version of the case's plan. The sections are one
 * encrypted document (safe places, people and a code word are exactly what a perpetrator looks for);
 * the names of the sections that changed are in clear for the case history.
 */
export class SafetyPlans1764440000001 implements MigrationInterface {
  name = 'SafetyPlans1764440000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE safety_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        version integer NOT NULL CHECK (version > 0),
        sections_enc text NOT NULL,
        changed_sections text[] NOT NULL DEFAULT '{}',
        review_on date NOT NULL,
        created_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_safety_plans_case_version UNIQUE (case_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE safety_plans`);
  }
}
