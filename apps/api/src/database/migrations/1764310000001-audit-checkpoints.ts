import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runtimeRole } from './runtime-role';

/**
 * Signed checkpoints of the audit chain's head and the incidents the worker found
 * (docs/decisions/0015-audit-tamper-evidence.md). Both are append-only, like `audit_log`.
 */
export class AuditCheckpoints1764310000001 implements MigrationInterface {
  name = 'AuditCheckpoints1764310000001';

  async up(q: QueryRunner): Promise<void> {
    // No foreign key to audit_log: a checkpoint must outlive a deleted head row to expose it.
    await q.query(`
      CREATE TABLE audit_checkpoints (
        id bigserial PRIMARY KEY,
        kind varchar(16) NOT NULL CHECK (kind IN ('routine', 'baseline')),
        head_id bigint,
        head_hash char(64) NOT NULL,
        row_count bigint NOT NULL CHECK (row_count >= 0),
        created_at timestamptz NOT NULL,
        key_id varchar(16) NOT NULL,
        mac char(64) NOT NULL
      )`);
    await q.query(`CREATE INDEX idx_audit_checkpoints_kind_id ON audit_checkpoints (kind, id)`);
    await q.query(`CREATE INDEX idx_audit_checkpoints_key_id_id ON audit_checkpoints (key_id, id)`);

    // One row per incident: the same problems found again (by any worker) hit the unique key.
    await q.query(`
      CREATE TABLE audit_incidents (
        id bigserial PRIMARY KEY,
        detected_at timestamptz NOT NULL,
        baseline_id bigint NOT NULL DEFAULT 0,
        problem_key varchar(120) NOT NULL,
        kind varchar(32) NOT NULL,
        description varchar(300) NOT NULL,
        problem_count integer NOT NULL,
        CONSTRAINT uq_audit_incidents_baseline_problem UNIQUE (baseline_id, problem_key)
      )`);

    await q.query(`
      CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END $$`);
    for (const table of ['audit_checkpoints', 'audit_incidents']) {
      await q.query(`
        CREATE TRIGGER trg_${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
      await q.query(`
        CREATE TRIGGER trg_${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite()`);
    }

    const app = await runtimeRole(q);
    if (!app) return;
    for (const table of ['audit_checkpoints', 'audit_incidents']) {
      await q.query(`REVOKE ALL ON ${table} FROM ${app}`);
      await q.query(`GRANT SELECT, INSERT ON ${table} TO ${app}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_incidents`);
    await q.query(`DROP TABLE audit_checkpoints`);
    await q.query(`DROP FUNCTION refuse_rewrite()`);
  }
}
