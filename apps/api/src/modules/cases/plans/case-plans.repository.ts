import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CasePlanPart, CasePlanStatus } from '@caunoi/shared/domain';

export interface CasePlanRow {
  id: string;
  caseId: string;
  version: number;
  status: CasePlanStatus;
  contentEnc: string;
  changedParts: CasePlanPart[];
  createdByUserId: string;
  createdByName: string | null;
  createdAt: Date;
  submittedByUserId: string | null;
  submittedAt: Date | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  commentEnc: string | null;
}

const COLUMNS = `p.id, p.case_id AS "caseId", p.version, p.status, p.content_enc AS "contentEnc",
  p.changed_parts AS "changedParts", p.created_by_user_id AS "createdByUserId",
  cu.display_name AS "createdByName", p.created_at AS "createdAt",
  p.submitted_by_user_id AS "submittedByUserId", p.submitted_at AS "submittedAt",
  du.display_name AS "decidedByName", p.decided_at AS "decidedAt", p.comment_enc AS "commentEnc"`;
const FROM = `FROM case_plans p
  LEFT JOIN users cu ON cu.id = p.created_by_user_id
  LEFT JOIN users du ON du.id = p.decided_by_user_id`;

/** The versions of a case's action plan. */
@Injectable()
export class CasePlansRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every version, newest first (a handful per case). */
  listForCase(caseId: string): Promise<CasePlanRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} ${FROM} WHERE p.case_id = $1 ORDER BY p.version DESC`,
      [caseId],
    );
  }

  /** The latest version, read inside the transaction that holds the case's row lock. */
  async latest(m: EntityManager, caseId: string): Promise<CasePlanRow | null> {
    const rows = (await m.query(
      `SELECT ${COLUMNS} ${FROM} WHERE p.case_id = $1 ORDER BY p.version DESC LIMIT 1`,
      [caseId],
    )) as CasePlanRow[];
    return rows[0] ?? null;
  }

  async insert(
    m: EntityManager,
    plan: {
      caseId: string;
      version: number;
      status: CasePlanStatus;
      contentEnc: string;
      changedParts: CasePlanPart[];
      createdByUserId: string;
      createdAt: Date;
    },
  ): Promise<string> {
    const submitted = plan.status === 'submitted';
    const [row] = (await m.query(
      `INSERT INTO case_plans (case_id, version, status, content_enc, changed_parts,
         created_by_user_id, created_at, submitted_by_user_id, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        plan.caseId,
        plan.version,
        plan.status,
        plan.contentEnc,
        plan.changedParts,
        plan.createdByUserId,
        plan.createdAt,
        submitted ? plan.createdByUserId : null,
        submitted ? plan.createdAt : null,
      ],
    )) as { id: string }[];
    return (row as { id: string }).id;
  }

  async markSubmitted(m: EntityManager, id: string, userId: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE case_plans SET status = 'submitted', submitted_by_user_id = $2, submitted_at = $3
        WHERE id = $1`,
      [id, userId, at],
    );
  }

  async markDecided(
    m: EntityManager,
    id: string,
    decision: {
      status: 'approved' | 'returned';
      userId: string;
      at: Date;
      commentEnc: string | null;
    },
  ): Promise<void> {
    await m.query(
      `UPDATE case_plans SET status = $2, decided_by_user_id = $3, decided_at = $4, comment_enc = $5
        WHERE id = $1`,
      [id, decision.status, decision.userId, decision.at, decision.commentEnc],
    );
  }
}
