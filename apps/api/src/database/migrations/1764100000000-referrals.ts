import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Response periods shipped as defaults (hours); admins change them per agency type afterwards. */
const RESPONSE_DEFAULTS: readonly [string, number][] = [
  ['emergency', 1],
  ['urgent', 24],
  ['routine', 72],
];
const RECEIVING_TYPES = ['police', 'health', 'legal_aid', 'court', 'social_work_centre'];

/**
 * Inter-agency referral: the service directory (coverage, hours, capacity, accepting referrals),
 * response periods per agency type, referrals with their encrypted packet snapshot, the timeline of
 * each referral, and the service records the receiving agency keeps.
 */
export class Referrals1764100000000 implements MigrationInterface {
  name = 'Referrals1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agencies
        ADD COLUMN covers_whole_province boolean NOT NULL DEFAULT false,
        ADD COLUMN coverage_commune_codes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN open_24h boolean NOT NULL DEFAULT false,
        ADD COLUMN opening_hours varchar(200),
        ADD COLUMN capacity_note varchar(300),
        ADD COLUMN accepting_referrals boolean NOT NULL DEFAULT true`);
    // Existing agencies: a commune agency covers its commune, a provincial one the whole province.
    await q.query(`UPDATE agencies SET covers_whole_province = true WHERE commune_code IS NULL`);
    await q.query(
      `UPDATE agencies SET coverage_commune_codes = ARRAY[commune_code] WHERE commune_code IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX idx_agencies_coverage ON agencies USING gin (coverage_commune_codes)`,
    );

    await q.query(`
      CREATE TABLE referral_response_times (
        agency_type varchar(40) NOT NULL,
        urgency varchar(16) NOT NULL CHECK (urgency IN ('emergency', 'urgent', 'routine')),
        hours integer NOT NULL CHECK (hours BETWEEN 1 AND 720),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency_type, urgency)
      )`);
    for (const type of RECEIVING_TYPES) {
      for (const [urgency, hours] of RESPONSE_DEFAULTS) {
        await q.query(
          `INSERT INTO referral_response_times (agency_type, urgency, hours) VALUES ($1, $2, $3)`,
          [type, urgency, hours],
        );
      }
    }

    await q.query(`CREATE SEQUENCE referral_code_seq`);
    await q.query(`
      CREATE TABLE referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(20) NOT NULL UNIQUE,
        case_id uuid NOT NULL REFERENCES cases(id),
        from_agency_id uuid NOT NULL REFERENCES agencies(id),
        to_agency_id uuid NOT NULL REFERENCES agencies(id),
        referred_by_user_id uuid NOT NULL REFERENCES users(id),
        services text[] NOT NULL,
        urgency varchar(16) NOT NULL CHECK (urgency IN ('emergency', 'urgent', 'routine')),
        reason_enc text NOT NULL,
        packet text[] NOT NULL,
        packet_enc text,
        status varchar(16) NOT NULL DEFAULT 'sent'
          CHECK (status IN ('sent', 'accepted', 'declined', 'in_service', 'completed', 'withdrawn')),
        sent_at timestamptz NOT NULL,
        respond_by timestamptz NOT NULL,
        responded_at timestamptz,
        responded_on_time boolean,
        decline_reason varchar(32),
        decline_note_enc text,
        withdraw_reason varchar(32),
        withdraw_note_enc text,
        closed_at timestamptz,
        override_reason varchar(48),
        override_justification_enc text,
        override_reviewed_at timestamptz,
        override_reviewed_by_user_id uuid REFERENCES users(id),
        rerouted_from_id uuid REFERENCES referrals(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_agency_id <> to_agency_id),
        -- A closed referral no longer holds the disclosed data: access ends by construction.
        CHECK (packet_enc IS NULL OR status IN ('sent', 'accepted', 'in_service'))
      )`);
    // The inbox: one agency's referrals by status, soonest respond-by first (keyset on respond_by, id).
    await q.query(
      `CREATE INDEX idx_referrals_inbox ON referrals (to_agency_id, status, respond_by, id)`,
    );
    await q.query(`CREATE INDEX idx_referrals_case ON referrals (case_id, sent_at)`);

    await q.query(`
      CREATE TABLE referral_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL REFERENCES referrals(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        event varchar(32) NOT NULL,
        actor_user_id uuid REFERENCES users(id),
        actor_agency_id uuid REFERENCES agencies(id),
        reason varchar(48),
        note_enc text,
        at timestamptz NOT NULL,
        -- Insertion order breaks ties: several steps can share one instant (one transaction).
        seq bigint GENERATED ALWAYS AS IDENTITY
      )`);
    await q.query(
      `CREATE INDEX idx_referral_events_referral ON referral_events (referral_id, at, seq)`,
    );

    await q.query(`
      CREATE TABLE service_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL REFERENCES referrals(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        service_type varchar(48) NOT NULL,
        provided_on date NOT NULL,
        outcome varchar(32) NOT NULL
          CHECK (outcome IN ('provided', 'survivor_declined', 'not_available', 'referred_on')),
        sector_outcome jsonb NOT NULL DEFAULT '{}',
        note_enc text,
        recorded_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_service_records_referral ON service_records (referral_id)`);
    await q.query(
      `CREATE INDEX idx_service_records_agency ON service_records (agency_id, created_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['service_records', 'referral_events', 'referrals']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP SEQUENCE referral_code_seq`);
    await q.query(`DROP TABLE referral_response_times`);
    await q.query(`DROP INDEX idx_agencies_coverage`);
    await q.query(`
      ALTER TABLE agencies
        DROP COLUMN covers_whole_province, DROP COLUMN coverage_commune_codes, DROP COLUMN open_24h,
        DROP COLUMN opening_hours, DROP COLUMN capacity_note, DROP COLUMN accepting_referrals`);
  }
}
