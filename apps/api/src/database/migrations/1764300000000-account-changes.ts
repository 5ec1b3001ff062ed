import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two-person rule on accounts (issue 9): requested account changes wait in `account_changes`
 * until a different person approves them, and a new account or an approved reset gets its password
 * from a one-time code (`one_time_codes`), stored hashed. An account without a password
 * (`password_hash` NULL) cannot sign in.
 */
export class AccountChanges1764300000000 implements MigrationInterface {
  name = 'AccountChanges1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);

    await q.query(`
      CREATE TABLE account_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(32) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending',
        target_user_id uuid NOT NULL REFERENCES users(id),
        from_role varchar(32),
        from_agency_id uuid REFERENCES agencies(id),
        target_role varchar(32) NOT NULL,
        target_agency_id uuid NOT NULL REFERENCES agencies(id),
        requested_by_user_id uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL,
        decided_by_user_id uuid REFERENCES users(id),
        decided_at timestamptz,
        rejection_reason varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_account_changes_kind
          CHECK (kind IN ('create_account', 'change_grant', 'enable_account', 'reset_password')),
        CONSTRAINT ck_account_changes_status CHECK (status IN ('pending', 'approved', 'rejected')),
        CONSTRAINT ck_account_changes_decided
          CHECK ((status = 'pending') = (decided_at IS NULL AND decided_by_user_id IS NULL)),
        CONSTRAINT ck_account_changes_rejection
          CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL)),
        CONSTRAINT ck_account_changes_from
          CHECK ((kind = 'create_account') = (from_role IS NULL AND from_agency_id IS NULL))
      )`);
    // One pending request of each kind per account: a second one waits until the first is decided.
    await q.query(`
      CREATE UNIQUE INDEX uq_account_changes_pending_kind
        ON account_changes (target_user_id, kind) WHERE status = 'pending'`);
    await q.query(`
      CREATE INDEX idx_account_changes_status_requested
        ON account_changes (status, requested_at DESC, id DESC)`);
    await q.query(`
      CREATE INDEX idx_account_changes_agency_status_requested
        ON account_changes (target_agency_id, status, requested_at DESC, id DESC)`);
    await q.query(`
      CREATE INDEX idx_account_changes_target_requested
        ON account_changes (target_user_id, requested_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE one_time_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        account_change_id uuid REFERENCES account_changes(id),
        code_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        used_at timestamptz,
        voided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_one_time_codes_failed CHECK (failed_attempts >= 0)
      )`);
    // At most one code an account may still use: issuing a new one voids the old one first.
    await q.query(`
      CREATE UNIQUE INDEX uq_one_time_codes_open_per_user
        ON one_time_codes (user_id) WHERE used_at IS NULL AND voided_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE one_time_codes`);
    await q.query(`DROP TABLE account_changes`);
    // Accounts still waiting for a password get one nobody knows, so the old constraint holds.
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
