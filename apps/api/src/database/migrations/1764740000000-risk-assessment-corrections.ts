import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A saved risk assessment can be corrected with a reason (issue 10): it carries a version like the
 * other corrected records, and its replaced answers and judgement are kept in `case_corrections`.
 */
export class RiskAssessmentCorrections1764740000000 implements MigrationInterface {
  name = 'RiskAssessmentCorrections1764740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE risk_assessments ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(
      `ALTER TABLE case_corrections DROP CONSTRAINT case_corrections_subject_type_check`,
    );
    await q.query(
      `ALTER TABLE case_corrections ADD CONSTRAINT case_corrections_subject_type_check
         CHECK (subject_type IN ('SurvivorIdentity', 'Incident', 'CaseNote', 'Perpetrator',
                                 'RiskAssessment'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM case_corrections WHERE subject_type = 'RiskAssessment'`);
    await q.query(
      `ALTER TABLE case_corrections DROP CONSTRAINT case_corrections_subject_type_check`,
    );
    await q.query(
      `ALTER TABLE case_corrections ADD CONSTRAINT case_corrections_subject_type_check
         CHECK (subject_type IN ('SurvivorIdentity', 'Incident', 'CaseNote', 'Perpetrator'))`,
    );
    await q.query(`ALTER TABLE risk_assessments DROP COLUMN version`);
  }
}
