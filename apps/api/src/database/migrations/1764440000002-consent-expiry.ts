import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent expiry (issue 10): every consent record gets the day it expires. Records given before this
 * change expire a year after the day they were given (Vietnam's calendar), the default validity.
 */
export class ConsentExpiry1764440000002 implements MigrationInterface {
  name = 'ConsentExpiry1764440000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consent_records ADD COLUMN expires_on date`);
    await q.query(`
      UPDATE consent_records
         SET expires_on = (given_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 365`);
    await q.query(`ALTER TABLE consent_records ALTER COLUMN expires_on SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consent_records DROP COLUMN expires_on`);
  }
}
