import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StoredSecondFactor {
  secretEnc: string;
  enrolledAt: Date | null;
  lastUsedStep: number | null;
}

/** The TOTP secrets and recovery codes (`user_second_factors`, `user_recovery_codes`). */
@Injectable()
export class SecondFactorRepository {
  async get(m: EntityManager, userId: string): Promise<StoredSecondFactor | null> {
    const rows = (await m.query(
      `SELECT secret_enc AS "secretEnc", enrolled_at AS "enrolledAt", last_used_step AS "lastUsedStep"
         FROM user_second_factors WHERE user_id = $1 FOR UPDATE`,
      [userId],
    )) as { secretEnc: string; enrolledAt: Date | null; lastUsedStep: string | null }[];
    const row = rows[0];
    if (!row) return null;
    // bigint arrives as a string from pg.
    return { ...row, lastUsedStep: row.lastUsedStep === null ? null : Number(row.lastUsedStep) };
  }

  async isEnrolled(m: EntityManager, userId: string): Promise<boolean> {
    const rows = (await m.query(
      `SELECT 1 FROM user_second_factors WHERE user_id = $1 AND enrolled_at IS NOT NULL`,
      [userId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** A new secret awaiting its first code; replaces an earlier unconfirmed one. */
  async savePending(m: EntityManager, userId: string, secretEnc: string): Promise<void> {
    await m.query(
      `INSERT INTO user_second_factors (user_id, secret_enc) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc, enrolled_at = NULL,
         last_used_step = NULL, created_at = now()`,
      [userId, secretEnc],
    );
  }

  async markEnrolled(m: EntityManager, userId: string, at: Date, step: number): Promise<void> {
    await m.query(
      `UPDATE user_second_factors SET enrolled_at = $2, last_used_step = $3 WHERE user_id = $1`,
      [userId, at, step],
    );
  }

  /** Records the step a code was accepted for; false if a concurrent request used it (or a later one) first. */
  async useStep(m: EntityManager, userId: string, step: number): Promise<boolean> {
    const [, affected] = (await m.query(
      `UPDATE user_second_factors SET last_used_step = $2
        WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2)`,
      [userId, step],
    )) as [unknown, number];
    return affected === 1;
  }

  async replaceRecoveryCodes(m: EntityManager, userId: string, hashes: Buffer[]): Promise<void> {
    await m.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    await m.query(
      `INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::bytea[])`,
      [userId, hashes],
    );
  }

  /** Marks one unused code with this hash as used; false if there is none. */
  async useRecoveryCode(
    m: EntityManager,
    userId: string,
    hash: Buffer,
    at: Date,
  ): Promise<boolean> {
    const [, affected] = (await m.query(
      `UPDATE user_recovery_codes SET used_at = $3
        WHERE id = (SELECT id FROM user_recovery_codes
                     WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL LIMIT 1 FOR UPDATE)`,
      [userId, hash, at],
    )) as [unknown, number];
    return affected === 1;
  }

  async countUnusedRecoveryCodes(m: EntityManager, userId: string): Promise<number> {
    const [row] = (await m.query(
      `SELECT count(*)::int AS n FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Forgets the app and the recovery codes: the next sign-in enrols again. */
  async remove(m: EntityManager, userId: string): Promise<void> {
    await m.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    await m.query(`DELETE FROM user_second_factors WHERE user_id = $1`, [userId]);
  }
}
