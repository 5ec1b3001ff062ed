import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AccountChangeKind, AccountChangeStatus, Role } from '@caunoi/shared/domain';
import type { SqlFilter } from '../authz/accessible-where';
import { AccountChangeEntity } from './account-change.entity';

/** Rule field → SQL column, for turning CASL rules on AccountChange into a WHERE clause. */
export const ACCOUNT_CHANGE_RULE_COLUMNS = { targetAgencyId: 'c.target_agency_id' } as const;

export interface NewAccountChange {
  kind: AccountChangeKind;
  targetUserId: string;
  fromRole: Role | null;
  fromAgencyId: string | null;
  targetRole: Role;
  targetAgencyId: string;
  requestedByUserId: string;
  requestedAt: Date;
}

export interface AccountChangePageFilter {
  access: SqlFilter;
  status: AccountChangeStatus;
  userId?: string;
  after: { requestedAt: string; id: string } | null;
  limit: number;
}

export interface AccountChangeDecisionRow {
  status: Exclude<AccountChangeStatus, 'pending'>;
  decidedByUserId: string;
  decidedAt: Date;
  rejectionReason: string | null;
}

@Injectable()
export class AccountChangesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records a pending request; null when one of the same kind already waits for this account (the
   * partial unique index decides, so two admins asking at once cannot both succeed).
   */
  async insertPending(m: EntityManager, change: NewAccountChange): Promise<string | null> {
    const rows = (await m.query(
      `INSERT INTO account_changes (kind, status, target_user_id, from_role, from_agency_id,
                                    target_role, target_agency_id, requested_by_user_id, requested_at)
       VALUES ($1, 'pending', $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (target_user_id, kind) WHERE status = 'pending' DO NOTHING
       RETURNING id`,
      [
        change.kind,
        change.targetUserId,
        change.fromRole,
        change.fromAgencyId,
        change.targetRole,
        change.targetAgencyId,
        change.requestedByUserId,
        change.requestedAt,
      ],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** One request with the people and agencies the approvals screen names. */
  getWithPeople(id: string): Promise<AccountChangeEntity | null> {
    return this.withPeople().where('c.id = :id', { id }).getOne();
  }

  /** Newest first, keyset on (requested_at, id), filtered in SQL by the caller's CASL rules. */
  getPage(filter: AccountChangePageFilter): Promise<AccountChangeEntity[]> {
    const qb = this.withPeople()
      .where(filter.access.sql, filter.access.params)
      .andWhere('c.status = :status', { status: filter.status });
    if (filter.userId) qb.andWhere('c.target_user_id = :userId', { userId: filter.userId });
    if (filter.after) {
      qb.andWhere('(c.requested_at, c.id) < (:afterAt, :afterId)', {
        afterAt: filter.after.requestedAt,
        afterId: filter.after.id,
      });
    }
    return qb
      .orderBy('c.requested_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(filter.limit)
      .getMany();
  }

  /** The pending requests of some accounts, for the users list. */
  async getPendingForUsers(
    userIds: readonly string[],
  ): Promise<{ id: string; kind: AccountChangeKind; targetUserId: string }[]> {
    if (userIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT id, kind, target_user_id AS "targetUserId" FROM account_changes
        WHERE target_user_id = ANY($1) AND status = 'pending' ORDER BY requested_at`,
      [[...userIds]],
    )) as { id: string; kind: AccountChangeKind; targetUserId: string }[];
  }

  /** Decides a pending request; false when someone else decided it first (compare-and-set). */
  async decide(m: EntityManager, id: string, decision: AccountChangeDecisionRow): Promise<boolean> {
    const rows = (await m.query(
      `UPDATE account_changes
          SET status = $2, decided_by_user_id = $3, decided_at = $4, rejection_reason = $5,
              updated_at = now()
        WHERE id = $1 AND status = 'pending'
    RETURNING id`,
      [id, decision.status, decision.decidedByUserId, decision.decidedAt, decision.rejectionReason],
    )) as [{ id: string }[], number];
    return rows[0].length === 1;
  }

  private withPeople() {
    return this.dataSource
      .getRepository(AccountChangeEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.target', 'target')
      .leftJoinAndSelect('target.agency', 'targetCurrentAgency')
      .innerJoinAndSelect('c.targetAgency', 'targetAgency')
      .innerJoinAndSelect('c.requestedBy', 'requestedBy')
      .leftJoinAndSelect('c.decidedBy', 'decidedBy');
  }
}
