import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not the package alias: the test harness's global setup migrates without path mapping.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { STARTER_RISK_INSTRUMENTS } from '../../../../../libs/shared/domain/src/lib/case-management/starter-risk-instruments';

/**
 * Risk instruments (versioned; a published version never changes) and the assessments made with them
 * (issue 10). Assessments are never rewritten: a correction is a new assessment (the reason's
 * ciphertext is still re-encrypted when keys rotate, so the app keeps UPDATE). The starter instruments arrive published, as version 1, because a production
 * install has no demo seed and a caseworker must be able to assess from the first day.
 */
export class RiskAssessments1764440000000 implements MigrationInterface {
  name = 'RiskAssessments1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE risk_instruments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(60) NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        audience varchar(10) NOT NULL CHECK (audience IN ('adult', 'child')),
        status varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
        content jsonb NOT NULL,
        created_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CONSTRAINT uq_risk_instruments_code_version UNIQUE (code, version)
      )`);
    // One published version per instrument code: the one new assessments use.
    await q.query(`
      CREATE UNIQUE INDEX uq_risk_instruments_published ON risk_instruments (code)
        WHERE status = 'published'`);
    // A published version is immutable; only its status may move on (to retired).
    await q.query(`
      CREATE FUNCTION risk_instruments_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' AND (NEW.content IS DISTINCT FROM OLD.content
            OR NEW.code IS DISTINCT FROM OLD.code OR NEW.version IS DISTINCT FROM OLD.version
            OR NEW.audience IS DISTINCT FROM OLD.audience) THEN
          RAISE EXCEPTION 'a published risk instrument version cannot change' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_risk_instruments_immutable BEFORE UPDATE ON risk_instruments
        FOR EACH ROW EXECUTE FUNCTION risk_instruments_immutable()`);
    await q.query(`
      CREATE TABLE risk_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        instrument_id uuid NOT NULL REFERENCES risk_instruments(id),
        answers jsonb NOT NULL,
        score integer NOT NULL,
        computed_level varchar(10) NOT NULL,
        override_level varchar(10),
        override_reason_enc text,
        level varchar(10) NOT NULL,
        assessed_by_user_id uuid NOT NULL REFERENCES users(id),
        assessed_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((override_level IS NULL) = (override_reason_enc IS NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_risk_assessments_case ON risk_assessments (case_id, assessed_at DESC, id DESC)`,
    );
    for (const content of STARTER_RISK_INSTRUMENTS) {
      await q.query(
        `INSERT INTO risk_instruments (code, version, audience, status, content, published_at)
         VALUES ($1, 1, $2, 'published', $3, now())`,
        [content.code, content.audience, JSON.stringify(content)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE risk_assessments`);
    await q.query(`DROP TABLE risk_instruments`);
    await q.query(`DROP FUNCTION risk_instruments_immutable()`);
  }
}
