/**
 * Reading parts of a PostgreSQL URL. Kept apart from app-config.ts, with no imports, because the
 * integration tests' global setup loads the data-source options outside Jest's module mapping.
 */
export function databaseUser(databaseUrl: string): string | null {
  try {
    return decodeURIComponent(new URL(databaseUrl).username) || null;
  } catch {
    return null;
  }
}
