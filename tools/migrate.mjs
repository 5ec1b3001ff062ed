// `npm run migrate`: runs the committed TypeORM migrations (node dist/apps/api/cli.js migrate)
// with the secrets and settings of .env. Build first (npm start does; or npx nx build api).

import { log, StepError } from './lib/log.mjs';
import { childEnv, ensureDotEnvSecrets } from './lib/env.mjs';
import { requireBuild, runCli } from './lib/api-stack.mjs';

try {
  requireBuild();
  await runCli('migrate', childEnv(ensureDotEnvSecrets()));
} catch (error) {
  log.fail(error instanceof StepError ? error.message : error.stack);
  process.exit(1);
}
