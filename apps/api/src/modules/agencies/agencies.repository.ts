import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { escapeLike } from '../../common/sql';
import type { AgencyType, ServiceType } from '@caunoi/shared/domain';
import { AgencyEntity } from './agency.entity';

export interface AgencyPageFilter {
  after: { name: string; id: string } | null;
  limit: number;
  type?: AgencyType;
  provinceCode?: string;
  nameContains?: string;
  includeInactive: boolean;
  /** Covers this commune: names it, or covers the whole province it lies in. */
  coversCommune?: { code: string; provinceCode: string };
  service?: ServiceType;
  acceptingReferrals?: boolean;
}

@Injectable()
export class AgenciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  getById(id: string): Promise<AgencyEntity | null> {
    return this.dataSource.getRepository(AgencyEntity).findOneBy({ id });
  }

  getByIds(ids: readonly string[]): Promise<AgencyEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AgencyEntity).findBy({ id: In([...ids]) });
  }

  /** One page ordered by (name, id), matching idx_agencies_*_name_id. */
  getPage(filter: AgencyPageFilter): Promise<AgencyEntity[]> {
    const qb = this.dataSource.getRepository(AgencyEntity).createQueryBuilder('a');
    if (!filter.includeInactive) qb.andWhere('a.active');
    if (filter.type) qb.andWhere('a.type = :type', { type: filter.type });
    if (filter.provinceCode) qb.andWhere('a.province_code = :pc', { pc: filter.provinceCode });
    if (filter.nameContains) {
      qb.andWhere(`a.name ILIKE :contains`, { contains: `%${escapeLike(filter.nameContains)}%` });
    }
    if (filter.coversCommune) {
      qb.andWhere(
        '(a.coverage_commune_codes @> ARRAY[:commune]::text[] OR (a.covers_whole_province AND a.province_code = :communeProvince))',
        { commune: filter.coversCommune.code, communeProvince: filter.coversCommune.provinceCode },
      );
    }
    if (filter.service) qb.andWhere(':service = ANY(a.services)', { service: filter.service });
    if (filter.acceptingReferrals !== undefined) {
      qb.andWhere('a.accepting_referrals = :accepting', { accepting: filter.acceptingReferrals });
    }
    if (filter.after) {
      qb.andWhere('(a.name, a.id) > (:afterName, :afterId)', {
        afterName: filter.after.name,
        afterId: filter.after.id,
      });
    }
    return qb.orderBy('a.name', 'ASC').addOrderBy('a.id', 'ASC').limit(filter.limit).getMany();
  }

  insert(manager: EntityManager, agency: Partial<AgencyEntity>): Promise<AgencyEntity> {
    return manager.getRepository(AgencyEntity).save(manager.create(AgencyEntity, agency));
  }

  save(manager: EntityManager, agency: AgencyEntity): Promise<AgencyEntity> {
    return manager.getRepository(AgencyEntity).save(agency);
  }

  getActiveOfTypes(types: readonly AgencyType[], provinceCode: string): Promise<AgencyEntity[]> {
    return this.dataSource
      .getRepository(AgencyEntity)
      .createQueryBuilder('a')
      .where('a.active AND a.province_code = :provinceCode AND a.type IN (:...types)', {
        provinceCode,
        types: [...types],
      })
      .orderBy('a.name', 'ASC')
      .getMany();
  }

  /**
   * After a merge: agencies that covered a retired commune cover its successor instead (once), so
   * the directory keeps routing calls from the merged commune.
   */
  async replaceCoverageCodes(
    manager: EntityManager,
    retiredCodes: readonly string[],
    successorCode: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE agencies SET coverage_commune_codes = ARRAY(
         SELECT DISTINCT ON (c) c FROM (
           SELECT CASE WHEN x.c = ANY($1::text[]) THEN $2 ELSE x.c END AS c, x.i
           FROM unnest(coverage_commune_codes) WITH ORDINALITY AS x(c, i)) y
         ORDER BY c, i),
         updated_at = now()
       WHERE coverage_commune_codes && $1::text[]`,
      [[...retiredCodes], successorCode],
    );
  }
}
