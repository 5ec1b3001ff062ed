// `npm start`: from a fresh clone to a running Cầu Nối at http://localhost:3000.
//   secrets and database URLs in .env → services (npm install from the lock, PostgreSQL with the two roles and the
//   database, Redis) → build api + web → migrate (owner role) → seed
//   → mail catcher (maildev, outside production) → api (HTTP + web, one port) and worker → wait for /api/health
//   → print the URLs and the demo logins.
// Ctrl-C stops both processes cleanly. If one of them dies, the other is stopped and the script fails.
// `npm start -- --replicas N`: N API processes behind a round-robin proxy on the same port, and N workers
// (docs/operations.md, "Two of everything"); one that dies is reported and the others carry on, until no
// API or no worker is left.

import { log, StepError, table } from './lib/log.mjs';
import { childEnv, ensureDotEnvSecrets, runtimeEnv } from './lib/env.mjs';
import { handleSignals, isStopping, onCleanup } from './lib/lifecycle.mjs';
import { isPortOpen } from './lib/net.mjs';
import { buildApiAndWeb, runCli, startApiAndWorker } from './lib/api-stack.mjs';
import { startMailCatcher } from './lib/mail-catcher.mjs';
import {
  DEMO_PASSWORD,
  DEMO_SECOND_FACTOR_ROLES,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
} from './lib/demo-users.mjs';
import { ensureServices } from './services.mjs';

/** `--replicas N` (or `--replicas=N`), 1 to 8; 1 when absent. */
function replicasArgument(args) {
  const index = args.findIndex((arg) => arg === '--replicas' || arg.startsWith('--replicas='));
  if (index < 0) return 1;
  const raw = args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
  const replicas = Number(raw);
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 8) {
    throw new StepError(`--replicas must be a whole number from 1 to 8 (got "${raw ?? ''}")`);
  }
  return replicas;
}

/** Resolves when no API process or no worker is left running; reports each one that stops on its way. */
async function untilNoneLeft(stack) {
  const running = new Set(stack.children);
  while (stack.apis.some((c) => running.has(c)) && stack.workers.some((c) => running.has(c))) {
    const { child, code, signal } = await Promise.race(
      [...running].map((c) => c.exited.then((result) => ({ child: c, ...result }))),
    );
    running.delete(child);
    if (isStopping()) return null;
    log.fail(`${child.serviceName} stopped unexpectedly (${signal ?? `exit code ${code}`})`);
    if (stack.apis.some((c) => running.has(c)) && stack.workers.some((c) => running.has(c))) {
      log.warn(`the others carry on: ${[...running].map((c) => c.serviceName).join(', ')}`);
    }
  }
  return 'none left';
}

async function main() {
  const started = Date.now();
  const replicas = replicasArgument(process.argv.slice(2));
  log.section('Configuration');
  Object.assign(process.env, childEnv(ensureDotEnvSecrets()));
  const port = Number(process.env.PORT || 3000);
  const nodeEnv = process.env.NODE_ENV || 'development';
  log.ok(`NODE_ENV=${nodeEnv}, PORT=${port}`);

  log.section('Services');
  const { databaseUrl, ownerUrl, redisUrl } = await ensureServices();
  // The owner role's URL goes to `cli migrate` alone; the seed, the API and the worker run as the runtime role.
  const env = childEnv(
    {},
    {
      DATABASE_URL: databaseUrl,
      DATABASE_OWNER_URL: ownerUrl,
      REDIS_URL: redisUrl,
      PORT: String(port),
    },
  );

  log.section('Build');
  await buildApiAndWeb(env);

  log.section('Database');
  await runCli('migrate', env);
  if (nodeEnv === 'production') log.warn('NODE_ENV=production: demo data not seeded');
  else await runCli('seed', runtimeEnv(env));

  log.section('Run');
  if (await isPortOpen('127.0.0.1', port)) {
    throw new StepError(`port ${port} is already in use (another npm start?): stop it or set PORT`);
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const mail = await startMailCatcher(env, { webOrigin: `http://localhost:${port}` });
  onCleanup(async () => {
    await mail.stop();
  });
  const stack = await startApiAndWorker(runtimeEnv({ ...env, ...mail.env }), {
    baseUrl,
    replicas,
  });
  const processes = replicas === 1 ? 'api and worker' : 'proxy, api processes and workers';
  onCleanup(async () => {
    log.step(`stopping ${processes}`);
    await stack.stop();
    log.ok(`${processes} stopped`);
  });

  log.plain();
  log.ok(
    `Cầu Nối is running at http://localhost:${port} (API under /api, docs at /api/docs); ready in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  if (replicas > 1) {
    log.ok(`${replicas} API processes behind the proxy on port ${port}, ${replicas} workers`);
  }
  if (mail.url) {
    log.ok(`Emails the system sends (mail catcher): ${mail.url}`);
  }
  if (nodeEnv !== 'production') {
    log.plain(`\nDemo logins (password for all: ${DEMO_PASSWORD})\n`);
    log.plain(
      table(
        ['username', 'role', 'lands on'],
        DEMO_USERS.map((u) => [u.username, u.role, u.sees]),
      ),
    );
    log.plain(
      `\n${DEMO_SECOND_FACTOR_ROLES.join(', ')} also give a code from an authenticator app (TOTP).` +
        `\nDemo secret for the app: ${DEMO_TOTP_SECRET}  (or print the current code: npm run cli -- demo-code)`,
    );
  }
  log.plain('\nPress Ctrl-C to stop.\n');

  if (replicas === 1) {
    const { child, code, signal } = await stack.firstExit;
    if (isStopping()) return; // Ctrl-C: the signal handler is already stopping everything.
    log.fail(
      `${child.serviceName} stopped unexpectedly (${signal ?? `exit code ${code}`}): stopping the rest`,
    );
  } else {
    if ((await untilNoneLeft(stack)) === null) return;
    log.fail('no API process or no worker is left: stopping the rest');
  }
  await stack.stop();
  process.exit(1);
}

handleSignals({ exitCode: 0 });
main().catch(async (error) => {
  log.fail(error instanceof StepError ? error.message : error.stack);
  process.exit(1);
});
