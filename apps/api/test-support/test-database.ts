import { Client } from 'pg';
import { databaseServerUrl } from './test-env';

/** The server named by DATABASE_URL (default: local trust-auth PostgreSQL), with another database name. */
export function databaseUrlFor(name: string): string {
  const url = new URL(databaseServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrlFor('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
