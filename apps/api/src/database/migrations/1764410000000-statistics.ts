import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics (issue 12): disability and ethnic-minority status coded at intake, outside the encrypted
 * identity, and the indexes the aggregate queries read a scope's year through.
 */
export class Statistics1764410000000 implements MigrationInterface {
  name = 'Statistics1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE survivors
        ADD COLUMN disability varchar(8) NOT NULL DEFAULT 'unknown'
          CONSTRAINT ck_survivors_disability CHECK (disability IN ('yes', 'no', 'unknown')),
        ADD COLUMN ethnic_minority varchar(8) NOT NULL DEFAULT 'unknown'
          CONSTRAINT ck_survivors_ethnic_minority CHECK (ethnic_minority IN ('yes', 'no', 'unknown'))`);
    // Cases are read by (agency_id, opened_at) through idx_cases_agency_opened already.
    await q.query(`CREATE INDEX idx_referrals_from_sent ON referrals (from_agency_id, sent_at)`);
    await q.query(
      `CREATE INDEX idx_deadlines_agency_kind_started ON deadlines (agency_id, kind, started_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_deadlines_agency_kind_started`);
    await q.query(`DROP INDEX idx_referrals_from_sent`);
    await q.query(`ALTER TABLE survivors DROP COLUMN ethnic_minority, DROP COLUMN disability`);
  }
}
