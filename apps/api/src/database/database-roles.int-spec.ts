import type { Client } from 'pg';
import { createTestApp } from '../../test-support/test-app';
import { withOwnerClient, withRuntimeClient } from '../../test-support/test-database';
import { runDatabase } from '../../test-support/test-env';

const APPEND_ONLY = ['audit_log', 'audit_chain', 'audit_checkpoints', 'audit_incidents'];

async function privileges(c: Client, table: string): Promise<Record<string, boolean>> {
  const kinds = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];
  const [row] = (
    await c.query(
      `SELECT ${kinds.map((k) => `has_table_privilege($1, '${k}') AS "${k}"`).join(', ')}`,
      [table],
    )
  ).rows as Record<string, boolean>[];
  return row ?? {};
}

/**
 * Issue 9, finding 2: the API used to connect as a superuser that owned the audit log. It now runs as
 * a role the database itself holds to reading and appending (docs/operations.md, "Database roles").
 */
describe('the runtime database role', () => {
  it('is no superuser, owns nothing, and may only read and append to the audit tables', async () => {
    await withRuntimeClient(async (c) => {
      const [role] = (
        await c.query(
          `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                  (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned
           FROM pg_roles r WHERE r.rolname = current_user`,
        )
      ).rows;
      expect(role).toEqual({
        rolsuper: false,
        rolcreaterole: false,
        rolcreatedb: false,
        rolbypassrls: false,
        owned: 0,
      });
      for (const table of APPEND_ONLY) {
        expect({ table, ...(await privileges(c, table)) }).toEqual({
          table,
          SELECT: true,
          INSERT: true,
          UPDATE: false,
          DELETE: false,
          TRUNCATE: false,
          REFERENCES: false,
          TRIGGER: false,
        });
      }
      // The tables it works with day to day, and nothing more.
      expect(await privileges(c, 'cases')).toMatchObject({
        SELECT: true,
        INSERT: true,
        UPDATE: true,
        DELETE: true,
        TRUNCATE: false,
      });
      expect(await privileges(c, 'migrations')).toMatchObject({ SELECT: false, INSERT: false });
    });
  });

  it('cannot update, delete or truncate the audit log, even by switching the triggers off', async () => {
    await withRuntimeClient(async (c) => {
      const count = async () =>
        ((await c.query('SELECT count(*)::int AS n FROM audit_log')).rows[0] as { n: number }).n;
      const before = await count();
      await expect(c.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(
        /permission denied for table audit_log/,
      );
      await expect(c.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
      // What the attack of the finding used: replica mode skips every ordinary trigger.
      await expect(c.query(`SET session_replication_role = replica`)).rejects.toThrow(
        /permission denied to set parameter "session_replication_role"/,
      );
      await expect(
        c.query(`ALTER TABLE audit_log DISABLE TRIGGER trg_audit_log_append_only`),
      ).rejects.toThrow(/must be owner of table audit_log/);
      await expect(c.query(`ALTER TABLE audit_log DISABLE TRIGGER ALL`)).rejects.toThrow(
        /must be owner/,
      );
      await expect(c.query(`DROP TABLE audit_log`)).rejects.toThrow(/must be owner/);
      await expect(c.query(`ALTER TABLE audit_log RENAME TO audit_log_old`)).rejects.toThrow(
        /must be owner/,
      );
      await expect(c.query(`DROP TRIGGER trg_audit_log_append_only ON audit_log`)).rejects.toThrow(
        /must be owner/,
      );
      await expect(c.query(`CREATE TABLE audit_log_copy (id int)`)).rejects.toThrow(
        /permission denied for schema public/,
      );
      const owner = decodeURIComponent(new URL(runDatabase()?.ownerUrl ?? '').username);
      await expect(c.query(`SET ROLE "${owner}"`)).rejects.toThrow(/permission denied/);
      // Granting itself more is a no-op with a warning: it holds no grant option.
      await c.query(`GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO CURRENT_USER`);
      await expect(c.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(
        /permission denied/,
      );
      for (const table of ['audit_checkpoints', 'audit_incidents']) {
        await expect(c.query(`UPDATE ${table} SET id = id`)).rejects.toThrow(/permission denied/);
        await expect(c.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
        await expect(c.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
        await expect(c.query(`ALTER TABLE ${table} DISABLE TRIGGER ALL`)).rejects.toThrow(
          /must be owner/,
        );
      }
      expect(await count()).toBe(before);
    });
  });

  it('gets the rows of tables that later migrations create, through default privileges', async () => {
    await withOwnerClient((c) => c.query(`CREATE TABLE test_later_migration (id int)`));
    try {
      await withRuntimeClient(async (c) => {
        await c.query(`INSERT INTO test_later_migration VALUES (1)`);
        await c.query(`UPDATE test_later_migration SET id = 2`);
        expect((await c.query(`SELECT id FROM test_later_migration`)).rows).toEqual([{ id: 2 }]);
        await c.query(`DELETE FROM test_later_migration`);
        await expect(c.query(`DROP TABLE test_later_migration`)).rejects.toThrow(/must be owner/);
      });
    } finally {
      await withOwnerClient((c) => c.query(`DROP TABLE test_later_migration`));
    }
  });

  it('is what /api/health expects: an API running as the owner is reported as degraded', async () => {
    const run = runDatabase();
    const app = await createTestApp();
    const asOwner = await createTestApp({ DATABASE_URL: run?.ownerUrl ?? '' });
    try {
      const good = await app.http.get('/api/health');
      expect(good.status).toBe(200);
      expect(good.body.details.audit.reasons).toEqual([]);

      const bad = await asOwner.http.get('/api/health');
      expect(bad.status).toBe(200);
      expect(bad.body.status).toBe('degraded');
      expect(bad.body.details.audit.status).toBe('degraded');
      expect(bad.body.details.audit.reasons).toEqual([
        expect.stringMatching(/could rewrite the audit log/),
      ]);
    } finally {
      await asOwner.close();
      await app.close();
    }
  });
});
