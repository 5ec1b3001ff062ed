// `npm run cli -- <command> [arguments]`: the API's operator commands (node dist/apps/api/cli.js)
// with the secrets and settings of .env. `npm run cli` alone lists them. Build first (npm start does;
// or npx nx build api).

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { log, StepError } from './lib/log.mjs';
import { childEnv, ensureDotEnvSecrets } from './lib/env.mjs';
import { requireBuild } from './lib/api-stack.mjs';
import { apiDist, repoRoot } from './lib/paths.mjs';

try {
  requireBuild();
  // stdin stays attached: a command may ask the operator a question.
  const result = spawnSync('node', [join(apiDist, 'cli.js'), ...process.argv.slice(2)], {
    cwd: repoRoot,
    env: childEnv(ensureDotEnvSecrets()),
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
} catch (error) {
  log.fail(error instanceof StepError ? error.message : error.stack);
  process.exit(1);
}
