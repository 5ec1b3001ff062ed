import { dropRunDatabase } from './test-database';
import { runDatabase } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const run = runDatabase();
  if (!run) return;
  await dropRunDatabase(run);
}
