import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report calendar (issue 12): what admins changed of a province's year. A kind without a row
 * follows the defaults of the seeds (libs/shared/domain, periodic-reports/report-calendar.ts).
 */
export class ReportCalendar1764480000000 implements MigrationInterface {
  name = 'ReportCalendar1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_calendar_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        province_code varchar(16) NOT NULL,
        year integer NOT NULL,
        kind varchar(32) NOT NULL,
        due_on date NOT NULL,
        period_from char(7) NOT NULL,
        period_to char(7) NOT NULL,
        updated_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_calendar_entries_period_order CHECK (period_from <= period_to)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX report_calendar_entries_province_year_kind
        ON report_calendar_entries (province_code, year, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_calendar_entries`);
  }
}
