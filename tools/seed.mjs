// `npm run seed`: inserts the demo data (idempotent; refused by the CLI when NODE_ENV=production)
// with the secrets and settings of .env. Build and migrate first (npm start does both).

import { log, StepError } from './lib/log.mjs';
import { childEnv, ensureDotEnvSecrets } from './lib/env.mjs';
import { requireBuild, runCli } from './lib/api-stack.mjs';

try {
  requireBuild();
  await runCli('seed', childEnv(ensureDotEnvSecrets()));
} catch (error) {
  log.fail(error instanceof StepError ? error.message : error.stack);
  process.exit(1);
}
