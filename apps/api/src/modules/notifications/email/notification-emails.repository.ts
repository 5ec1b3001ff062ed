import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { Language } from '@caunoi/shared/domain';

/** A notification not yet decided, with what its recipient chose. */
export interface UndecidedNotification {
  id: string;
  kind: string;
  params: Record<string, string | number | boolean | null>;
  email: string | null;
  language: Language;
  emailTopics: Record<string, boolean>;
  disabled: boolean;
}

export type EmailStatus = 'none' | 'queued' | 'sent' | 'failed';

/** What sending one notification's email needs. */
export interface NotificationToSend {
  id: string;
  kind: string;
  params: Record<string, string | number | boolean | null>;
  emailStatus: EmailStatus | null;
  email: string | null;
  language: Language;
  disabled: boolean;
}

/** A one-time code waiting to go by email, with what its state is now. */
export interface CodeToSend {
  oneTimeCodeId: string;
  status: string;
  codeEnc: string | null;
  email: string | null;
  language: Language;
  username: string;
  expiresAt: Date;
  /** Used, voided by a newer one, or expired: sending it would be pointless. */
  spent: boolean;
}

/**
 * The email state of notifications (`notifications.email_status`) and who they are for, and the
 * queue of one-time codes by email (`one_time_code_emails`, written by the users module).
 */
@Injectable()
export class NotificationEmailsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The oldest undecided notifications, locked; another worker skips them. */
  async lockUndecided(m: EntityManager, limit: number): Promise<UndecidedNotification[]> {
    return (await m.query(
      `SELECT n.id, n.kind, n.params, u.email, u.language, u.email_topics AS "emailTopics",
              u.disabled_at IS NOT NULL AS disabled
         FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.email_status IS NULL
        ORDER BY n.created_at, n.id
        LIMIT $1
          FOR UPDATE OF n SKIP LOCKED`,
      [limit],
    )) as UndecidedNotification[];
  }

  async setStatus(m: EntityManager, ids: string[], status: EmailStatus): Promise<void> {
    if (ids.length === 0) return;
    await m.query(`UPDATE notifications SET email_status = $2 WHERE id = ANY($1::uuid[])`, [
      ids,
      status,
    ]);
  }

  /** Queued before `before`: their job may have been lost with Redis, so they are enqueued again. */
  async getQueuedBefore(before: Date, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM notifications WHERE email_status = 'queued' AND created_at < $1
        ORDER BY created_at, id LIMIT $2`,
      [before, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async getToSend(id: string): Promise<NotificationToSend | null> {
    const [row] = (await this.dataSource.query(
      `SELECT n.id, n.kind, n.params, n.email_status AS "emailStatus", u.email, u.language,
              u.disabled_at IS NOT NULL AS disabled
         FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.id = $1`,
      [id],
    )) as NotificationToSend[];
    return row ?? null;
  }

  /** Ends a queued email: sent (with the instant), failed after the last attempt, or none. */
  async finish(id: string, status: Exclude<EmailStatus, 'queued'>, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET email_status = $2, email_sent_at = $3
        WHERE id = $1 AND email_status = 'queued'`,
      [id, status, status === 'sent' ? at : null],
    );
  }

  /** Codes queued for email (each is enqueued again while queued: the job id makes that a no-op). */
  async getQueuedCodes(limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT one_time_code_id AS id FROM one_time_code_emails WHERE status = 'queued'
        ORDER BY created_at LIMIT $1`,
      [limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async getCodeToSend(oneTimeCodeId: string, now: Date): Promise<CodeToSend | null> {
    const [row] = (await this.dataSource.query(
      `SELECT e.one_time_code_id AS "oneTimeCodeId", e.status, e.code_enc AS "codeEnc", u.email,
              u.language, u.username, c.expires_at AS "expiresAt",
              (c.used_at IS NOT NULL OR c.voided_at IS NOT NULL OR c.expires_at <= $2) AS spent
         FROM one_time_code_emails e
         JOIN one_time_codes c ON c.id = e.one_time_code_id
         JOIN users u ON u.id = e.user_id
        WHERE e.one_time_code_id = $1`,
      [oneTimeCodeId, now],
    )) as CodeToSend[];
    return row ?? null;
  }

  /** Ends a queued code email and forgets the code: sent, failed after the last attempt, or void. */
  async finishCode(
    oneTimeCodeId: string,
    status: 'sent' | 'failed' | 'void',
    at: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE one_time_code_emails SET status = $2, code_enc = NULL, sent_at = $3
        WHERE one_time_code_id = $1 AND status = 'queued'`,
      [oneTimeCodeId, status, status === 'sent' ? at : null],
    );
  }
}
