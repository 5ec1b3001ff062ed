import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SafetyPlanSection } from '@caunoi/shared/domain';

export interface SafetyPlanRow {
  id: string;
  caseId: string;
  version: number;
  sectionsEnc: string;
  changedSections: SafetyPlanSection[];
  reviewOn: string;
  createdByName: string | null;
  createdAt: Date;
}

const COLUMNS = `p.id, p.case_id AS "caseId", p.version, p.sections_enc AS "sectionsEnc",
  p.changed_sections AS "changedSections", to_char(p.review_on, 'YYYY-MM-DD') AS "reviewOn",
  u.display_name AS "createdByName", p.created_at AS "createdAt"`;

@Injectable()
export class SafetyPlansRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every version of a case's plan, newest first (a handful per case). */
  list(caseId: string, m?: EntityManager): Promise<SafetyPlanRow[]> {
    return (m ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM safety_plans p LEFT JOIN users u ON u.id = p.created_by_user_id
        WHERE p.case_id = $1 ORDER BY p.version DESC`,
      [caseId],
    );
  }

  async latest(m: EntityManager, caseId: string): Promise<SafetyPlanRow | null> {
    const rows = (await m.query(
      `SELECT ${COLUMNS} FROM safety_plans p LEFT JOIN users u ON u.id = p.created_by_user_id
        WHERE p.case_id = $1 ORDER BY p.version DESC LIMIT 1`,
      [caseId],
    )) as SafetyPlanRow[];
    return rows[0] ?? null;
  }

  async insert(
    m: EntityManager,
    plan: {
      caseId: string;
      version: number;
      sectionsEnc: string;
      changedSections: SafetyPlanSection[];
      reviewOn: string;
      createdByUserId: string;
      createdAt: Date;
    },
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO safety_plans (case_id, version, sections_enc, changed_sections, review_on,
         created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        plan.caseId,
        plan.version,
        plan.sectionsEnc,
        plan.changedSections,
        plan.reviewOn,
        plan.createdByUserId,
        plan.createdAt,
      ],
    )) as { id: string }[];
    return (row as { id: string }).id;
  }
}
