import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import type { AuditChainVerification } from '@caunoi/shared/domain';
import { AUDIT_GENESIS_HASH, chainAuditRows, verifyAuditChain } from '@caunoi/shared/domain';
import { AuditLogEntity } from './audit-log.entity';
import { sha256Hex } from './audit-digests';

export type NewAuditRow = Omit<AuditLogEntity, 'id' | 'prevHash' | 'hash'>;

// Rows read per query while verifying: bounded memory, whatever the log's length.
const VERIFY_BATCH = 5000;
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
    const chained = chainAuditRows(last?.hash ?? AUDIT_GENESIS_HASH, rows, sha256Hex);
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

  /**
   * Verifies the chain after `start` (a row's id and stored hash; null id: from the first row), in
   * batches, up to the last row. Returns the first break, and the last row it reached.
   */
  async verifyChainFrom(start: AuditChainVerification['head']): Promise<AuditChainVerification> {
    const repo = this.dataSource.getRepository(AuditLogEntity);
    let head = start;
    let rows = 0;
    for (;;) {
      const batch = await repo.find({
        where: head.id === null ? {} : { id: MoreThan(head.id) },
        order: { id: 'ASC' },
        take: VERIFY_BATCH,
      });
      const result = verifyAuditChain(batch, head, sha256Hex);
      rows += result.rows;
      if (result.break) return { break: result.break, head: result.head, rows };
      head = result.head;
      if (batch.length < VERIFY_BATCH) return { break: null, head, rows };
    }
  }

  /** Recomputes the whole chain; returns the id of the first row that breaks it, or null. */
  async findFirstBrokenLink(): Promise<string | null> {
    const result = await this.verifyChainFrom({ id: null, hash: AUDIT_GENESIS_HASH });
    return result.break?.rowId ?? null;
  }
}
