import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runtimeRole } from './runtime-role';

/**
 * Two roles (docs/decisions/0015-audit-tamper-evidence.md): the owner runs the migrations and owns every
 * table; the runtime role (API, worker, operator commands) gets the rows it works with, and on
 * `audit_log` only INSERT and SELECT, so the database refuses it any rewrite, trigger or not.
 * Default privileges give tables of later migrations the same grants; a table that must be
 * append-only revokes them explicitly, as `audit_log` does here.
 */
export class DatabaseRoles1764310000000 implements MigrationInterface {
  name = 'DatabaseRoles1764310000000';

  async up(q: QueryRunner): Promise<void> {
    const app = await runtimeRole(q);
    if (!app) return;
    // Nobody but the owner creates objects (before PostgreSQL 15 everyone could, in public).
    await q.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    );
    await q.query(`REVOKE ALL ON audit_log FROM ${app}`);
    await q.query(`GRANT SELECT, INSERT ON audit_log TO ${app}`);
    // The migration history is the owner's business.
    await q.query(`REVOKE ALL ON migrations FROM ${app}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const app = await runtimeRole(q);
    if (!app) return;
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${app}`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${app}`,
    );
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${app}`);
  }
}
