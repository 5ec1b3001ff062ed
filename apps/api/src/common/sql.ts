import type { DataSource } from 'typeorm';

/** Escapes `%`, `_` and `\` so user text matches literally inside a LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Rows an UPDATE … RETURNING touched: TypeORM answers such a query on PostgreSQL with [rows, count]. */
export function countAffected(result: unknown): number {
  if (!Array.isArray(result)) return 0;
  return Array.isArray(result[0]) ? (result[0] as unknown[]).length : result.length;
}

/**
 * Runs SQL with `:named` parameters (as an access filter from `accessibleWhere` carries them) without a
 * query builder: TypeORM's driver numbers them, and the rows come back as they are.
 */
export async function queryNamed<Row>(
  dataSource: DataSource,
  sql: string,
  params: Record<string, unknown>,
): Promise<Row[]> {
  const [query, values] = dataSource.driver.escapeQueryWithParameters(sql, params);
  return (await dataSource.query(query, values)) as Row[];
}
