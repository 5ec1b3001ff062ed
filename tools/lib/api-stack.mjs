// Build and run the API's three entry points: cli.js (migrate, seed), main.js (HTTP + web) and worker.js.

import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { log, StepError } from './log.mjs';
import { apiDist, repoRoot, webDist } from './paths.mjs';
import { run, startService, stopService } from './process.mjs';
import { waitForHealth } from './net.mjs';

/** Nx without its daemon, cloud or full-screen UI: plain output that reads well in a log. */
export const nxEnv = (env = process.env) => ({
  ...env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
});

const builtFiles = [
  join(apiDist, 'main.js'),
  join(apiDist, 'worker.js'),
  join(apiDist, 'cli.js'),
  join(webDist, 'index.html'),
];

export const missingBuildFiles = () =>
  builtFiles.filter((file) => !existsSync(file)).map((file) => relative(repoRoot, file));

/**
 * Builds the API (webpack) and the web app (Angular), production configuration, and precompresses the web
 * app (brotli, gzip: tools/compress-web.mjs); Nx's cache keeps it fast.
 */
export async function buildApiAndWeb(env = process.env, { timeoutMs, quiet = false } = {}) {
  log.step('building api and web (npx nx run-many -t build compress -p api,web)');
  const started = Date.now();
  // Quiet: while other stages print, the build's output is kept and shown only if it fails.
  const result = await run(
    'npx',
    ['nx', 'run-many', '-t', 'build', 'compress', '-p', 'api,web', '--output-style=static'],
    { env: nxEnv(env), timeoutMs, capture: quiet, echo: !quiet },
  );
  const missing = missingBuildFiles();
  if (result.code !== 0) {
    if (quiet) log.plain(result.output);
    throw new StepError('the build failed (see its output above)');
  }
  if (missing.length > 0) throw new StepError(`the build did not produce ${missing.join(', ')}`);
  log.ok(
    `api and web built in ${Math.round((Date.now() - started) / 1000)} s (dist/apps/api, dist/apps/web/browser)`,
  );
}

/** Fails with a hint when the build is missing (for the thin migrate/seed wrappers). */
export function requireBuild() {
  const missing = missingBuildFiles().filter((file) => file.startsWith('dist/apps/api'));
  if (missing.length > 0) {
    throw new StepError(
      `${missing.join(', ')} not found: build first (npm start, or npx nx build api)`,
    );
  }
}

/** `node dist/apps/api/cli.js <command>` (migrate | seed). */
export async function runCli(command, env, { timeoutMs = 180_000 } = {}) {
  log.step(`${command}: node dist/apps/api/cli.js ${command}`);
  const result = await run('node', [join(apiDist, 'cli.js'), command], { env, timeoutMs });
  if (result.code !== 0) throw new StepError(`${command} failed (exit code ${result.code})`);
  log.ok(`${command} done`);
}

/**
 * Starts main.js and worker.js, waits for GET /api/health to answer 200.
 * Returns { children, firstExit, stop }: firstExit resolves with the first child that stops.
 */
export async function startApiAndWorker(env, { baseUrl, healthTimeoutMs = 90_000 } = {}) {
  log.step('starting api (dist/apps/api/main.js) and worker (dist/apps/api/worker.js)');
  const api = startService('api', 'node', [join(apiDist, 'main.js')], { env });
  const worker = startService('worker', 'node', [join(apiDist, 'worker.js')], { env });
  const children = [api, worker];
  const firstExit = Promise.race(
    children.map((child) => child.exited.then((result) => ({ child, ...result }))),
  );
  const stop = async () => {
    await Promise.all(children.map((child) => stopService(child)));
  };

  const health = await waitForHealth(baseUrl, {
    timeoutMs: healthTimeoutMs,
    givenUp: firstExit.then(
      ({ child, code, signal }) => `${child.serviceName} exited (${signal ?? `code ${code}`})`,
    ),
  });
  if (!health.ok) {
    await stop();
    throw new StepError(`the stack did not become healthy: ${health.reason}`);
  }
  log.ok(`api healthy at ${baseUrl}/api/health (database up, redis up); worker running`);
  return { children, firstExit, stop };
}
