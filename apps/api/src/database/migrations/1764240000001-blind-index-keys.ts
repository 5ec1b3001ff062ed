import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which blind-index key made each digest, so `cli reindex` knows what is left after the key changes.
 * Every digest so far was made with the one key of the first configuration format, whose id is `b1`.
 */
export class BlindIndexKeys1764240000001 implements MigrationInterface {
  name = 'BlindIndexKeys1764240000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calls ADD COLUMN caller_phone_bidx_key varchar(16)`);
    await q.query(
      `UPDATE calls SET caller_phone_bidx_key = 'b1' WHERE caller_phone_bidx IS NOT NULL`,
    );
    await q.query(`
      ALTER TABLE calls ADD CONSTRAINT ck_calls_caller_phone_bidx_key
        CHECK ((caller_phone_bidx IS NULL) = (caller_phone_bidx_key IS NULL))`);

    await q.query(`ALTER TABLE survivors ADD COLUMN bidx_key varchar(16)`);
    await q.query(
      `UPDATE survivors SET bidx_key = 'b1' WHERE phone_bidx IS NOT NULL OR name_dob_bidx IS NOT NULL`,
    );
    await q.query(`
      ALTER TABLE survivors ADD CONSTRAINT ck_survivors_bidx_key
        CHECK ((phone_bidx IS NULL AND name_dob_bidx IS NULL) = (bidx_key IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survivors DROP CONSTRAINT ck_survivors_bidx_key`);
    await q.query(`ALTER TABLE survivors DROP COLUMN bidx_key`);
    await q.query(`ALTER TABLE calls DROP CONSTRAINT ck_calls_caller_phone_bidx_key`);
    await q.query(`ALTER TABLE calls DROP COLUMN caller_phone_bidx_key`);
  }
}
