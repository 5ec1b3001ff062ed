import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Child emergencies (issue 11; Law on Children 2016, Decree 56/2017): a child in serious danger
 * gets an intervention within 12 hours (`child_emergency` clock) and a support plan within 5
 * working days (`child_support_plan` clock), both with this row as their subject. The reason and
 * the intervention's note are case narrative, encrypted; source, measure and instants are in clear
 * for the clocks and the board. One emergency per case waits for its intervention at a time.
 */
export class ChildEmergencies1764520000000 implements MigrationInterface {
  name = 'ChildEmergencies1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE child_emergencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        source text NOT NULL CHECK (source IN ('assessment', 'caseworker', 'hotline')),
        source_id uuid,
        reason_enc text,
        marked_by_user_id uuid REFERENCES users(id),
        started_at timestamptz NOT NULL,
        intervention_measure text CHECK (intervention_measure IN
          ('medical_care', 'safe_place', 'alternative_care', 'police_protection', 'other')),
        intervention_note_enc text,
        intervention_taken_at timestamptz,
        intervention_by_user_id uuid REFERENCES users(id),
        intervention_recorded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_child_emergencies_intervention CHECK (
          (intervention_recorded_at IS NULL AND intervention_measure IS NULL
            AND intervention_taken_at IS NULL AND intervention_by_user_id IS NULL)
          OR (intervention_recorded_at IS NOT NULL AND intervention_measure IS NOT NULL
            AND intervention_taken_at IS NOT NULL AND intervention_by_user_id IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_child_emergencies_case ON child_emergencies (case_id, started_at DESC)`,
    );
    // A second mark while one waits is the same emergency: the service answers it, this enforces it.
    await q.query(
      `CREATE UNIQUE INDEX ux_child_emergencies_one_open ON child_emergencies (case_id)
        WHERE intervention_recorded_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE child_emergencies`);
  }
}
