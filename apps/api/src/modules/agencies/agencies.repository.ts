import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AgencyType } from '@caunoi/shared/domain';
import { AdministrativeUnitEntity } from './administrative-unit.entity';
import { AgencyEntity } from './agency.entity';

export interface AgencyPageFilter {
  after: { name: string; id: string } | null;
  limit: number;
  type?: AgencyType;
  provinceCode?: string;
  nameContains?: string;
  includeInactive: boolean;
}

@Injectable()
export class AgenciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  getById(id: string): Promise<AgencyEntity | null> {
    return this.dataSource.getRepository(AgencyEntity).findOneBy({ id });
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

  getUnit(code: string): Promise<AdministrativeUnitEntity | null> {
    return this.dataSource.getRepository(AdministrativeUnitEntity).findOneBy({ code });
  }

  getUnits(
    level?: 'province' | 'commune',
    parentCode?: string,
  ): Promise<AdministrativeUnitEntity[]> {
    return this.dataSource.getRepository(AdministrativeUnitEntity).find({
      where: { ...(level ? { level } : {}), ...(parentCode ? { parentCode } : {}) },
      order: { name: 'ASC' },
    });
  }
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
