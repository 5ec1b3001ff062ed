import type { QueryRunner } from 'typeorm';

/** The session setting through which `cli migrate` tells the migrations who the runtime role is. */
export const RUNTIME_ROLE_SETTING = 'caunoi.runtime_role';

/**
 * The runtime role to grant to, quoted, or null when the migrations run without one (a single-role
 * database, e.g. a superuser's): then grants are skipped, and the API, if it runs as another role,
 * fails loudly on its first query. `cli migrate` always names it (data-source-options.ts).
 */
export async function runtimeRole(q: QueryRunner): Promise<string | null> {
  const [row] = (await q.query(
    `SELECT nullif(current_setting($1, true), '') AS role, current_user AS owner`,
    [RUNTIME_ROLE_SETTING],
  )) as { role: string | null; owner: string }[];
  if (!row?.role || row.role === row.owner) return null;
  return `"${row.role.replaceAll('"', '""')}"`;
}
