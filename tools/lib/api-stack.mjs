// Build and run the API's three entry points: cli.js (migrate, seed), main.js (HTTP + web) and worker.js.

import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { log, StepError } from './log.mjs';
import { apiDist, repoRoot, webDist } from './paths.mjs';
import { run, startService, stopService } from './process.mjs';
import { freePort, waitForHealth } from './net.mjs';
import { startBalancer } from './balancer.mjs';

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
 * One API process behind the proxy: on its own port of 127.0.0.1 only; email links still name the port
 * users open (else they would default to the process's own).
 */
function backendEnv(env, port, publicPort) {
  const linkOrigin =
    env.EMAIL_LINK_ORIGIN || env.PUBLIC_ORIGINS
      ? {}
      : { EMAIL_LINK_ORIGIN: `http://localhost:${publicPort}` };
  return { ...env, ...linkOrigin, HOST: '127.0.0.1', PORT: String(port) };
}

/**
 * Starts main.js and worker.js, waits for GET /api/health to answer 200.
 * With `replicas` > 1: that many of each, the API processes on free ports of 127.0.0.1 behind the
 * round-robin proxy (tools/lib/balancer.mjs), which listens on `baseUrl`'s port (HOST, default all
 * interfaces, as the API alone does).
 * Returns { children, apis, workers, balancer, firstExit, stop }: firstExit resolves with the first child
 * that stops; balancer is null with one replica.
 */
export async function startApiAndWorker(
  env,
  { baseUrl, healthTimeoutMs = 90_000, replicas = 1, balancerOptions = {} } = {},
) {
  const name = (service, i) => (replicas === 1 ? service : `${service}-${i + 1}`);
  const ports =
    replicas === 1
      ? [Number(new URL(baseUrl).port)]
      : await Promise.all(Array.from({ length: replicas }, () => freePort()));
  log.step(
    replicas === 1
      ? 'starting api (dist/apps/api/main.js) and worker (dist/apps/api/worker.js)'
      : `starting ${replicas} api processes (dist/apps/api/main.js on 127.0.0.1:${ports.join(', ')}) and ${replicas} workers (dist/apps/api/worker.js)`,
  );
  const apis = ports.map((port, i) =>
    startService(name('api', i), 'node', [join(apiDist, 'main.js')], {
      env: replicas === 1 ? env : backendEnv(env, port, new URL(baseUrl).port),
    }),
  );
  const workers = ports.map((_, i) =>
    startService(name('worker', i), 'node', [join(apiDist, 'worker.js')], { env }),
  );
  const children = [...apis, ...workers];
  const firstExit = Promise.race(
    children.map((child) => child.exited.then((result) => ({ child, ...result }))),
  );
  let balancer = null;
  const stop = async () => {
    await balancer?.stop();
    await Promise.all(children.map((child) => stopService(child)));
  };

  const givenUp = firstExit.then(
    ({ child, code, signal }) => `${child.serviceName} exited (${signal ?? `code ${code}`})`,
  );
  const healths = await Promise.all(
    ports.map((port) =>
      waitForHealth(`http://127.0.0.1:${port}`, { timeoutMs: healthTimeoutMs, givenUp }),
    ),
  );
  const unhealthy = healths.find((health) => !health.ok);
  if (unhealthy) {
    await stop();
    throw new StepError(`the stack did not become healthy: ${unhealthy.reason}`);
  }
  if (replicas > 1) {
    try {
      balancer = await startBalancer({
        port: Number(new URL(baseUrl).port),
        host: env.HOST || '0.0.0.0',
        backends: apis.map((api, i) => ({ name: api.serviceName, port: ports[i] })),
        onChange: (backend) =>
          backend.up
            ? log.ok(`proxy: ${backend.name} answers again, back in the rotation`)
            : log.warn(`proxy: ${backend.name} does not answer, skipped until it does`),
        ...balancerOptions,
      });
    } catch (error) {
      await stop();
      throw new StepError(`the proxy could not listen on ${baseUrl}: ${error.message}`);
    }
    log.ok(
      `proxy at ${baseUrl}: round robin over ${apis.map((api, i) => `${api.serviceName} (:${ports[i]})`).join(', ')}`,
    );
  }
  log.ok(
    `api healthy at ${baseUrl}/api/health (database up, redis up); ${replicas === 1 ? 'worker' : `${replicas} workers`} running`,
  );
  return { children, apis, workers, balancer, firstExit, stop };
}
