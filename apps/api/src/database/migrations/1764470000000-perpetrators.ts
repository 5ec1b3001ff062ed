import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Perpetrator records (issue 10, item 7). Who the perpetrator is (name, aliases, phone, address, ID
 * number) is one encrypted document of its own, apart from the survivor's identity; sex, age group
 * and relationship are coded in clear. A record is linked to incidents of the same case.
 */
export class Perpetrators1764470000000 implements MigrationInterface {
  name = 'Perpetrators1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE perpetrators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        identity_enc text NOT NULL,
        identity_recorded boolean NOT NULL,
        sex text NOT NULL,
        age_group text NOT NULL,
        relationship text NOT NULL,
        created_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_perpetrators_case ON perpetrators (case_id, created_at, id)`);
    await q.query(`
      CREATE TABLE perpetrator_incidents (
        perpetrator_id uuid NOT NULL REFERENCES perpetrators(id) ON DELETE CASCADE,
        incident_id uuid NOT NULL REFERENCES incidents(id),
        CONSTRAINT pk_perpetrator_incidents PRIMARY KEY (perpetrator_id, incident_id)
      )`);
    await q.query(
      `CREATE INDEX ix_perpetrator_incidents_incident ON perpetrator_incidents (incident_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE perpetrator_incidents`);
    await q.query(`DROP TABLE perpetrators`);
  }
}
