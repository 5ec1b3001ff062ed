import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CorrectionSubject } from '@caunoi/shared/contracts';

export interface CorrectionRow {
  id: string;
  subjectType: CorrectionSubject;
  subjectId: string;
  previousEnc: string;
  changedFields: string[];
  reasonEnc: string;
  correctedByName: string | null;
  correctedAt: Date;
}

@Injectable()
export class CaseCorrectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    m: EntityManager,
    c: {
      caseId: string;
      subjectType: CorrectionSubject;
      subjectId: string;
      previousEnc: string;
      changedFields: string[];
      reasonEnc: string;
      correctedByUserId: string;
      correctedAt: Date;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO case_corrections (case_id, subject_type, subject_id, previous_enc, changed_fields,
              reason_enc, corrected_by_user_id, corrected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        c.caseId,
        c.subjectType,
        c.subjectId,
        c.previousEnc,
        c.changedFields,
        c.reasonEnc,
        c.correctedByUserId,
        c.correctedAt,
      ],
    );
  }

  /** One record's corrections, newest first. */
  listForSubject(
    caseId: string,
    subjectType: CorrectionSubject,
    subjectId: string,
  ): Promise<CorrectionRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.subject_type AS "subjectType", c.subject_id AS "subjectId",
              c.previous_enc AS "previousEnc", c.changed_fields AS "changedFields",
              c.reason_enc AS "reasonEnc", u.display_name AS "correctedByName",
              c.corrected_at AS "correctedAt"
         FROM case_corrections c LEFT JOIN users u ON u.id = c.corrected_by_user_id
        WHERE c.case_id = $1 AND c.subject_type = $2 AND c.subject_id = $3
        ORDER BY c.corrected_at DESC, c.id`,
      [caseId, subjectType, subjectId],
    );
  }
}
