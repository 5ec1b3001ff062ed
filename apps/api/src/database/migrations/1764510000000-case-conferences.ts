import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case conferences (issue 11): a centre convenes agencies around a high-risk case. The agenda and
 * minutes are encrypted (they are case narrative); invitations carry each agency's attendance; each
 * action has an owner agency, a due date (a `conference_action` clock) and a status, its description
 * encrypted too.
 */
export class CaseConferences1764510000000 implements MigrationInterface {
  name = 'CaseConferences1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE conference_code_seq`);
    await q.query(`
      CREATE TABLE case_conferences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(24) NOT NULL,
        case_id uuid NOT NULL REFERENCES cases(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        convened_by_user_id uuid NOT NULL REFERENCES users(id),
        status varchar(16) NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'held')),
        scheduled_at timestamptz NOT NULL,
        agenda_enc text NOT NULL,
        minutes_enc text,
        review_on date,
        held_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_case_conferences_code UNIQUE (code)
      )`);
    await q.query(
      `CREATE INDEX ix_case_conferences_case ON case_conferences (case_id, scheduled_at DESC)`,
    );
    await q.query(`
      CREATE TABLE conference_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES case_conferences(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        attendance varchar(16) NOT NULL DEFAULT 'unknown'
          CHECK (attendance IN ('unknown', 'attended', 'absent')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_conference_invitations UNIQUE (conference_id, agency_id)
      )`);
    await q.query(
      `CREATE INDEX ix_conference_invitations_agency ON conference_invitations (agency_id, conference_id)`,
    );
    await q.query(`
      CREATE TABLE conference_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES case_conferences(id),
        owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        description_enc text NOT NULL,
        due_on date NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        note_enc text,
        status_changed_at timestamptz,
        status_changed_by_user_id uuid REFERENCES users(id),
        created_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_conference_actions_closed CHECK (
          (status = 'open') = (status_changed_at IS NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_conference_actions_conference ON conference_actions (conference_id, due_on)`,
    );
    await q.query(
      `CREATE INDEX ix_conference_actions_owner ON conference_actions (owner_agency_id, status)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conference_actions`);
    await q.query(`DROP TABLE conference_invitations`);
    await q.query(`DROP TABLE case_conferences`);
    await q.query(`DROP SEQUENCE conference_code_seq`);
  }
}
