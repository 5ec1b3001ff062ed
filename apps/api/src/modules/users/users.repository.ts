import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@caunoi/shared/domain';
import type { SqlFilter } from '../authz/accessible-where';
import { escapeLike } from '../../common/sql';
import { UserEntity } from './user.entity';

/** Rule field → SQL column, for turning CASL rules on User into a WHERE clause. */
export const USER_RULE_COLUMNS = { id: 'u.id', agencyId: 'u.agency_id', role: 'u.role' } as const;

export interface UserPageFilter {
  access: SqlFilter;
  afterUsername: string | null;
  limit: number;
  agencyId?: string;
  role?: Role;
  search?: string;
}

export interface FailedLoginOutcome {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  getWithAgency(id: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .findOne({ where: { id }, relations: { agency: true } });
  }

  /** Includes the password hash: only sign-in and password change need it. */
  getCredentialsByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username: username.trim().toLowerCase() })
      .getOne();
  }

  getCredentialsById(id: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOne();
  }

  getByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ username: username.trim().toLowerCase() });
  }

  /** Which of these accounts have a password (the others wait for a one-time code). */
  async getIdsWithPassword(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = (await this.dataSource.query(
      `SELECT id FROM users WHERE id = ANY($1) AND password_hash IS NOT NULL`,
      [[...ids]],
    )) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  /** Admins not disabled who have a password, or a one-time code still usable at `now`. */
  async countActiveAdmins(now: Date): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM users u
        WHERE u.role = 'admin' AND u.disabled_at IS NULL
          AND (u.password_hash IS NOT NULL OR EXISTS (
                SELECT 1 FROM one_time_codes c
                 WHERE c.user_id = u.id AND c.used_at IS NULL AND c.voided_at IS NULL
                   AND c.expires_at > $1))`,
      [now],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  async isUsernameTaken(username: string): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).existsBy({ username });
  }

  /** One page ordered by username (unique), filtered in SQL by the caller's CASL rules. */
  getPage(filter: UserPageFilter): Promise<UserEntity[]> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.agency', 'agency')
      .where(filter.access.sql, filter.access.params);
    if (filter.agencyId) qb.andWhere('u.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.search) {
      qb.andWhere('(u.username ILIKE :search OR u.display_name ILIKE :search)', {
        search: `%${escapeLike(filter.search)}%`,
      });
    }
    if (filter.afterUsername) qb.andWhere('u.username > :after', { after: filter.afterUsername });
    return qb.orderBy('u.username', 'ASC').limit(filter.limit).getMany();
  }

  insert(manager: EntityManager, user: Partial<UserEntity>): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(manager.create(UserEntity, user));
  }

  async update(manager: EntityManager, id: string, changes: Partial<UserEntity>): Promise<void> {
    await manager.getRepository(UserEntity).update({ id }, changes);
  }

  /**
   * Counts a failed sign-in atomically; the attempt that reaches the limit locks the account
   * until `lockUntil` and starts the count again.
   */
  async recordFailedLogin(
    manager: EntityManager,
    id: string,
    maxAttempts: number,
    lockUntil: Date,
  ): Promise<FailedLoginOutcome> {
    const rows = (await manager.query(
      `UPDATE users
          SET failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
              locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
        WHERE id = $1
    RETURNING failed_login_count, locked_until`,
      [id, maxAttempts, lockUntil],
    )) as [{ failed_login_count: number; locked_until: Date | null }[], number];
    const row = rows[0][0];
    return { failedLoginCount: row.failed_login_count, lockedUntil: row.locked_until };
  }
}
