import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AgencyType, ReferralStatus } from '@caunoi/shared/domain';
import type { SqlFilter } from '../authz/accessible-where';
import { ReferralEventEntity } from './referral-event.entity';
import { ReferralEntity } from './referral.entity';
import { ResponseTimeEntity } from './response-time.entity';
import { ServiceRecordEntity } from './service-record.entity';

/** CASL fields of a referral → SQL columns (alias `r`). */
export const REFERRAL_RULE_COLUMNS = {
  toAgencyId: 'r.to_agency_id',
} as const;

export interface AgencyRef {
  id: string;
  name: string;
  type: AgencyType;
  phone: string | null;
}

@Injectable()
export class ReferralsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  async nextCodeNumber(m: EntityManager): Promise<number> {
    const [row] = (await m.query(`SELECT nextval('referral_code_seq')::int AS n`)) as {
      n: number;
    }[];
    return row.n;
  }

  insert(m: EntityManager, referral: Partial<ReferralEntity>): Promise<ReferralEntity> {
    return m.getRepository(ReferralEntity).save(m.create(ReferralEntity, referral));
  }

  getById(id: string, m?: EntityManager): Promise<ReferralEntity | null> {
    return this.manager(m).getRepository(ReferralEntity).findOneBy({ id });
  }

  /** Locks one referral for a change; a second answer to the same referral waits, then sees the first. */
  getForUpdate(m: EntityManager, id: string): Promise<ReferralEntity | null> {
    return m
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  getForCase(caseId: string, m?: EntityManager): Promise<ReferralEntity[]> {
    return this.manager(m)
      .getRepository(ReferralEntity)
      .find({ where: { caseId }, order: { sentAt: 'DESC', id: 'DESC' } });
  }

  getOpenForCaseForUpdate(m: EntityManager, caseId: string): Promise<ReferralEntity[]> {
    return m
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.case_id = :caseId', { caseId })
      .andWhere(`r.status IN ('sent', 'accepted', 'in_service')`)
      .getMany();
  }

  /** Referrals the case sent that are not finished (sent, accepted or in service). */
  countOpenForCase(m: EntityManager, caseId: string): Promise<number> {
    return m
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .where('r.case_id = :caseId', { caseId })
      .andWhere(`r.status IN ('sent', 'accepted', 'in_service')`)
      .getCount();
  }

  /** One inbox page, matching idx_referrals_inbox: by respond-by time (oldest history last). */
  getInboxPage(
    access: SqlFilter,
    statuses: readonly ReferralStatus[],
    newestFirst: boolean,
    after: { respondBy: string; id: string } | null,
    limit: number,
  ): Promise<ReferralEntity[]> {
    const qb = this.dataSource
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .where(access.sql, access.params)
      .andWhere('r.status IN (:...statuses)', { statuses: [...statuses] });
    if (after) {
      qb.andWhere(`(r.respond_by, r.id) ${newestFirst ? '<' : '>'} (:afterAt, :afterId)`, {
        afterAt: after.respondBy,
        afterId: after.id,
      });
    }
    const order = newestFirst ? 'DESC' : 'ASC';
    return qb.orderBy('r.respond_by', order).addOrderBy('r.id', order).limit(limit).getMany();
  }

  async update(m: EntityManager, id: string, patch: Partial<ReferralEntity>): Promise<void> {
    await m.getRepository(ReferralEntity).update(id, patch);
  }

  async insertEvent(
    m: EntityManager,
    event: Omit<ReferralEventEntity, 'id' | 'seq'>,
  ): Promise<void> {
    await m.getRepository(ReferralEventEntity).insert(event);
  }

  getEvents(referralIds: string[], m?: EntityManager): Promise<ReferralEventEntity[]> {
    if (referralIds.length === 0) return Promise.resolve([]);
    return this.manager(m)
      .getRepository(ReferralEventEntity)
      .find({ where: { referralId: In(referralIds) }, order: { at: 'ASC', seq: 'ASC' } });
  }

  insertServiceRecord(
    m: EntityManager,
    record: Omit<ServiceRecordEntity, 'id' | 'createdAt'>,
  ): Promise<ServiceRecordEntity> {
    return m.getRepository(ServiceRecordEntity).save(m.create(ServiceRecordEntity, record));
  }

  getServiceRecords(referralIds: string[], m?: EntityManager): Promise<ServiceRecordEntity[]> {
    if (referralIds.length === 0) return Promise.resolve([]);
    return this.manager(m)
      .getRepository(ServiceRecordEntity)
      .find({
        where: { referralId: In(referralIds) },
        order: { providedOn: 'ASC', createdAt: 'ASC' },
      });
  }

  countServiceRecords(m: EntityManager, referralId: string): Promise<number> {
    return m.getRepository(ServiceRecordEntity).countBy({ referralId });
  }

  /** An agency's own service records, newest first (idx_service_records_agency). */
  getServiceRecordPage(
    access: SqlFilter,
    after: { createdAt: string; id: string } | null,
    limit: number,
  ): Promise<ServiceRecordEntity[]> {
    const qb = this.dataSource
      .getRepository(ServiceRecordEntity)
      .createQueryBuilder('s')
      .where(access.sql, access.params);
    if (after) {
      qb.andWhere('(s.created_at, s.id) < (:afterAt, :afterId)', {
        afterAt: after.createdAt,
        afterId: after.id,
      });
    }
    return qb.orderBy('s.created_at', 'DESC').addOrderBy('s.id', 'DESC').limit(limit).getMany();
  }

  async getCodes(referralIds: string[]): Promise<Map<string, string>> {
    if (referralIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(`SELECT id, code FROM referrals WHERE id = ANY($1)`, [
      referralIds,
    ])) as { id: string; code: string }[];
    return new Map(rows.map((r) => [r.id, r.code]));
  }

  async getAgencyRefs(ids: string[], m?: EntityManager): Promise<Map<string, AgencyRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = (await this.manager(m).query(
      `SELECT id, name, type, phone FROM agencies WHERE id = ANY($1)`,
      [unique],
    )) as AgencyRef[];
    return new Map(rows.map((a) => [a.id, a]));
  }

  async getUserNames(ids: (string | null)[], m?: EntityManager): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => id !== null))];
    if (unique.length === 0) return new Map();
    const rows = (await this.manager(m).query(
      `SELECT id, display_name AS name FROM users WHERE id = ANY($1)`,
      [unique],
    )) as { id: string; name: string }[];
    return new Map(rows.map((u) => [u.id, u.name]));
  }

  getResponseTimes(m?: EntityManager): Promise<ResponseTimeEntity[]> {
    return this.manager(m)
      .getRepository(ResponseTimeEntity)
      .find({ order: { agencyType: 'ASC', urgency: 'ASC' } });
  }

  async saveResponseTimes(
    m: EntityManager,
    rows: Pick<ResponseTimeEntity, 'agencyType' | 'urgency' | 'hours'>[],
  ): Promise<void> {
    await m.getRepository(ResponseTimeEntity).upsert(rows, ['agencyType', 'urgency']);
  }

  /** The pseudonymous survivor code of a case (for the sender's notices, never the receiver's). */
  async getSurvivorCode(m: EntityManager, caseId: string): Promise<string> {
    const [row] = (await m.query(
      `SELECT s.code FROM cases c JOIN survivors s ON s.id = c.survivor_id WHERE c.id = $1`,
      [caseId],
    )) as { code: string }[];
    return row?.code ?? '';
  }
}
