import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OneTimeCodeEntity } from './one-time-code.entity';

export interface NewOneTimeCode {
  userId: string;
  accountChangeId: string | null;
  codeHash: Buffer;
  expiresAt: Date;
  createdAt: Date;
}

@Injectable()
export class OneTimeCodesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Voids the account's code that is neither used nor void yet (expired or not). */
  async voidOpenForUser(m: EntityManager, userId: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE one_time_codes SET voided_at = $2
        WHERE user_id = $1 AND used_at IS NULL AND voided_at IS NULL`,
      [userId, at],
    );
  }

  async insert(m: EntityManager, code: NewOneTimeCode): Promise<string> {
    const rows = (await m.query(
      `INSERT INTO one_time_codes (user_id, account_change_id, code_hash, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [code.userId, code.accountChangeId, code.codeHash, code.expiresAt, code.createdAt],
    )) as { id: string }[];
    return rows[0]?.id ?? '';
  }

  /** The account's code that is neither used nor void, with its hash (expired or not). */
  getOpenForUser(userId: string): Promise<OneTimeCodeEntity | null> {
    return this.dataSource
      .getRepository(OneTimeCodeEntity)
      .createQueryBuilder('c')
      .addSelect('c.codeHash')
      .where('c.user_id = :userId AND c.used_at IS NULL AND c.voided_at IS NULL', { userId })
      .getOne();
  }

  /** When each account's usable code expires (open and not expired at `now`). */
  async getUsableExpiries(userIds: readonly string[], now: Date): Promise<Map<string, Date>> {
    if (userIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT user_id AS "userId", expires_at AS "expiresAt" FROM one_time_codes
        WHERE user_id = ANY($1) AND used_at IS NULL AND voided_at IS NULL AND expires_at > $2`,
      [[...userIds], now],
    )) as { userId: string; expiresAt: Date }[];
    return new Map(rows.map((r) => [r.userId, r.expiresAt]));
  }

  /**
   * Counts a wrong try atomically; the try that reaches `maxFailures` voids the code. Returns
   * whether the code is void now.
   */
  async recordFailure(
    m: EntityManager,
    id: string,
    maxFailures: number,
    at: Date,
  ): Promise<boolean> {
    const rows = (await m.query(
      `UPDATE one_time_codes
          SET failed_attempts = failed_attempts + 1,
              voided_at = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE voided_at END
        WHERE id = $1 AND used_at IS NULL AND voided_at IS NULL
    RETURNING voided_at`,
      [id, maxFailures, at],
    )) as [{ voided_at: Date | null }[], number];
    const row = rows[0][0];
    return !row || row.voided_at !== null;
  }

  /** Uses the code once: false when it was used, voided or expired meanwhile (compare-and-set). */
  async consume(m: EntityManager, id: string, at: Date): Promise<boolean> {
    const rows = (await m.query(
      `UPDATE one_time_codes SET used_at = $2
        WHERE id = $1 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $2
    RETURNING id`,
      [id, at],
    )) as [{ id: string }[], number];
    return rows[0].length === 1;
  }
}
