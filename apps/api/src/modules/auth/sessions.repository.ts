import type { SessionSecondFactor } from '@caunoi/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(
    manager: EntityManager,
    session: Omit<SessionEntity, 'id' | 'revokedAt' | 'revokedReason' | 'secondFactorFailures'>,
  ): Promise<SessionEntity> {
    return manager.getRepository(SessionEntity).save(
      manager.create(SessionEntity, {
        ...session,
        revokedAt: null,
        revokedReason: null,
        secondFactorFailures: 0,
      }),
    );
  }

  getById(id: string): Promise<SessionEntity | null> {
    return this.dataSource.getRepository(SessionEntity).findOneBy({ id });
  }

  /** One round trip per authenticated request: the session and its user together. */
  async getWithUser(id: string): Promise<SessionWithUser | null> {
    const rows = (await this.dataSource.query(
      `SELECT s.id AS "sessionId", s.user_id AS "userId", s.last_seen_at AS "lastSeenAt",
              s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt", u.username,
              u.display_name AS "displayName", u.role, u.agency_id AS "agencyId",
              u.must_change_password AS "mustChangePassword", u.disabled_at AS "disabledAt",
              s.second_factor AS "secondFactor",
              (s.second_factor = 'pending' AND EXISTS (
                 SELECT 1 FROM user_second_factors f WHERE f.user_id = u.id AND f.enrolled_at IS NOT NULL
              )) AS "secondFactorEnrolled"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1`,
      [id],
    )) as SessionWithUser[];
    return rows[0] ?? null;
  }

  /** Locks the session row for a refresh, so two rotations cannot both succeed. */
  getByIdForUpdate(manager: EntityManager, id: string): Promise<SessionEntity | null> {
    return manager
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
  }

  async rotate(
    manager: EntityManager,
    id: string,
    refreshTokenHash: Buffer,
    at: Date,
  ): Promise<void> {
    await manager.getRepository(SessionEntity).update({ id }, { refreshTokenHash, lastSeenAt: at });
  }

  /** The second factor was given: the session may now do what the role allows. */
  async markSecondFactorVerified(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE sessions SET second_factor = 'verified', second_factor_failures = 0 WHERE id = $1`,
      [id],
    );
  }

  /** Counts a wrong code; returns the failures so far in this session. */
  async recordSecondFactorFailure(manager: EntityManager, id: string): Promise<number> {
    const rows = (await manager.query(
      `UPDATE sessions SET second_factor_failures = second_factor_failures + 1 WHERE id = $1
       RETURNING second_factor_failures AS failures`,
      [id],
    )) as [{ failures: number }[], number];
    return rows[0][0]?.failures ?? 0;
  }

  /** Records activity; skipped when the last touch is recent, to spare a write per request. */
  async touch(id: string, at: Date, minIntervalMs: number): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ lastSeenAt: at })
      .where('id = :id AND last_seen_at < :threshold', {
        id,
        threshold: new Date(at.getTime() - minIntervalMs),
      })
      .execute();
  }

  async revoke(manager: EntityManager, id: string, at: Date, reason: string): Promise<void> {
    await manager
      .getRepository(SessionEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: at, revokedReason: reason });
  }

  /** Ends every open session of a user (password change, reset, disable). Returns how many. */
  async revokeAllForUser(
    manager: EntityManager,
    userId: string,
    at: Date,
    reason: string,
    exceptSessionId?: string,
  ): Promise<number> {
    const qb = manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: at, revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (exceptSessionId) qb.andWhere('id <> :exceptSessionId', { exceptSessionId });
    const result = await qb.execute();
    return result.affected ?? 0;
  }

  /** Housekeeping for the worker: sessions past their absolute end are no longer needed. */
  async deleteExpiredBefore(cutoff: Date): Promise<number> {
    const result = await this.dataSource
      .getRepository(SessionEntity)
      .delete({ expiresAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}

/** A session joined with the facts about its user that every request needs. */
export interface SessionWithUser {
  sessionId: string;
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  username: string;
  displayName: string;
  role: string;
  agencyId: string;
  mustChangePassword: boolean;
  disabledAt: Date | null;
  secondFactor: SessionSecondFactor;
  /** Only looked up while the second factor is pending. */
  secondFactorEnrolled: boolean;
}
