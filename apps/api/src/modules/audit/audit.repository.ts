import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

export type NewAuditRow = Omit<AuditLogEntity, 'id' | 'prevHash' | 'hash'>;

const GENESIS_HASH = '0'.repeat(64);
// One lock id for the chain: appends are serialised so each row can name its predecessor's hash.
const AUDIT_CHAIN_LOCK = 7_424_001;

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends inside the caller's transaction, so the audit rows and the change commit together.
   * Several rows (a list read) take the chain lock once and go in one insert, chained in order.
   */
  async append(manager: EntityManager, rows: NewAuditRow[]): Promise<void> {
    if (rows.length === 0) return;
    // The chain lock lasts as long as the transaction. Outside one it would end with its own statement,
    // and two appends could both chain onto the same last row: so an append always runs in one.
    if (!manager.queryRunner?.isTransactionActive) {
      return manager.transaction((m) => this.append(m, rows));
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [last] = (await manager.query('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1')) as {
      hash: string;
    }[];
    let prevHash = last?.hash ?? GENESIS_HASH;
    const chained = rows.map((row) => {
      const hash = chainHash(prevHash, row);
      const linked = { ...row, prevHash, hash };
      prevHash = hash;
      return linked;
    });
    // Ids are assigned in VALUES order, which is the chain order.
    await manager.insert(AuditLogEntity, chained);
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

  getForActor(actorUserId: string, limit: number): Promise<AuditLogEntity[]> {
    return this.dataSource.getRepository(AuditLogEntity).find({
      where: { actorUserId },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  /** Recomputes the chain; returns the id of the first row whose hash does not match, or null. */
  async findFirstBrokenLink(): Promise<string | null> {
    const rows = await this.dataSource.getRepository(AuditLogEntity).find({ order: { id: 'ASC' } });
    let prev = GENESIS_HASH;
    for (const row of rows) {
      if (row.prevHash !== prev || chainHash(prev, row) !== row.hash) return row.id;
      prev = row.hash;
    }
    return null;
  }
}

function chainHash(prevHash: string, row: NewAuditRow): string {
  const canonical = JSON.stringify([
    prevHash,
    row.occurredAt.toISOString(),
    row.actorUserId,
    row.actorRole,
    row.actorAgencyId,
    row.action,
    row.subjectType,
    row.subjectId,
    row.fields,
    row.requestId,
    // Added with the intake migration: rows without a case hash exactly as before it.
    ...(row.caseId ? [row.caseId] : []),
    // jsonb reorders keys on the way back, so hash them in a fixed order.
    Object.keys(row.details)
      .sort()
      .map((key) => [key, row.details[key]]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
