import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseSummaryView } from '@caunoi/shared/contracts';
import type { CaseSource, CaseStage, RiskLevel } from '@caunoi/shared/domain';
import { countAffected, queryNamed } from '../../common/sql';
import type { SqlFilter } from '../authz/accessible-where';
import { CaseNoteEntity } from './case-note.entity';
import { CaseEntity } from './case.entity';
import { ConsentRecordEntity } from './consent-record.entity';
import { IncidentEntity } from './incident.entity';
import { SurvivorEntity } from './survivor.entity';

/** Rule field → SQL column, for turning CASL rules on Case into a WHERE clause. */
export const CASE_RULE_COLUMNS = {
  agencyId: 'c.agency_id',
  assignedUserId: 'c.assigned_user_id',
} as const;

export interface CasePageFilter {
  access: SqlFilter;
  after: { openedAt: string; id: string } | null;
  limit: number;
  assignedUserId?: string | null;
  stage?: CaseStage;
  riskLevel?: RiskLevel;
  survivorCode?: string;
}

/** A case with its survivor and assignee, as lists and the case file need them. */
export type CaseWithPeople = CaseEntity & { survivor: SurvivorEntity };

// What a case list shows of each case, and nothing of the survivor but the code.
const CASE_SUMMARY_SELECT = `SELECT c.id, s.code, c.stage, c.risk_level, c.source, c.assigned_user_id,
       au.display_name AS assigned_user_name, c.child_involved, c.serious_incident, c.opened_at, c.updated_at
  FROM cases c JOIN survivors s ON s.id = c.survivor_id LEFT JOIN users au ON au.id = c.assigned_user_id`;

interface CaseSummaryRow {
  id: string;
  code: string;
  stage: CaseStage;
  risk_level: RiskLevel;
  source: CaseSource;
  assigned_user_id: string | null;
  assigned_user_name: string | null;
  child_involved: boolean;
  serious_incident: boolean;
  opened_at: Date;
  updated_at: Date;
}

