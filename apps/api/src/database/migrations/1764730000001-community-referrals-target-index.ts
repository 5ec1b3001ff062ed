import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statistics count a scope's community referrals by target centre and year. */
export class CommunityReferralsTargetIndex1764730000001 implements MigrationInterface {
  name = 'CommunityReferralsTargetIndex1764730000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX idx_community_referrals_target_created ON community_referrals (target_agency_id, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_community_referrals_target_created`);
  }
}
