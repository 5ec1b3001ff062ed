import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runtimeRole } from './runtime-role';

/**
 * Protective measures on a case (issue 11, Law 13/2022 Art. 22) and their history. A commune
 * no-contact order is addressed to the commune committee covering the survivor's commune and
 * supervised by the commune police covering it; both see a packet (code, type, commune, the request's
 * grounds, encrypted), never the case. The 3-day limit of Art. 25 is also a CHECK, as a last line.
 */
export class ProtectiveMeasures1764500000000 implements MigrationInterface {
  name = 'ProtectiveMeasures1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE protective_measure_code_seq`);
    await q.query(`
      CREATE TABLE protective_measures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(20) NOT NULL,
        case_id uuid NOT NULL REFERENCES cases(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        type varchar(32) NOT NULL CHECK (type IN ('no_contact_commune', 'no_contact_court',
          'commune_police_summons', 'temporary_shelter', 'care_and_treatment', 'legal_aid',
          'behaviour_change_education', 'community_service', 'other')),
        status varchar(16) NOT NULL CHECK (status IN ('requested', 'granted', 'in_force', 'ended',
          'revoked', 'breached', 'refused')),
        requested_by varchar(24) NOT NULL,
        victim_consent boolean NOT NULL,
        requested_by_user_id uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL,
        deciding_body varchar(24) NOT NULL,
        deciding_agency_id uuid REFERENCES agencies(id),
        police_agency_id uuid REFERENCES agencies(id),
        commune_code varchar(16),
        referring_volunteer_id uuid REFERENCES users(id),
        grounds_enc text,
        decision varchar(10) CHECK (decision IN ('granted', 'refused')),
        decided_at timestamptz,
        decided_by_user_id uuid REFERENCES users(id),
        decision_number varchar(60),
        starts_at timestamptz,
        ends_at timestamptz,
        reasons_enc text,
        supervising_officer varchar(200),
        supervision_plan_enc text,
        supervision_plan_at timestamptz,
        supervision_plan_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_protective_measures_code UNIQUE (code),
        CONSTRAINT ck_protective_measures_period CHECK (ends_at IS NULL OR ends_at > starts_at),
        CONSTRAINT ck_protective_measures_commune_3_days CHECK (type <> 'no_contact_commune'
          OR ends_at IS NULL OR ends_at <= starts_at + interval '72 hours'),
        CONSTRAINT ck_protective_measures_refusal_reasons CHECK (decision <> 'refused' OR reasons_enc IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX idx_protective_measures_case ON protective_measures (case_id, requested_at DESC)`,
    );
    await q.query(
      `CREATE INDEX idx_protective_measures_deciding ON protective_measures (deciding_agency_id, requested_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX idx_protective_measures_police ON protective_measures (police_agency_id, requested_at DESC, id DESC)`,
    );
    // The history: append-only, like the audit log (a timeline is never rewritten).
    await q.query(`
      CREATE TABLE protective_measure_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        measure_id uuid NOT NULL REFERENCES protective_measures(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        event varchar(32) NOT NULL,
        actor_user_id uuid REFERENCES users(id),
        at timestamptz NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(
      `CREATE INDEX idx_protective_measure_events_measure ON protective_measure_events (measure_id, seq)`,
    );
    await q.query(
      `CREATE INDEX idx_protective_measure_events_case ON protective_measure_events (case_id, at DESC)`,
    );
    const role = await runtimeRole(q);
    if (role) await q.query(`REVOKE UPDATE, DELETE ON protective_measure_events FROM ${role}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE protective_measure_events`);
    await q.query(`DROP TABLE protective_measures`);
    await q.query(`DROP SEQUENCE protective_measure_code_seq`);
  }
}
