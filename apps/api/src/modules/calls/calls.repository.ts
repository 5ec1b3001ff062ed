import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CaseStage } from '@caunoi/shared/domain';
import { countAffected } from '../../common/sql';
import type { SqlFilter } from '../authz/accessible-where';
import { CallEntity } from './call.entity';
import { HotlineLineEntity } from './hotline-line.entity';

/** A call before the database gives it its id and timestamps. */
export type NewCall = Omit<CallEntity, 'id' | 'createdAt' | 'updatedAt'>;

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

  // Read on every call logged: plain SQL, rows taken as they come (the aliases are the entity's fields).
  async getLine(id: string): Promise<HotlineLineEntity | null> {
    const rows = (await this.dataSource.query(
      `SELECT id, agency_id AS "agencyId", number, name, active, created_at AS "createdAt"
         FROM hotline_lines WHERE id = $1`,
      [id],
    )) as HotlineLineEntity[];
    return rows[0] ?? null;
  }

  async getLineNumbers(lineIds: string[]): Promise<Map<string, string>> {
    if (lineIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      'SELECT id, number FROM hotline_lines WHERE id = ANY($1::uuid[])',
      [[...new Set(lineIds)]],
    )) as { id: string; number: string }[];
    return new Map(rows.map((l) => [l.id, l.number]));
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

  /** One INSERT for the hotline's busiest write; the row is what was given plus what the database made. */
  async insert(manager: EntityManager, call: NewCall): Promise<CallEntity> {
    const rows = (await manager.query(
      `INSERT INTO calls (agency_id, line_id, operator_user_id, channel, started_at, ended_at, caller_type,
         caller_phone_bidx, caller_phone_bidx_key, survivor_sex, survivor_age_group, commune_code, gbv_type_hint,
         child_involved, danger_now, crime_signs, chairman_notified_at, chairman_notification_means, outcome,
         notes_enc, handed_over_at, handed_to_agency_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
       RETURNING id, created_at, updated_at`,
      [
        call.agencyId,
        call.lineId,
        call.operatorUserId,
        call.channel,
        call.startedAt,
        call.endedAt,
        call.callerType,
        call.callerPhoneBidx,
        call.callerPhoneBidxKey,
        call.survivorSex,
        call.survivorAgeGroup,
        call.communeCode,
        call.gbvTypeHint,
        call.childInvolved,
        call.dangerNow,
        call.crimeSigns,
        call.chairmanNotifiedAt,
        call.chairmanNotificationMeans,
        call.outcome,
        call.notesEnc,
        call.handedOverAt,
        call.handedToAgencyId,
      ],
    )) as { id: string; created_at: Date; updated_at: Date }[];
    const [made] = rows;
    if (!made) throw new Error('INSERT INTO calls returned no row');
    return { ...call, id: made.id, createdAt: made.created_at, updatedAt: made.updated_at };
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
