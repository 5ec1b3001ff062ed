import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AgeGroup, PerpetratorRelationship, Sex } from '@caunoi/shared/domain';

export interface PerpetratorWrite {
  identityEnc: string;
  identityRecorded: boolean;
  sex: Sex;
  ageGroup: AgeGroup;
  relationship: PerpetratorRelationship;
  incidentIds: string[];
}

export interface PerpetratorRow extends PerpetratorWrite {
  id: string;
  caseId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = `SELECT p.id, p.case_id AS "caseId", p.version, p.identity_enc AS "identityEnc",
    p.identity_recorded AS "identityRecorded", p.sex, p.age_group AS "ageGroup", p.relationship,
    COALESCE((SELECT array_agg(pi.incident_id ORDER BY pi.incident_id) FROM perpetrator_incidents pi
               WHERE pi.perpetrator_id = p.id), '{}') AS "incidentIds",
    p.created_at AS "createdAt", p.updated_at AS "updatedAt"
  FROM perpetrators p`;

@Injectable()
export class PerpetratorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The perpetrator records of one case, oldest first (a handful per case). */
  listForCase(caseId: string, m?: EntityManager): Promise<PerpetratorRow[]> {
    return (m ?? this.dataSource.manager).query(
      `${SELECT} WHERE p.case_id = $1 ORDER BY p.created_at, p.id`,
      [caseId],
    );
  }

  async getOfCase(
    caseId: string,
    id: string,
    m?: EntityManager,
    forUpdate = false,
  ): Promise<PerpetratorRow | null> {
    const rows = (await (m ?? this.dataSource.manager).query(
      `${SELECT} WHERE p.case_id = $1 AND p.id = $2${forUpdate ? ' FOR UPDATE OF p' : ''}`,
      [caseId, id],
    )) as PerpetratorRow[];
    return rows[0] ?? null;
  }

  /** Which of these ids are incidents of the case. */
  async incidentsOfCase(m: EntityManager, caseId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await m.query(
      `SELECT id FROM incidents WHERE case_id = $1 AND id = ANY($2::uuid[])`,
      [caseId, ids],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async insert(
    m: EntityManager,
    caseId: string,
    userId: string,
    now: Date,
    p: PerpetratorWrite,
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO perpetrators (case_id, identity_enc, identity_recorded, sex, age_group,
         relationship, created_by_user_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
      [caseId, p.identityEnc, p.identityRecorded, p.sex, p.ageGroup, p.relationship, userId, now],
    )) as { id: string }[];
    const id = (row as { id: string }).id;
    await this.link(m, id, p.incidentIds);
    return id;
  }

  async update(m: EntityManager, id: string, now: Date, p: PerpetratorWrite): Promise<void> {
    await m.query(
      `UPDATE perpetrators SET identity_enc = $2, identity_recorded = $3, sex = $4, age_group = $5,
         relationship = $6, version = version + 1, updated_at = $7
       WHERE id = $1`,
      [id, p.identityEnc, p.identityRecorded, p.sex, p.ageGroup, p.relationship, now],
    );
    await m.query(`DELETE FROM perpetrator_incidents WHERE perpetrator_id = $1`, [id]);
    await this.link(m, id, p.incidentIds);
  }

  private async link(m: EntityManager, id: string, incidentIds: string[]): Promise<void> {
    if (incidentIds.length === 0) return;
    await m.query(
      `INSERT INTO perpetrator_incidents (perpetrator_id, incident_id)
       SELECT $1, unnest($2::uuid[])`,
      [id, incidentIds],
    );
  }
}
