import { createRunDatabase, migrateTestDatabase } from './test-database';
import { rememberRunDatabase } from './test-env';

/** Creates this run's roles and database, and migrates it once. */
export default async function globalSetup(): Promise<void> {
  const run = await createRunDatabase(`caunoi_test_${Date.now()}_${process.pid}`);
  rememberRunDatabase(run);
  await migrateTestDatabase(run);
}
