// Connection strings: the same defaults as the API's configuration.

/** The runtime role (the API's default too); its password comes from .env. */
export const DEFAULT_DATABASE_URL = 'postgres://caunoi_app@127.0.0.1:5432/caunoi';
/** A role that may create roles and databases: Debian's `postgres`, password-less on loopback. */
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Parses a postgres:// URL into the parts the tools need. */
export function parseDatabaseUrl(url) {
  const parsed = new URL(url);
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    throw new Error(`DATABASE_URL must start with postgres:// (got ${parsed.protocol}//)`);
  }
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username || 'postgres'),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '') || 'postgres'),
  };
}

/** Returns the same URL pointing at another database on the same server. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Parses a redis:// URL (password and db number optional). */
export function parseRedisUrl(url) {
  const parsed = new URL(url);
  if (!['redis:', 'rediss:'].includes(parsed.protocol)) {
    throw new Error(`REDIS_URL must start with redis:// or rediss:// (got ${parsed.protocol}//)`);
  }
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    username: decodeURIComponent(parsed.username || ''),
    password: decodeURIComponent(parsed.password || ''),
    tls: parsed.protocol === 'rediss:',
  };
}

/** Hides the password of a URL before printing it. */
export function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

export const isLocalHost = (host) => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);
