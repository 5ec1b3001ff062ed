/**
 * The user a postgres:// URL logs in as, decoded; null when it names none (or is no URL).
 * A module of its own, without path aliases: the integration tests' global setup loads the data
 * source options (which need it) outside Jest's module mapping, where `@caunoi/*` does not resolve.
 */
export function databaseUser(databaseUrl: string): string | null {
  try {
    return decodeURIComponent(new URL(databaseUrl).username) || null;
  } catch {
    return null;
  }
}
