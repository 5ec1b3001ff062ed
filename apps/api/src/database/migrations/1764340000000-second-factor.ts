import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TOTP second factor: one secret per user (encrypted like identity, `*_enc`), the last step used (no
 * replay), one-time recovery codes (hashed), and where each session stands with the second factor.
 * Sessions opened before this migration were opened with a password alone and are ended.
 */
export class SecondFactor1764340000000 implements MigrationInterface {
  name = 'SecondFactor1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_second_factors (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        secret_enc text NOT NULL,
        enrolled_at timestamptz,
        last_used_step bigint,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE user_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        code_hash bytea NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX idx_user_recovery_codes_unused ON user_recovery_codes (user_id) WHERE used_at IS NULL`,
    );
    await q.query(`
      ALTER TABLE sessions
        ADD COLUMN second_factor varchar(16) NOT NULL DEFAULT 'not_required'
          CONSTRAINT ck_sessions_second_factor
          CHECK (second_factor IN ('not_required', 'pending', 'verified')),
        ADD COLUMN second_factor_failures integer NOT NULL DEFAULT 0`);
    await q.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = 'second_factor_introduced'
        WHERE revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE sessions DROP COLUMN second_factor_failures, DROP COLUMN second_factor`,
    );
    await q.query(`DROP TABLE user_recovery_codes`);
    await q.query(`DROP TABLE user_second_factors`);
  }
}
