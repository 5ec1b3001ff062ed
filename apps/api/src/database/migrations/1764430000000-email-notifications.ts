import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email notifications (docs/operations.md, "Email"): a user's address, language and per-topic choices,
 * and each notification's email state, which the worker's dispatcher decides once (NULL: not yet).
 * Notifications written before this migration are never emailed.
 */
export class EmailNotifications1764430000000 implements MigrationInterface {
  name = 'EmailNotifications1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN email varchar(254),
        ADD COLUMN language varchar(2) NOT NULL DEFAULT 'vi',
        ADD COLUMN email_topics jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD CONSTRAINT ck_users_language CHECK (language IN ('vi', 'en')),
        ADD CONSTRAINT ck_users_email_topics CHECK (jsonb_typeof(email_topics) = 'object')`);
    await q.query(`
      ALTER TABLE notifications
        ADD COLUMN email_status varchar(16),
        ADD COLUMN email_sent_at timestamptz,
        ADD CONSTRAINT ck_notifications_email_status
          CHECK (email_status IN ('none', 'queued', 'sent', 'failed'))`);
    await q.query(`UPDATE notifications SET email_status = 'none'`);
    // The dispatcher's two scans: undecided rows, and queued rows whose job may be lost.
    await q.query(
      `CREATE INDEX idx_notifications_email_undecided ON notifications (created_at, id) WHERE email_status IS NULL`,
    );
    await q.query(
      `CREATE INDEX idx_notifications_email_queued ON notifications (created_at, id) WHERE email_status = 'queued'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_notifications_email_queued`);
    await q.query(`DROP INDEX idx_notifications_email_undecided`);
    await q.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT ck_notifications_email_status,
        DROP COLUMN email_sent_at,
        DROP COLUMN email_status`);
    await q.query(`
      ALTER TABLE users
        DROP CONSTRAINT ck_users_email_topics,
        DROP CONSTRAINT ck_users_language,
        DROP COLUMN email_topics,
        DROP COLUMN language,
        DROP COLUMN email`);
  }
}
