import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

export type NewAuditRow = Omit<AuditLogEntity, 'id'>;

const COLUMNS = [
  'occurred_at',
  'actor_user_id',
  'actor_role',
  'actor_agency_id',
  'action',
  'subject_type',
  'subject_id',
  'fields',
  'case_id',
  'request_id',
  'details',
];
const CASTS = ['', '::uuid', '', '::uuid', '', '', '', '::text[]', '::uuid', '', '::jsonb'];
// Rows per INSERT: far below PostgreSQL's 65,535 parameters.
const INSERT_BATCH = 1000;

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends inside the caller's transaction, so the audit rows and the change commit together. One
   * INSERT, no lock and no read: the worker's chainer links the rows once they have committed
   * (docs/decisions/0022-audit-chain-without-a-lock.md). Ids follow the VALUES order.
   */
  async append(manager: EntityManager, rows: NewAuditRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const batch = rows.slice(start, start + INSERT_BATCH);
      const params: unknown[] = [];
      const values = batch.map((row) => {
        params.push(
          row.occurredAt,
          row.actorUserId,
          row.actorRole,
          row.actorAgencyId,
          row.action,
          row.subjectType,
          row.subjectId,
          row.fields,
          row.caseId,
          row.requestId,
          JSON.stringify(row.details),
        );
        const first = params.length - COLUMNS.length;
        return `(${COLUMNS.map((_, i) => `$${first + i + 1}${CASTS[i]}`).join(', ')})`;
      });
      await manager.query(
        `INSERT INTO audit_log (${COLUMNS.join(', ')}) VALUES ${values.join(', ')}`,
        params,
      );
    }
  }

  /** Rows for one subject, newest first (keyset on id). */
  getForSubject(subjectType: string, subjectId: string, limit: number): Promise<AuditLogEntity[]> {
    return this.dataSource.getRepository(AuditLogEntity).find({
      where: { subjectType, subjectId },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  /** A case's access log, newest first, with the actor's display name (keyset on id). */
  async getForCase(
    caseId: string,
    beforeId: string | null,
    limit: number,
  ): Promise<(AuditLogEntity & { actorName: string | null })[]> {
    const qb = this.dataSource
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      .leftJoin('users', 'u', 'u.id = a.actor_user_id')
      .addSelect('u.display_name', 'actor_name')
      .where('a.case_id = :caseId', { caseId });
    if (beforeId) qb.andWhere('a.id < :beforeId', { beforeId });
    const { entities, raw } = await qb.orderBy('a.id', 'DESC').limit(limit).getRawAndEntities();
    return entities.map((row, i) =>
      Object.assign(row, { actorName: (raw[i] as { actor_name: string | null }).actor_name }),
    );
  }

  /**
   * A case's timeline: its audit rows of the given actions (the case's own steps, no reads), newest
   * first, keyset on id, with the actor's name. Served by idx_audit_case (case_id, id).
   */
  getTimelineForCase(
    caseId: string,
    actions: readonly string[],
    beforeId: string | null,
    limit: number,
  ): Promise<
    {
      id: string;
      occurredAt: Date;
      action: string;
      actorName: string | null;
      subjectType: string;
      fields: string[];
    }[]
  > {
    return this.dataSource.query(
      `SELECT a.id::text AS id, a.occurred_at AS "occurredAt", a.action, u.display_name AS "actorName",
              a.subject_type AS "subjectType", a.fields
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
        WHERE a.case_id = $1 AND a.action = ANY($2::text[]) AND ($3::bigint IS NULL OR a.id < $3::bigint)
        ORDER BY a.id DESC LIMIT $4`,
      [caseId, actions, beforeId, limit],
    );
  }

  getForActor(actorUserId: string, limit: number): Promise<AuditLogEntity[]> {
    return this.dataSource.getRepository(AuditLogEntity).find({
      where: { actorUserId },
      order: { id: 'DESC' },
      take: limit,
    });
  }
}
