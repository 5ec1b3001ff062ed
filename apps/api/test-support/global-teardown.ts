import { withAdminClient } from './test-database';
import { runDatabase } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const run = runDatabase();
  if (!run) return;
  await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${run.name} WITH (FORCE)`));
}
