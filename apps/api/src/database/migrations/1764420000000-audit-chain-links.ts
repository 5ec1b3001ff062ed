import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runtimeRole } from './runtime-role';

/**
 * The audit chain leaves the request (docs/decisions/0022-audit-chain-without-a-lock.md): requests
 * only insert `audit_log` rows; the worker's chainer links committed rows, in id order, in
 * `audit_chain`, append-only like the log. Links of the rows written so far move there unchanged.
 */
export class AuditChainLinks1764420000000 implements MigrationInterface {
  name = 'AuditChainLinks1764420000000';

  async up(q: QueryRunner): Promise<void> {
    // No foreign key to audit_log: a link outlives a deleted row, whose successor then no longer
    // chains onto anything that exists (the verifier names it).
    await q.query(`
      CREATE TABLE audit_chain (
        row_id bigint PRIMARY KEY,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        chained_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO audit_chain (row_id, prev_hash, hash, chained_at)
      SELECT id, prev_hash, hash, occurred_at FROM audit_log ORDER BY id`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN prev_hash, DROP COLUMN hash`);
    await q.query(`
      CREATE TRIGGER trg_audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
      FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    await q.query(`
      CREATE TRIGGER trg_audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite()`);

    const app = await runtimeRole(q);
    if (!app) return;
    await q.query(`REVOKE ALL ON audit_chain FROM ${app}`);
    await q.query(`GRANT SELECT, INSERT ON audit_chain TO ${app}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [pending] = (await q.query(
      `SELECT count(*)::int AS n FROM audit_log a
       WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.row_id = a.id)`,
    )) as { n: number }[];
    if ((pending?.n ?? 0) > 0) {
      throw new Error(
        `${pending?.n} audit row(s) are not chained yet: run the worker until its chainer has linked them`,
      );
    }
    await q.query(`ALTER TABLE audit_log ADD COLUMN prev_hash char(64), ADD COLUMN hash char(64)`);
    // The append-only trigger refuses the copy back; the owner lifts it for this statement only.
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER trg_audit_log_append_only`);
    await q.query(`
      UPDATE audit_log a SET prev_hash = c.prev_hash, hash = c.hash
      FROM audit_chain c WHERE c.row_id = a.id`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER trg_audit_log_append_only`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL`);
    await q.query(`DROP TABLE audit_chain`);
  }
}
