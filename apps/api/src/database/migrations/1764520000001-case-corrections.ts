import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runtimeRole } from './runtime-role';

/**
 * Corrections with history (issue 10): a correction of a case's survivor identity, an incident or a
 * case note keeps the version it replaced, who corrected it, when and why. The previous version and
 * the reason are encrypted (an identity's history is identity); only the names of the changed fields
 * are in clear. The app may not delete a row; it may update one only because key rotation
 * re-encrypts every `*_enc` column in place.
 */
export class CaseCorrections1764520000001 implements MigrationInterface {
  name = 'CaseCorrections1764520000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_corrections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        subject_type text NOT NULL CHECK (subject_type IN ('SurvivorIdentity', 'Incident', 'CaseNote')),
        subject_id uuid NOT NULL,
        previous_enc text NOT NULL,
        changed_fields text[] NOT NULL,
        reason_enc text NOT NULL,
        corrected_by_user_id uuid NOT NULL REFERENCES users(id),
        corrected_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_case_corrections_subject
         ON case_corrections (case_id, subject_type, subject_id, corrected_at DESC)`,
    );
    const app = await runtimeRole(q);
    if (app) await q.query(`REVOKE DELETE, TRUNCATE ON case_corrections FROM ${app}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_corrections`);
  }
}
