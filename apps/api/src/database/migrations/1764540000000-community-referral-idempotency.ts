import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: a volunteer's phone queues a referral made offline and sends it when the signal returns,
 * perhaps more than once. Each submission carries a key the phone made; the same volunteer sending the
 * same key again gets the first referral back. Keys are the submitter's own: the index is per user, so
 * another account's key is just a new key to them (decision 0025).
 */
export class CommunityReferralIdempotency1764540000000 implements MigrationInterface {
  name = 'CommunityReferralIdempotency1764540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE community_referrals ADD COLUMN idempotency_key uuid`);
    await q.query(`
      CREATE UNIQUE INDEX "UQ_community_referrals_submitter_idempotency_key"
        ON community_referrals (submitted_by_user_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "UQ_community_referrals_submitter_idempotency_key"`);
    await q.query(`ALTER TABLE community_referrals DROP COLUMN idempotency_key`);
  }
}
