import { withAdminClient } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const name = process.env['CAUNOI_TEST_DATABASE'];
  if (!name) return;
  await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
