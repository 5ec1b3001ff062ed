import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SqlFilter } from '../authz/accessible-where';
import type { IncidentReportFormParties } from './incident-report-form';
import { IncidentReportEntity } from './incident-report.entity';

export const INCIDENT_REPORT_RULE_COLUMNS = { recipientAgencyId: 'r.recipient_agency_id' } as const;

@Injectable()
export class IncidentReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Reports of the case still in the centre's hands (draft or approved, not yet sent). */
  countOpenForCase(m: EntityManager, caseId: string): Promise<number> {
    return m
      .getRepository(IncidentReportEntity)
      .createQueryBuilder('r')
      .where('r.case_id = :caseId', { caseId })
      .andWhere(`r.status IN ('draft', 'approved')`)
      .getCount();
  }

  getForIncident(
    incidentId: string,
    manager?: EntityManager,
  ): Promise<IncidentReportEntity | null> {
    return (manager ?? this.dataSource.manager)
      .getRepository(IncidentReportEntity)
      .findOneBy({ incidentId });
  }

  getById(id: string): Promise<IncidentReportEntity | null> {
    return this.dataSource.getRepository(IncidentReportEntity).findOneBy({ id });
  }

  async lockForIncident(
    manager: EntityManager,
    incidentId: string,
  ): Promise<IncidentReportEntity | null> {
    return manager
      .getRepository(IncidentReportEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.incident_id = :incidentId', { incidentId })
      .getOne();
  }

  save(
    manager: EntityManager,
    report: Partial<IncidentReportEntity>,
  ): Promise<IncidentReportEntity> {
    return manager
      .getRepository(IncidentReportEntity)
      .save(manager.create(IncidentReportEntity, report));
  }

  /** The province's inbox: submitted reports addressed to the caller's agency, newest first. */
  getInbox(
    access: SqlFilter,
    after: { submittedAt: string; id: string } | null,
    limit: number,
  ): Promise<IncidentReportEntity[]> {
    const qb = this.dataSource
      .getRepository(IncidentReportEntity)
      .createQueryBuilder('r')
      .where(access.sql, access.params)
      .andWhere(`r.status IN ('submitted', 'acknowledged')`);
    if (after)
      qb.andWhere('(r.submitted_at, r.id) < (:afterAt, :afterId)', {
        afterAt: after.submittedAt,
        afterId: after.id,
      });
    return qb.orderBy('r.submitted_at', 'DESC').addOrderBy('r.id', 'DESC').limit(limit).getMany();
  }

  /** The province's reporting authority for the agency's province. */
  async findReportingAuthority(agencyId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      `SELECT a.id FROM agencies a
        WHERE a.type = 'reporting_authority' AND a.active
          AND a.province_code = (SELECT province_code FROM agencies WHERE id = $1)
        ORDER BY a.name LIMIT 1`,
      [agencyId],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  /**
   * The names on a printed report: the centre, its province, the province's reporting authority
   * (the recipient once submitted, else the one it would go to) and the incident's commune.
   */
  async getFormParties(
    agencyId: string,
    recipientAgencyId: string | null,
    communeCode: string,
  ): Promise<IncidentReportFormParties> {
    const [row] = (await this.dataSource.query(
      `SELECT c.name AS centre, p.name AS province, auth.name AS authority, cu.name AS commune
         FROM agencies c
         LEFT JOIN administrative_units p ON p.code = c.province_code
         LEFT JOIN agencies auth ON auth.id = COALESCE($2::uuid, (
           SELECT a.id FROM agencies a
            WHERE a.type = 'reporting_authority' AND a.active AND a.province_code = c.province_code
            ORDER BY a.name LIMIT 1))
         LEFT JOIN administrative_units cu ON cu.code = $3
        WHERE c.id = $1`,
      [agencyId, recipientAgencyId, communeCode],
    )) as IncidentReportFormParties[];
    return row ?? { centre: '', province: null, authority: null, commune: null };
  }
}
