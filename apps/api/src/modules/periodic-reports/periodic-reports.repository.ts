import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PeriodicReportKind } from '@caunoi/shared/domain';
import type { SqlFilter } from '../authz/accessible-where';
import { PeriodicReportEntity } from './periodic-report.entity';

export const PERIODIC_REPORT_RULE_COLUMNS = {
  agencyId: 'r.agency_id',
  recipientAgencyId: 'r.recipient_agency_id',
} as const;

/** A centre's periodic reports (one per centre, year and kind). */
@Injectable()
export class PeriodicReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  getById(id: string, manager?: EntityManager): Promise<PeriodicReportEntity | null> {
    return (manager ?? this.dataSource.manager)
      .getRepository(PeriodicReportEntity)
      .findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<PeriodicReportEntity | null> {
    return manager
      .getRepository(PeriodicReportEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  findFor(
    manager: EntityManager,
    agencyId: string,
    year: number,
    kind: PeriodicReportKind,
  ): Promise<PeriodicReportEntity | null> {
    return manager.getRepository(PeriodicReportEntity).findOneBy({ agencyId, year, kind });
  }

  save(
    manager: EntityManager,
    report: Partial<PeriodicReportEntity>,
  ): Promise<PeriodicReportEntity> {
    return manager.getRepository(PeriodicReportEntity).save(report);
  }

  /** The reports of a year the caller may read, by due date then centre. */
  listForYear(access: SqlFilter, year: number): Promise<PeriodicReportEntity[]> {
    return this.dataSource
      .getRepository(PeriodicReportEntity)
      .createQueryBuilder('r')
      .where(access.sql, access.params)
      .andWhere('r.year = :year', { year })
      .orderBy('r.due_on', 'ASC')
      .addOrderBy('r.agency_id', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(500)
      .getMany();
  }

  async agencyNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT id, name FROM agencies WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The agency and its province, for a centre drafting. */
  async getAgency(
    agencyId: string,
  ): Promise<{ id: string; type: string; provinceCode: string } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, type, province_code AS "provinceCode" FROM agencies WHERE id = $1`,
      [agencyId],
    )) as { id: string; type: string; provinceCode: string }[];
    return row ?? null;
  }

  /** The province's reporting authority (the same rule as the 10-day reports). */
  async findReportingAuthority(provinceCode: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id FROM agencies
        WHERE type = 'reporting_authority' AND active AND province_code = $1
        ORDER BY name LIMIT 1`,
      [provinceCode],
    )) as { id: string }[];
    return row?.id ?? null;
  }
}
