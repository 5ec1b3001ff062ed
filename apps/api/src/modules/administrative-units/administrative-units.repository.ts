import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In } from 'typeorm';
import type { AdministrativeUnitLevel, AdministrativeUnitStatus } from '@caunoi/shared/domain';
import { escapeLike } from '../../common/sql';
import { AdministrativeUnitNameEntity } from './administrative-unit-name.entity';
import { AdministrativeUnitEntity } from './administrative-unit.entity';

export interface UnitPageFilter {
  level?: AdministrativeUnitLevel;
  parentCode?: string;
  /** Already folded with normaliseName. */
  searchKey?: string;
  status?: AdministrativeUnitStatus;
  codes?: readonly string[];
  after: { searchName: string; code: string } | null;
  limit: number;
}

export interface NewUnit {
  code: string;
  name: string;
  level: AdministrativeUnitLevel;
  parentCode: string | null;
  effectiveFrom: string;
}

@Injectable()
export class AdministrativeUnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every intake names a commune: plain SQL, the row as the entity's fields (dates as YYYY-MM-DD, as TypeORM gives them). */
  async getByCode(code: string, manager?: EntityManager): Promise<AdministrativeUnitEntity | null> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT code, name, level, parent_code AS "parentCode", status,
              to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
              to_char(effective_to, 'YYYY-MM-DD') AS "effectiveTo", successor_code AS "successorCode",
              search_name AS "searchName", created_at AS "createdAt", updated_at AS "updatedAt"
         FROM administrative_units WHERE code = $1`,
      [code],
    )) as AdministrativeUnitEntity[];
    return rows[0] ?? null;
  }

  getByCodes(
    codes: readonly string[],
    manager?: EntityManager,
  ): Promise<AdministrativeUnitEntity[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return (manager ?? this.dataSource.manager)
      .getRepository(AdministrativeUnitEntity)
      .findBy({ code: In([...codes]) });
  }

  /** Locks the rows a change will rewrite, in code order so two changes cannot deadlock. */
  async lockByCodes(manager: EntityManager, codes: readonly string[]): Promise<void> {
    await manager.query(
      `SELECT code FROM administrative_units WHERE code = ANY($1::text[]) ORDER BY code FOR UPDATE`,
      [[...codes]],
    );
  }

  /** One page by (search_name, code), matching idx_administrative_units_{parent,level}_search. */
  getPage(filter: UnitPageFilter): Promise<AdministrativeUnitEntity[]> {
    const qb = this.dataSource.getRepository(AdministrativeUnitEntity).createQueryBuilder('u');
    if (filter.level) qb.andWhere('u.level = :level', { level: filter.level });
    if (filter.parentCode) qb.andWhere('u.parent_code = :parent', { parent: filter.parentCode });
    if (filter.status) qb.andWhere('u.status = :status', { status: filter.status });
    if (filter.codes) qb.andWhere('u.code IN (:...codes)', { codes: [...filter.codes] });
    if (filter.searchKey) {
      qb.andWhere(`u.search_name LIKE :search`, { search: `%${escapeLike(filter.searchKey)}%` });
    }
    if (filter.after) {
      qb.andWhere('(u.search_name, u.code) > (:afterName, :afterCode)', {
        afterName: filter.after.searchName,
        afterCode: filter.after.code,
      });
    }
    return qb
      .orderBy('u.search_name', 'ASC')
      .addOrderBy('u.code', 'ASC')
      .limit(filter.limit)
      .getMany();
  }

  /** Names in force under a parent (provinces when parentCode is null), but for one code. */
  async getActiveSiblingNames(
    level: AdministrativeUnitLevel,
    parentCode: string | null,
    exceptCode: string | null,
    manager?: EntityManager,
  ): Promise<string[]> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT name FROM administrative_units
       WHERE status = 'active' AND level = $1 AND parent_code IS NOT DISTINCT FROM $2 AND code IS DISTINCT FROM $3`,
      [level, parentCode, exceptCode],
    )) as { name: string }[];
    return rows.map((r) => r.name);
  }

  async countActiveChildren(
    codes: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, number>> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT parent_code AS code, count(*)::int AS n FROM administrative_units
       WHERE status = 'active' AND parent_code = ANY($1::text[]) GROUP BY parent_code`,
      [[...codes]],
    )) as { code: string; n: number }[];
    return new Map(rows.map((r) => [r.code, r.n]));
  }

  /** How many of the codes are communes in force in the province. */
  async countActiveCommunesIn(codes: readonly string[], provinceCode: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM administrative_units
       WHERE code = ANY($1::text[]) AND level = 'commune' AND parent_code = $2 AND status = 'active'`,
      [[...codes], provinceCode],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  getNames(code: string): Promise<AdministrativeUnitNameEntity[]> {
    return this.dataSource
      .getRepository(AdministrativeUnitNameEntity)
      .find({ where: { unitCode: code }, order: { effectiveFrom: 'ASC' } });
  }

  async getCurrentNameFrom(code: string, manager: EntityManager): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT effective_from::text AS d FROM administrative_unit_names WHERE unit_code = $1 AND effective_to IS NULL`,
      [code],
    )) as { d: string }[];
    return row?.d ?? null;
  }

  getPredecessors(code: string): Promise<AdministrativeUnitEntity[]> {
    return this.dataSource
      .getRepository(AdministrativeUnitEntity)
      .find({ where: { successorCode: code }, order: { code: 'ASC' } });
  }

  /**
   * The unit that carries each code on today (the end of its successor chain; itself if none), from
   * the view administrative_unit_current_codes. Statistics count old records under these codes.
   */
  async resolveCurrentCodes(codes: readonly string[]): Promise<Map<string, string>> {
    const rows = (await this.dataSource.query(
      `SELECT code, current_code FROM administrative_unit_current_codes WHERE code = ANY($1::text[])`,
      [[...codes]],
    )) as { code: string; current_code: string }[];
    return new Map(rows.map((r) => [r.code, r.current_code]));
  }

  async rename(
    manager: EntityManager,
    code: string,
    name: string,
    effectiveFrom: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE administrative_unit_names SET effective_to = $2 WHERE unit_code = $1 AND effective_to IS NULL`,
      [code, effectiveFrom],
    );
    await manager.query(
      `INSERT INTO administrative_unit_names (unit_code, name, effective_from) VALUES ($1, $2, $3)`,
      [code, name, effectiveFrom],
    );
    await manager.query(
      `UPDATE administrative_units SET name = $2, updated_at = now() WHERE code = $1`,
      [code, name],
    );
  }

  /** Ends the units (and their current names) on the day given, naming the successor if any. */
  async retire(
    manager: EntityManager,
    codes: readonly string[],
    effectiveTo: string,
    successorCode: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE administrative_units SET status = 'retired', effective_to = $2, successor_code = $3, updated_at = now()
       WHERE code = ANY($1::text[])`,
      [[...codes], effectiveTo, successorCode],
    );
    await manager.query(
      `UPDATE administrative_unit_names SET effective_to = $2 WHERE unit_code = ANY($1::text[]) AND effective_to IS NULL`,
      [[...codes], effectiveTo],
    );
  }

  async insert(manager: EntityManager, unit: NewUnit): Promise<void> {
    await manager.query(
      `INSERT INTO administrative_units (code, name, level, parent_code, effective_from) VALUES ($1, $2, $3, $4, $5)`,
      [unit.code, unit.name, unit.level, unit.parentCode, unit.effectiveFrom],
    );
    await manager.query(
      `INSERT INTO administrative_unit_names (unit_code, name, effective_from) VALUES ($1, $2, $3)`,
      [unit.code, unit.name, unit.effectiveFrom],
    );
  }
}
