import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Confidential intake: hotline calls, community referrals, the intake queue, survivors, cases,
 * incidents, consent and notes. Identity and free text live only in `*_enc` columns (AES-256-GCM,
 * application-side); exact-match lookups go through HMAC blind indexes (`*_bidx`).
 */
export class Intake1763900000000 implements MigrationInterface {
  name = 'Intake1763900000000';

  async up(q: QueryRunner): Promise<void> {
    // "Who saw this file": audit rows about a case's parts point at the case.
    await q.query(`ALTER TABLE audit_log ADD COLUMN case_id uuid`);
    await q.query(
      `CREATE INDEX idx_audit_case ON audit_log (case_id, id) WHERE case_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE hotline_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        number varchar(20) NOT NULL,
        name varchar(120) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_hotline_lines_agency_number UNIQUE (agency_id, number)
      )`);

    await q.query(`
      CREATE TABLE calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        line_id uuid NOT NULL REFERENCES hotline_lines(id),
        operator_user_id uuid NOT NULL REFERENCES users(id),
        channel varchar(16) NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        caller_type varchar(20) NOT NULL,
        caller_phone_bidx bytea,
        survivor_sex varchar(10),
        survivor_age_group varchar(10),
        commune_code varchar(16) REFERENCES administrative_units(code),
        gbv_type_hint varchar(32),
        child_involved boolean NOT NULL,
        danger_now boolean NOT NULL,
        crime_signs boolean NOT NULL,
        chairman_notified_at timestamptz,
        chairman_notification_means varchar(16),
        outcome varchar(32),
        notes_enc text,
        handed_over_at timestamptz,
        handed_to_agency_id uuid REFERENCES agencies(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ended_at IS NULL OR ended_at >= started_at)
      )`);
    await q.query(
      `CREATE INDEX idx_calls_agency_started ON calls (agency_id, started_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX idx_calls_caller_phone ON calls (agency_id, caller_phone_bidx) WHERE caller_phone_bidx IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE community_referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference varchar(12) NOT NULL UNIQUE,
        submitted_by_user_id uuid NOT NULL REFERENCES users(id),
        submitted_by_agency_id uuid NOT NULL REFERENCES agencies(id),
        target_agency_id uuid NOT NULL REFERENCES agencies(id),
        survivor_name_enc text NOT NULL,
        safe_contact_method varchar(32) NOT NULL,
        safe_contact_details_enc text NOT NULL,
        commune_code varchar(16) NOT NULL REFERENCES administrative_units(code),
        what_happened_enc text NOT NULL,
        danger_now boolean NOT NULL,
        child_involved boolean NOT NULL,
        consent_to_contact boolean NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'received',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX idx_community_referrals_submitter ON community_referrals (submitted_by_user_id, created_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE intake_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        source varchar(24) NOT NULL CHECK (source IN ('call', 'community_referral')),
        call_id uuid UNIQUE REFERENCES calls(id),
        community_referral_id uuid UNIQUE REFERENCES community_referrals(id),
        status varchar(16) NOT NULL DEFAULT 'pending',
        case_id uuid,
        received_at timestamptz NOT NULL,
        CHECK ((call_id IS NULL) <> (community_referral_id IS NULL))
      )`);
    await q.query(
      `CREATE INDEX idx_intake_items_queue ON intake_items (agency_id, status, received_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE survivor_code_counters (
        prefix varchar(8) NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (prefix, year)
      )`);

    await q.query(`
      CREATE TABLE survivors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(24) NOT NULL UNIQUE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        anonymous boolean NOT NULL,
        sex varchar(10) NOT NULL,
        age_group varchar(10) NOT NULL,
        identity_enc text,
        identity_fields text[] NOT NULL DEFAULT '{}',
        phone_bidx bytea,
        name_dob_bidx bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT anonymous OR (identity_enc IS NULL AND phone_bidx IS NULL AND name_dob_bidx IS NULL))
      )`);
    await q.query(
      `CREATE INDEX idx_survivors_phone_bidx ON survivors (phone_bidx) WHERE phone_bidx IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX idx_survivors_name_dob_bidx ON survivors (name_dob_bidx) WHERE name_dob_bidx IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survivor_id uuid NOT NULL REFERENCES survivors(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        stage varchar(24) NOT NULL DEFAULT 'intake',
        risk_level varchar(10) NOT NULL DEFAULT 'unknown',
        source varchar(24) NOT NULL,
        intake_item_id uuid UNIQUE REFERENCES intake_items(id),
        assigned_user_id uuid REFERENCES users(id),
        commune_code varchar(16) REFERENCES administrative_units(code),
        child_involved boolean NOT NULL DEFAULT false,
        serious_incident boolean NOT NULL DEFAULT false,
        opened_by_user_id uuid NOT NULL REFERENCES users(id),
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX idx_cases_agency_opened ON cases (agency_id, opened_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX idx_cases_assigned_opened ON cases (agency_id, assigned_user_id, opened_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX idx_cases_agency_stage_opened ON cases (agency_id, stage, opened_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX idx_cases_survivor ON cases (survivor_id)`);
    await q.query(
      `ALTER TABLE intake_items ADD CONSTRAINT fk_intake_items_case FOREIGN KEY (case_id) REFERENCES cases(id)`,
    );

    await q.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        occurred_at timestamptz NOT NULL,
        occurred_precision varchar(8) NOT NULL,
        discovered_at timestamptz NOT NULL,
        commune_code varchar(16) NOT NULL REFERENCES administrative_units(code),
        classification_answers jsonb NOT NULL,
        gbv_type varchar(32) NOT NULL,
        dv_forms text[] NOT NULL DEFAULT '{}',
        context_flags text[] NOT NULL DEFAULT '{}',
        perpetrators jsonb NOT NULL DEFAULT '[]',
        injuries text[] NOT NULL DEFAULT '{}',
        serious boolean NOT NULL DEFAULT false,
        serious_reasons text[] NOT NULL DEFAULT '{}',
        description_enc text,
        created_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (discovered_at >= occurred_at),
        CHECK (serious = (cardinality(serious_reasons) > 0))
      )`);
    await q.query(`CREATE INDEX idx_incidents_case ON incidents (case_id, occurred_at)`);

    await q.query(`
      CREATE TABLE consent_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        kind varchar(24) NOT NULL,
        given_by varchar(32) NOT NULL,
        method varchar(16) NOT NULL,
        child_assent boolean,
        guardian_is_suspect boolean NOT NULL DEFAULT false,
        best_interest_reason_enc text,
        agency_types text[] NOT NULL DEFAULT '{}',
        data_categories text[] NOT NULL DEFAULT '{}',
        given_at timestamptz NOT NULL,
        recorded_by_user_id uuid NOT NULL REFERENCES users(id),
        withdrawn_at timestamptz,
        withdrawn_reason_enc text,
        withdrawn_by_user_id uuid REFERENCES users(id)
      )`);
    await q.query(`CREATE INDEX idx_consent_records_case ON consent_records (case_id, given_at)`);

    await q.query(`
      CREATE TABLE case_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        author_user_id uuid NOT NULL REFERENCES users(id),
        body_enc text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_case_notes_case ON case_notes (case_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['case_notes', 'consent_records', 'incidents']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE intake_items DROP CONSTRAINT fk_intake_items_case`);
    for (const table of [
      'cases',
      'survivors',
      'survivor_code_counters',
      'intake_items',
      'community_referrals',
      'calls',
      'hotline_lines',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP INDEX idx_audit_case`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN case_id`);
  }
}
