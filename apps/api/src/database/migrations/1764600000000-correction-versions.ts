import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections and conflicts (issue 10): every record a correction applies to carries a version, so a
 * save made from an older one is refused (409 `stale_version`) instead of overwriting someone else's
 * change. A case note, an incident and the survivor's identity start at version 1; the perpetrator
 * record already had one. A perpetrator's edits now keep their history in `case_corrections` too.
 */
export class CorrectionVersions1764600000000 implements MigrationInterface {
  name = 'CorrectionVersions1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_notes ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE incidents ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE survivors ADD COLUMN identity_version integer NOT NULL DEFAULT 1`);
    await q.query(
      `ALTER TABLE case_corrections DROP CONSTRAINT case_corrections_subject_type_check`,
    );
    await q.query(
      `ALTER TABLE case_corrections ADD CONSTRAINT case_corrections_subject_type_check
         CHECK (subject_type IN ('SurvivorIdentity', 'Incident', 'CaseNote', 'Perpetrator'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM case_corrections WHERE subject_type = 'Perpetrator'`);
    await q.query(
      `ALTER TABLE case_corrections DROP CONSTRAINT case_corrections_subject_type_check`,
    );
    await q.query(
      `ALTER TABLE case_corrections ADD CONSTRAINT case_corrections_subject_type_check
         CHECK (subject_type IN ('SurvivorIdentity', 'Incident', 'CaseNote'))`,
    );
    await q.query(`ALTER TABLE survivors DROP COLUMN identity_version`);
    await q.query(`ALTER TABLE incidents DROP COLUMN version`);
    await q.query(`ALTER TABLE case_notes DROP COLUMN version`);
  }
}
