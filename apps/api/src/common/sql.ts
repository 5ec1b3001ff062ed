/** Escapes `%`, `_` and `\` so user text matches literally inside a LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Rows an UPDATE … RETURNING touched: TypeORM answers such a query on PostgreSQL with [rows, count]. */
export function countAffected(result: unknown): number {
  if (!Array.isArray(result)) return 0;
  return Array.isArray(result[0]) ? (result[0] as unknown[]).length : result.length;
}
