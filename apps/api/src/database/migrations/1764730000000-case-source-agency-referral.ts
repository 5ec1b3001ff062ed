import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case's source becomes a coded list the database checks, with `agency_referral` added: a walk-in
 * survivor referred in by another agency outside Cầu Nối (the statistics' `agency` channel,
 * docs/statistics.md). Existing rows hold only the three earlier sources; going down only drops the check.
 */
export class CaseSourceAgencyReferral1764730000000 implements MigrationInterface {
  name = 'CaseSourceAgencyReferral1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases ADD CONSTRAINT ck_cases_source
        CHECK (source IN ('call', 'community_referral', 'walk_in', 'agency_referral'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP CONSTRAINT ck_cases_source`);
  }
}
