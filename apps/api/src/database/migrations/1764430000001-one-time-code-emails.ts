import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time codes by email (decision 0023). Who last set a user's address, because a code goes to an
 * address only when neither the requester of the change nor the holder set it; and the queue of
 * code emails, each holding its code encrypted under the data key ring until it is sent or void.
 */
export class OneTimeCodeEmails1764430000001 implements MigrationInterface {
  name = 'OneTimeCodeEmails1764430000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email_set_by uuid REFERENCES users (id)`);
    await q.query(`
      CREATE TABLE one_time_code_emails (
        one_time_code_id uuid PRIMARY KEY REFERENCES one_time_codes (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        code_enc text,
        status varchar(16) NOT NULL DEFAULT 'queued',
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT ck_one_time_code_emails_status CHECK (status IN ('queued', 'sent', 'failed', 'void')),
        CONSTRAINT ck_one_time_code_emails_code CHECK ((status = 'queued') = (code_enc IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX idx_one_time_code_emails_queued ON one_time_code_emails (created_at) WHERE status = 'queued'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE one_time_code_emails`);
    await q.query(`ALTER TABLE users DROP COLUMN email_set_by`);
  }
}
