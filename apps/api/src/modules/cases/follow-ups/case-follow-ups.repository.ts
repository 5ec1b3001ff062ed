import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { FollowUpMethod, FollowUpOutcome, FollowUpStatus } from '@caunoi/shared/domain';

export interface FollowUpRow {
  id: string;
  caseId: string;
  plannedOn: string;
  method: FollowUpMethod;
  status: FollowUpStatus;
  outcome: FollowUpOutcome | null;
  noteEnc: string | null;
  doneAt: Date | null;
  doneByName: string | null;
  nextFollowUpId: string | null;
  createdByName: string | null;
  createdAt: Date;
}

const FROM = `case_follow_ups f
  LEFT JOIN users c ON c.id = f.created_by_user_id
  LEFT JOIN users d ON d.id = f.done_by_user_id`;
const COLUMNS = `f.id, f.case_id AS "caseId", to_char(f.planned_on, 'YYYY-MM-DD') AS "plannedOn",
  f.method, f.status, f.outcome, f.note_enc AS "noteEnc", f.done_at AS "doneAt",
  d.display_name AS "doneByName", f.next_follow_up_id AS "nextFollowUpId",
  c.display_name AS "createdByName", f.created_at AS "createdAt"`;

@Injectable()
export class CaseFollowUpsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A case's contacts, latest planned first (a few dozen at most over a case's life). */
  list(caseId: string): Promise<FollowUpRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE f.case_id = $1
        ORDER BY f.planned_on DESC, f.created_at DESC, f.id`,
      [caseId],
    );
  }

  async get(m: EntityManager, caseId: string, id: string): Promise<FollowUpRow | null> {
    const rows = (await m.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE f.case_id = $1 AND f.id = $2`,
      [caseId, id],
    )) as FollowUpRow[];
    return rows[0] ?? null;
  }

  async insert(
    m: EntityManager,
    f: {
      caseId: string;
      plannedOn: string;
      method: FollowUpMethod;
      createdByUserId: string;
      createdAt: Date;
    },
  ): Promise<string> {
    const rows = (await m.query(
      `INSERT INTO case_follow_ups (case_id, planned_on, method, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [f.caseId, f.plannedOn, f.method, f.createdByUserId, f.createdAt],
    )) as { id: string }[];
    return (rows[0] as { id: string }).id;
  }

  /** Records the outcome of a planned contact; false when it was done already (lost the race). */
  async recordOutcome(
    m: EntityManager,
    id: string,
    r: { outcome: FollowUpOutcome; noteEnc: string | null; doneAt: Date; doneByUserId: string },
  ): Promise<boolean> {
    const [, affected] = (await m.query(
      `UPDATE case_follow_ups SET status = 'done', outcome = $2, note_enc = $3, done_at = $4,
              done_by_user_id = $5
        WHERE id = $1 AND status = 'planned'`,
      [id, r.outcome, r.noteEnc, r.doneAt, r.doneByUserId],
    )) as [unknown, number];
    return affected === 1;
  }

  async linkNext(m: EntityManager, id: string, nextId: string): Promise<void> {
    await m.query(`UPDATE case_follow_ups SET next_follow_up_id = $2 WHERE id = $1`, [id, nextId]);
  }
}
