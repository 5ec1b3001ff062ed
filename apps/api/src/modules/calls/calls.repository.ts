import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CaseStage } from '@caunoi/shared/domain';
import { countAffected } from '../../common/sql';
import type { SqlFilter } from '../authz/accessible-where';
import { CallEntity } from './call.entity';
import { HotlineLineEntity } from './hotline-line.entity';

export const CALL_RULE_COLUMNS = { agencyId: 'c.agency_id' } as const;
export const HOTLINE_LINE_RULE_COLUMNS = { agencyId: 'l.agency_id' } as const;

/** What an operator may know of the case opened from their call: code and stage, nothing else. */
export interface CallCaseInfo {
  callId: string;
  caseCode: string;
  caseStage: CaseStage;
}

@Injectable()
export class CallsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  getLines(access: SqlFilter, includeInactive = false): Promise<HotlineLineEntity[]> {
    const qb = this.dataSource
      .getRepository(HotlineLineEntity)
      .createQueryBuilder('l')
      .where(access.sql, access.params);
    if (!includeInactive) qb.andWhere('l.active');
    return qb.orderBy('l.number', 'ASC').getMany();
  }

  async isLineNumberTaken(
    manager: EntityManager,
    agencyId: string,
    number: string,
    exceptId: string | null,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM hotline_lines WHERE agency_id = $1 AND number = $2 AND ($3::uuid IS NULL OR id <> $3) LIMIT 1`,
      [agencyId, number, exceptId],
    )) as unknown[];
    return rows.length > 0;
  }

  saveLine(manager: EntityManager, line: Partial<HotlineLineEntity>): Promise<HotlineLineEntity> {
    return manager.getRepository(HotlineLineEntity).save(manager.create(HotlineLineEntity, line));
  }

  getLine(id: string): Promise<HotlineLineEntity | null> {
    return this.dataSource.getRepository(HotlineLineEntity).findOneBy({ id });
  }

  async getLineNumbers(lineIds: string[]): Promise<Map<string, string>> {
    if (lineIds.length === 0) return new Map();
    const lines = await this.dataSource
      .getRepository(HotlineLineEntity)
      .findBy({ id: In([...new Set(lineIds)]) });
    return new Map(lines.map((l) => [l.id, l.number]));
  }

  getById(id: string, manager?: EntityManager): Promise<CallEntity | null> {
    return (manager ?? this.dataSource.manager).getRepository(CallEntity).findOneBy({ id });
  }

  async lock(manager: EntityManager, id: string): Promise<void> {
    await manager.query('SELECT 1 FROM calls WHERE id = $1 FOR UPDATE', [id]);
  }

  /** Newest first, keyset on (started_at, id), filtered in SQL by the caller's CASL rules. */
  getPage(
    access: SqlFilter,
    after: { startedAt: string; id: string } | null,
    limit: number,
  ): Promise<CallEntity[]> {
    const qb = this.dataSource
      .getRepository(CallEntity)
      .createQueryBuilder('c')
      .where(access.sql, access.params);
    if (after) {
      qb.andWhere('(c.started_at, c.id) < (:afterAt, :afterId)', {
        afterAt: after.startedAt,
        afterId: after.id,
      });
    }
    return qb.orderBy('c.started_at', 'DESC').addOrderBy('c.id', 'DESC').limit(limit).getMany();
  }

  insert(manager: EntityManager, call: Partial<CallEntity>): Promise<CallEntity> {
    return manager.getRepository(CallEntity).save(manager.create(CallEntity, call));
  }

  save(manager: EntityManager, call: CallEntity): Promise<CallEntity> {
    return manager.getRepository(CallEntity).save(call);
  }

  /** Re-labels a hotline's calls from one caller digest (under the previous key) to the current one. */
  async moveCallerDigest(
    manager: EntityManager,
    agencyId: string,
    previous: Buffer,
    current: Buffer,
    keyId: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE calls SET caller_phone_bidx = $3, caller_phone_bidx_key = $4
       WHERE agency_id = $1 AND caller_phone_bidx = $2`,
      [agencyId, previous, current, keyId],
    );
  }

  /** Calls whose caller digest is not under the given key (the number is not stored to redo it). */
  async countCallerDigestsNotUnder(keyId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM calls WHERE caller_phone_bidx_key <> $1`,
      [keyId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Erases up to `limit` caller digests not under the key; their repeat-caller links end. */
  async forgetCallerDigestsNotUnder(keyId: string, limit: number): Promise<number> {
    const rows = (await this.dataSource.query(
      `UPDATE calls SET caller_phone_bidx = NULL, caller_phone_bidx_key = NULL
       WHERE id IN (SELECT id FROM calls WHERE caller_phone_bidx_key <> $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [keyId, limit],
    )) as unknown;
    return countAffected(rows);
  }

  /** Earlier calls to the same hotline from the same number, by blind index, for each given call. */
  async getRepeatCalls(calls: CallEntity[]): Promise<Map<string, string[]>> {
    const withPhone = calls.filter((c) => c.callerPhoneBidx !== null);
    const result = new Map<string, string[]>(calls.map((c) => [c.id, []]));
    if (withPhone.length === 0) return result;
    const matches = await this.dataSource.getRepository(CallEntity).find({
      select: { id: true, agencyId: true, callerPhoneBidx: true, startedAt: true },
      where: {
        agencyId: In([...new Set(withPhone.map((c) => c.agencyId))]),
        callerPhoneBidx: In(withPhone.map((c) => c.callerPhoneBidx as Buffer)),
      },
      order: { startedAt: 'DESC' },
    });
    for (const call of withPhone) {
      const others = matches.filter(
        (m) =>
          m.id !== call.id &&
          m.agencyId === call.agencyId &&
          m.callerPhoneBidx?.equals(call.callerPhoneBidx as Buffer),
      );
      result.set(
        call.id,
        others.map((m) => m.id),
      );
    }
    return result;
  }

  async getCaseInfo(callIds: string[]): Promise<Map<string, CallCaseInfo>> {
    if (callIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT ii.call_id AS "callId", s.code AS "caseCode", cs.stage AS "caseStage"
         FROM intake_items ii JOIN cases cs ON cs.id = ii.case_id JOIN survivors s ON s.id = cs.survivor_id
        WHERE ii.call_id = ANY($1)`,
      [callIds],
    )) as CallCaseInfo[];
    return new Map(rows.map((r) => [r.callId, r]));
  }
}
