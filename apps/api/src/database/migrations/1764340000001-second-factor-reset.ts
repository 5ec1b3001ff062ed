import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A lost authenticator is reset under the two-person rule: one more kind of account change. */
export class SecondFactorReset1764340000001 implements MigrationInterface {
  name = 'SecondFactorReset1764340000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE account_changes DROP CONSTRAINT ck_account_changes_kind`);
    await q.query(`
      ALTER TABLE account_changes ADD CONSTRAINT ck_account_changes_kind
        CHECK (kind IN ('create_account', 'change_grant', 'enable_account', 'reset_password',
                        'reset_second_factor'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM account_changes WHERE kind = 'reset_second_factor'`);
    await q.query(`ALTER TABLE account_changes DROP CONSTRAINT ck_account_changes_kind`);
    await q.query(`
      ALTER TABLE account_changes ADD CONSTRAINT ck_account_changes_kind
        CHECK (kind IN ('create_account', 'change_grant', 'enable_account', 'reset_password'))`);
  }
}
