import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A centre's periodic reports (issue 12): one per centre, year and kind. The tables are the centre's
 * protected aggregates fixed at drafting (jsonb, counts 1–4 already `<5`); the narrative is encrypted
 * like the incident report's. No survivor data.
 */
export class PeriodicReports1764490000000 implements MigrationInterface {
  name = 'PeriodicReports1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE periodic_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        province_code varchar(16) NOT NULL,
        year integer NOT NULL,
        kind varchar(32) NOT NULL,
        due_on date NOT NULL,
        period_from char(7) NOT NULL,
        period_to char(7) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'approved', 'submitted', 'acknowledged')),
        tables jsonb NOT NULL,
        narrative_enc text,
        drafted_by_user_id uuid NOT NULL REFERENCES users(id),
        approved_at timestamptz,
        approved_by_user_id uuid REFERENCES users(id),
        recipient_agency_id uuid REFERENCES agencies(id),
        submitted_at timestamptz,
        submitted_by_user_id uuid REFERENCES users(id),
        on_time boolean,
        acknowledged_at timestamptz,
        acknowledged_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT periodic_reports_submitted_has_recipient
          CHECK (status IN ('draft', 'approved') OR (recipient_agency_id IS NOT NULL AND submitted_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX periodic_reports_agency_year_kind ON periodic_reports (agency_id, year, kind)`);
    await q.query(`
      CREATE INDEX periodic_reports_recipient ON periodic_reports (recipient_agency_id, year)
        WHERE recipient_agency_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE periodic_reports`);
  }
}