function toCaseSummary(r: CaseSummaryRow): CaseSummaryView {
  return {
    id: r.id,
    survivorCode: r.code,
    stage: r.stage,
    riskLevel: r.risk_level,
    source: r.source,
    assignedUserId: r.assigned_user_id,
    assignedUserName: r.assigned_user_name,
    childInvolved: r.child_involved,
    seriousIncident: r.serious_incident,
    openedAt: r.opened_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private cases(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager)
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.survivor', 's')
      .leftJoinAndSelect('c.assignedUser', 'au');
  }

  async getWithPeople(id: string, manager?: EntityManager): Promise<CaseWithPeople | null> {
    return (await this.cases(manager)
      .where('c.id = :id', { id })
      .getOne()) as CaseWithPeople | null;
  }

  /** The fields the CASL rules on Case look at, for deciding what another list may show of each case. */
  async getAccessFields(
    ids: string[],
  ): Promise<Array<{ id: string; agencyId: string; assignedUserId: string | null }>> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; agency_id: string; assigned_user_id: string | null }> =
      await this.dataSource.query(
        'SELECT id, agency_id, assigned_user_id FROM cases WHERE id = ANY($1::uuid[])',
        [ids],
      );
    return rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      assignedUserId: r.assigned_user_id,
    }));
  }

  /** Locks the case row so concurrent changes to one case apply one after the other. */
  async lockForUpdate(manager: EntityManager, id: string): Promise<void> {
    await manager.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [id]);
  }

  /**
   * One page ordered by (opened_at DESC, id DESC), filtered in SQL by the caller's CASL rules: only the
   * columns a list shows, one row each, mapped once (no entities: a list is read far more than written).
   */
  async getPage(filter: CasePageFilter): Promise<CaseSummaryView[]> {
    const where = [`(${filter.access.sql})`];
    const params: Record<string, unknown> = { ...filter.access.params, limit: filter.limit };
    if (filter.assignedUserId === null) where.push('c.assigned_user_id IS NULL');
    else if (filter.assignedUserId) {
      where.push('c.assigned_user_id = :me');
      params['me'] = filter.assignedUserId;
    }
    if (filter.stage) {
      where.push('c.stage = :stage');
      params['stage'] = filter.stage;
    }
    if (filter.riskLevel) {
      where.push('c.risk_level = :risk');
      params['risk'] = filter.riskLevel;
    }
    if (filter.survivorCode) {
      where.push('s.code = :code');
      params['code'] = filter.survivorCode;
    }
    if (filter.after) {
      where.push('(c.opened_at, c.id) < (:afterAt, :afterId)');
      params['afterAt'] = filter.after.openedAt;
      params['afterId'] = filter.after.id;
    }
    return this.summaries(
      `${where.join(' AND ')} ORDER BY c.opened_at DESC, c.id DESC LIMIT :limit`,
      params,
    );
  }

  /** Cases whose survivor matches a blind index, visible to the caller. */
  getBySurvivorIndex(
    access: SqlFilter,
    index: { phone?: Buffer[]; nameDob?: Buffer[] },
  ): Promise<CaseSummaryView[]> {
    const where = [`(${access.sql})`];
    const params: Record<string, unknown> = { ...access.params };
    if (index.phone) {
      where.push('s.phone_bidx = ANY(:phone::bytea[])');
      params['phone'] = index.phone;
    }
    if (index.nameDob) {
      where.push('s.name_dob_bidx = ANY(:nameDob::bytea[])');
      params['nameDob'] = index.nameDob;
    }
    return this.summaries(`${where.join(' AND ')} ORDER BY c.opened_at DESC LIMIT 50`, params);
  }

  private async summaries(
    whereAndOrder: string,
    params: Record<string, unknown>,
  ): Promise<CaseSummaryView[]> {
    const rows = await queryNamed<CaseSummaryRow>(
      this.dataSource,
      `${CASE_SUMMARY_SELECT} WHERE ${whereAndOrder}`,
      params,
    );
    return rows.map(toCaseSummary);
  }

  /**
   * Every case (whoever may see it) whose survivor shares an index with the given survivor. Each
   * index comes as the digests it may be stored under (two while the blind-index key changes).
   */
  async getPossibleDuplicates(
    manager: EntityManager,
    survivorId: string,
    phone: readonly Buffer[],
    nameDob: readonly Buffer[],
  ): Promise<
    {
      id: string;
      agencyId: string;
      assignedUserId: string | null;
      code: string;
      phoneMatch: boolean;
      nameDobMatch: boolean;
    }[]
  > {
    if (phone.length === 0 && nameDob.length === 0) return [];
    const rows = (await manager.query(
      `SELECT c.id, c.agency_id AS "agencyId", c.assigned_user_id AS "assignedUserId", s.code,
              (s.phone_bidx = ANY($2::bytea[])) AS "phoneMatch", (s.name_dob_bidx = ANY($3::bytea[])) AS "nameDobMatch"
         FROM survivors s JOIN cases c ON c.survivor_id = s.id
        WHERE s.id <> $1 AND (s.phone_bidx = ANY($2::bytea[]) OR s.name_dob_bidx = ANY($3::bytea[]))
        ORDER BY c.opened_at DESC LIMIT 20`,
      [survivorId, [...phone], [...nameDob]],
    )) as {
      id: string;
      agencyId: string;
      assignedUserId: string | null;
      code: string;
      phoneMatch: boolean | null;
      nameDobMatch: boolean | null;
    }[];
    return rows.map((r) => ({
      ...r,
      phoneMatch: r.phoneMatch === true,
      nameDobMatch: r.nameDobMatch === true,
    }));
  }

  /** Next survivor-code sequence number for a prefix and year, allocated inside the transaction. */
  async nextSurvivorSequence(
    manager: EntityManager,
    prefix: string,
    year: number,
  ): Promise<number> {
    const [row] = (await manager.query(
      `INSERT INTO survivor_code_counters (prefix, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (prefix, year) DO UPDATE SET last_value = survivor_code_counters.last_value + 1
       RETURNING last_value`,
      [prefix, year],
    )) as { last_value: number }[];
    if (!row) throw new Error('survivor code counter returned nothing');
    return row.last_value;
  }

  insertSurvivor(
    manager: EntityManager,
    survivor: Partial<SurvivorEntity>,
  ): Promise<SurvivorEntity> {
    return manager.getRepository(SurvivorEntity).save(manager.create(SurvivorEntity, survivor));
  }

  insertCase(manager: EntityManager, entity: Partial<CaseEntity>): Promise<CaseEntity> {
    return manager.getRepository(CaseEntity).save(manager.create(CaseEntity, entity));
  }

  async updateCase(
    manager: EntityManager,
    id: string,
    changes: Partial<CaseEntity>,
  ): Promise<void> {
    await manager.getRepository(CaseEntity).update({ id }, changes);
  }

  getIncidents(caseId: string, manager?: EntityManager): Promise<IncidentEntity[]> {
    return (manager ?? this.dataSource.manager)
      .getRepository(IncidentEntity)
      .find({ where: { caseId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }

  getIncident(caseId: string, id: string): Promise<IncidentEntity | null> {
    return this.dataSource.getRepository(IncidentEntity).findOneBy({ caseId, id });
  }

  saveIncident(manager: EntityManager, incident: Partial<IncidentEntity>): Promise<IncidentEntity> {
    return manager.getRepository(IncidentEntity).save(manager.create(IncidentEntity, incident));
  }

  async hasSubmittedReport(incidentId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM incident_reports WHERE incident_id = $1 AND status IN ('submitted', 'acknowledged')`,
      [incidentId],
    )) as unknown[];
    return rows.length > 0;
  }

  async hasSeriousIncident(manager: EntityManager, caseId: string): Promise<boolean> {
    return manager.getRepository(IncidentEntity).existsBy({ caseId, serious: true });
  }

  getConsents(caseId: string, manager?: EntityManager): Promise<ConsentRecordEntity[]> {
    return (manager ?? this.dataSource.manager)
      .getRepository(ConsentRecordEntity)
      .find({ where: { caseId }, order: { givenAt: 'ASC', id: 'ASC' } });
  }

  getConsent(caseId: string, id: string): Promise<ConsentRecordEntity | null> {
    return this.dataSource.getRepository(ConsentRecordEntity).findOneBy({ caseId, id });
  }

  saveConsent(
    manager: EntityManager,
    consent: Partial<ConsentRecordEntity>,
  ): Promise<ConsentRecordEntity> {
    return manager
      .getRepository(ConsentRecordEntity)
      .save(manager.create(ConsentRecordEntity, consent));
  }

  getNotes(caseId: string): Promise<(CaseNoteEntity & { authorName: string })[]> {
    return this.dataSource
      .getRepository(CaseNoteEntity)
      .createQueryBuilder('n')
      .leftJoin('users', 'u', 'u.id = n.author_user_id')
      .addSelect('u.display_name', 'author_name')
      .where('n.case_id = :caseId', { caseId })
      .orderBy('n.created_at', 'ASC')
      .getRawAndEntities()
      .then(({ entities, raw }) =>
        entities.map((note, i) =>
          Object.assign(note, {
            authorName: (raw[i] as { author_name: string | null }).author_name ?? '',
          }),
        ),
      );
  }

  /** A note of the case, locked for a correction (null when the case has no such note). */
  getNoteForUpdate(m: EntityManager, caseId: string, id: string): Promise<CaseNoteEntity | null> {
    return m
      .getRepository(CaseNoteEntity)
      .createQueryBuilder('n')
      .setLock('pessimistic_write')
      .where('n.case_id = :caseId AND n.id = :id', { caseId, id })
      .getOne();
  }

  /** Writes a corrected note and raises its version; answers the new version. */
  async setNoteBody(m: EntityManager, id: string, bodyEnc: string): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, count].
    const [rows] = (await m.query(
      `UPDATE case_notes SET body_enc = $2, version = version + 1 WHERE id = $1 RETURNING version`,
      [id, bodyEnc],
    )) as [{ version: number }[], number];
    return rows[0]?.version ?? 0;
  }

  /** The current version of an incident, its row locked until the end of the transaction. */
  async lockIncidentVersion(m: EntityManager, caseId: string, id: string): Promise<number | null> {
    const rows = (await m.query(
      `SELECT version FROM incidents WHERE case_id = $1 AND id = $2 FOR UPDATE`,
      [caseId, id],
    )) as { version: number }[];
    return rows[0]?.version ?? null;
  }

  /** Writes a corrected identity with its re-computed blind indexes and raises its version. */
  async setSurvivorIdentity(
    m: EntityManager,
    id: string,
    s: {
      identityEnc: string;
      identityFields: string[];
      ageGroup: string;
      sex: string;
      disabilityStatus: string;
      ethnicMinority: string;
      phoneBidx: Buffer | null;
      nameDobBidx: Buffer | null;
      bidxKey: string | null;
    },
  ): Promise<void> {
    await m.query(
      `UPDATE survivors SET identity_enc = $2, identity_fields = $3, age_group = $4, phone_bidx = $5,
              name_dob_bidx = $6, bidx_key = $7, sex = $8, disability = $9, ethnic_minority = $10,
              identity_version = identity_version + 1, updated_at = now()
        WHERE id = $1`,
      [
        id,
        s.identityEnc,
        s.identityFields,
        s.ageGroup,
        s.phoneBidx,
        s.nameDobBidx,
        s.bidxKey,
        s.sex,
        s.disabilityStatus,
        s.ethnicMinority,
      ],
    );
  }

  async markChildInvolved(m: EntityManager, caseId: string): Promise<void> {
    await m.query(`UPDATE cases SET child_involved = true, updated_at = now() WHERE id = $1`, [
      caseId,
    ]);
  }

  insertNote(manager: EntityManager, note: Partial<CaseNoteEntity>): Promise<CaseNoteEntity> {
    return manager.getRepository(CaseNoteEntity).save(manager.create(CaseNoteEntity, note));
  }

  /** Survivors whose blind indexes were made with another key than `keyId`, by id after `afterId`. */
  async getSurvivorsIndexedNotUnder(
    keyId: string,
    afterId: string | null,
    limit: number,
  ): Promise<{ id: string; identityEnc: string | null; bidxKey: string }[]> {
    return (await this.dataSource.query(
      `SELECT id, identity_enc AS "identityEnc", bidx_key AS "bidxKey" FROM survivors
       WHERE bidx_key <> $1 AND ($2::uuid IS NULL OR id > $2::uuid) ORDER BY id LIMIT $3`,
      [keyId, afterId, limit],
    )) as { id: string; identityEnc: string | null; bidxKey: string }[];
  }

  async countSurvivorsIndexedNotUnder(keyId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM survivors WHERE bidx_key <> $1`,
      [keyId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /**
   * Writes re-computed digests unless the survivor changed since it was read (then whoever changed
   * it wrote digests under the current key): compare-and-set, so no concurrent update is lost.
   */
  async setSurvivorIndex(
    manager: EntityManager,
    id: string,
    expected: { identityEnc: string | null; bidxKey: string },
    index: { phone: Buffer | null; nameDob: Buffer | null; keyId: string },
  ): Promise<boolean> {
    const result = await manager.query(
      `UPDATE survivors SET phone_bidx = $4, name_dob_bidx = $5,
              bidx_key = CASE WHEN $4::bytea IS NULL AND $5::bytea IS NULL THEN NULL ELSE $6 END
       WHERE id = $1 AND identity_enc IS NOT DISTINCT FROM $2 AND bidx_key = $3 RETURNING id`,
      [id, expected.identityEnc, expected.bidxKey, index.phone, index.nameDob, index.keyId],
    );
    return countAffected(result) === 1;
  }
}
