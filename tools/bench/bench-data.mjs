// `npm run bench -- --cases N`: fills the stack's database (DATABASE_URL of .env, the one `npm start`
// uses) with N synthetic cases through `cli.js bench-data` (bulk SQL, apps/api/src/modules/seed/bench-data.ts),
// then refreshes the planner's statistics as the admin role. Development databases only: the command
// refuses with NODE_ENV=production and on a database that already holds generated cases.

import { join } from 'node:path';
import { log, StepError } from '../lib/log.mjs';
import { childEnv, readDotEnv, runtimeEnv } from '../lib/env.mjs';
import { withClient } from '../lib/postgres.mjs';
import { run } from '../lib/process.mjs';
import { apiDist } from '../lib/paths.mjs';
import { DEFAULT_ADMIN_URL, withDatabase, parseDatabaseUrl } from '../lib/urls.mjs';

export async function fillCases(cases, extra = []) {
  const env = runtimeEnv(childEnv(readDotEnv()));
  if (!env.DATABASE_URL) throw new StepError('DATABASE_URL is not set (.env): run npm start once');
  log.step(`generating ${cases} synthetic cases (cli.js bench-data; minutes for a million)`);
  const started = Date.now();
  const result = await run(
    'node',
    [join(apiDist, 'cli.js'), 'bench-data', '--cases', String(cases), ...extra],
    { env, timeoutMs: 4 * 3600_000 },
  );
  if (result.code !== 0) throw new StepError(`bench-data failed (exit code ${result.code})`);
  // ANALYZE needs the tables' owner or a superuser; the runtime role is neither.
  const adminUrl = withDatabase(
    process.env.DATABASE_ADMIN_URL || DEFAULT_ADMIN_URL,
    parseDatabaseUrl(env.DATABASE_URL).database,
  );
  try {
    await withClient(adminUrl, (client) => client.query('ANALYZE'));
    log.ok(`generated and analysed in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (error) {
    log.warn(`ANALYZE as the admin role failed (${error.message}): autovacuum will do it later`);
  }
}
