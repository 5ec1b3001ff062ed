import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, the rest: a protective measure's revocation (who, when, the written reasons, encrypted)
 * and the caseworker's "no renewal needed" answer to an order's expiry clock (its reason, encrypted);
 * a case conference's cancellation (reason encrypted) and its last rescheduling (reason encrypted).
 */
export class MeasureRevocationConferenceCancel1764620000000 implements MigrationInterface {
  name = 'MeasureRevocationConferenceCancel1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE protective_measures
        ADD COLUMN revoked_at timestamptz,
        ADD COLUMN revoked_by_user_id uuid REFERENCES users(id),
        ADD COLUMN revocation_reasons_enc text,
        ADD COLUMN no_renewal_at timestamptz,
        ADD COLUMN no_renewal_by_user_id uuid REFERENCES users(id),
        ADD COLUMN no_renewal_reason_enc text,
        ADD CONSTRAINT ck_protective_measures_revocation_reasons
          CHECK (status <> 'revoked' OR revocation_reasons_enc IS NOT NULL),
        ADD CONSTRAINT ck_protective_measures_no_renewal_reason
          CHECK (no_renewal_at IS NULL OR no_renewal_reason_enc IS NOT NULL)`);
    await q.query(`
      ALTER TABLE case_conferences
        DROP CONSTRAINT case_conferences_status_check,
        ADD CONSTRAINT case_conferences_status_check
          CHECK (status IN ('scheduled', 'held', 'cancelled')),
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancelled_by_user_id uuid REFERENCES users(id),
        ADD COLUMN cancel_reason_enc text,
        ADD COLUMN rescheduled_at timestamptz,
        ADD COLUMN reschedule_reason_enc text,
        ADD CONSTRAINT ck_case_conferences_cancelled
          CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason_enc IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_conferences
        DROP CONSTRAINT ck_case_conferences_cancelled,
        DROP COLUMN reschedule_reason_enc,
        DROP COLUMN rescheduled_at,
        DROP COLUMN cancel_reason_enc,
        DROP COLUMN cancelled_by_user_id,
        DROP COLUMN cancelled_at,
        DROP CONSTRAINT case_conferences_status_check,
        ADD CONSTRAINT case_conferences_status_check CHECK (status IN ('scheduled', 'held'))`);
    await q.query(`
      ALTER TABLE protective_measures
        DROP CONSTRAINT ck_protective_measures_no_renewal_reason,
        DROP CONSTRAINT ck_protective_measures_revocation_reasons,
        DROP COLUMN no_renewal_reason_enc,
        DROP COLUMN no_renewal_by_user_id,
        DROP COLUMN no_renewal_at,
        DROP COLUMN revocation_reasons_enc,
        DROP COLUMN revoked_by_user_id,
        DROP COLUMN revoked_at`);
  }
}
