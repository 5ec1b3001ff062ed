import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The queue of one-time codes on their way by email (the worker sends them, decision 0023). */
@Injectable()
export class OneTimeCodeEmailsRepository {
  /**
   * Queues the code for the holder's address, if the holder has one that neither the requester of
   * the change nor the holder set (an address either chose could hand them the account). Returns
   * whether it was queued.
   */
  async queueIfTrusted(
    m: EntityManager,
    entry: { codeId: string; userId: string; codeEnc: string; requestedByUserId: string },
  ): Promise<boolean> {
    const rows = (await m.query(
      `INSERT INTO one_time_code_emails (one_time_code_id, user_id, code_enc)
       SELECT $1, u.id, $3 FROM users u
        WHERE u.id = $2 AND u.email IS NOT NULL AND u.email_set_by IS NOT NULL
          AND u.email_set_by <> $4 AND u.email_set_by <> u.id
       RETURNING one_time_code_id`,
      [entry.codeId, entry.userId, entry.codeEnc, entry.requestedByUserId],
    )) as unknown[];
    return rows.length > 0;
  }
}
