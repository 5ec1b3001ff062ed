// `npm test`: every test tier, in order, with one summary at the end.
//   services → chromium → format → lint → typecheck → unit (each Jest project, with the e2e build
//   beside them) → e2e → scale-out (two APIs and two workers of the same build, one of each killed
//   under load: tools/scale-out.mjs); beside them from the start, the integration tests and then the
//   small libraries' unit tests
// Every stage runs even when an earlier one failed. The last line is exactly `N passed, N failed`
// (CI parses it): tests from the Jest and Playwright JSON reports, plus one check per project for lint
// and typecheck and one for the format check. Exits non-zero on any failure or when no test ran.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { duration, log, StepError, table } from './lib/log.mjs';
import { loadTestEnv, runtimeEnv } from './lib/env.mjs';
import { handleSignals, onCleanup, runCleanups } from './lib/lifecycle.mjs';
import { isPortOpen } from './lib/net.mjs';
import { repoRoot } from './lib/paths.mjs';
import { isRoot, run } from './lib/process.mjs';
import { RAISED_RATE_LIMITS, throwawayDatabaseAndQueues } from './lib/throwaway.mjs';
import { buildApiAndWeb, nxEnv, runCli, startApiAndWorker } from './lib/api-stack.mjs';
import { aptInstall, ensureServices } from './services.mjs';

const CHROMIUM = '/usr/bin/chromium';
const resultsDir = join(repoRoot, 'tmp', 'test-results');
const MINUTE = 60_000;

/** One row of the summary: { name, unit, passed, failed, status, note, ms }. */
const stages = [];

function record(name, { unit = 'tests', passed = 0, failed = 0, note = '', ms = 0 }) {
  const status = failed > 0 ? 'failed' : 'passed';
  stages.push({ name, unit, passed, failed, status, note, ms });
  const counts = `${passed} passed, ${failed} failed (${unit})`;
  if (status === 'passed')
    log.ok(`${name}: ${counts}${note ? `, ${note}` : ''} in ${duration(ms)}`);
  else log.fail(`${name}: ${counts}${note ? `: ${note}` : ''} in ${duration(ms)}`);
}

/** Runs `work()` as one stage, timing it; an exception counts as one failed check with its message. */
async function stage(name, work) {
  log.section(name);
  const started = Date.now();
  record(name, await settleStage(work, started));
}

/** What `work()` reports, timed; an exception counts as one failed check with its message. */
async function settleStage(work, started) {
  try {
    return { ...(await work()), ms: Date.now() - started };
  } catch (error) {
    const note = error instanceof StepError ? error.message : error.stack;
    return { unit: 'checks', failed: 1, note, ms: Date.now() - started };
  }
}

/**
 * Stages that run one after the other beside the main line: each `work()` must keep its output (jest's
 * `quiet`), printed as one block per stage, with its result, when `join()` is called.
 */
function backgroundStages(list) {
  log.step(`started beside the stages below: ${list.map(([name]) => name).join('; ')}`);
  const settled = (async () => {
    const results = [];
    for (const [name, work] of list) results.push([name, await settleStage(work, Date.now())]);
    return results;
  })();
  return {
    async join() {
      for (const [name, { output = '', ...result }] of await settled) {
        log.section(name);
        log.plain(output.trimEnd());
        record(name, result);
      }
    },
  };
}

// ── static checks ────────────────────────────────────────────────────────────────────────────────

async function formatCheck(env) {
  const result = await run('npx', ['prettier', '--check', '.'], { env, timeoutMs: 5 * MINUTE });
  if (result.code === 0) return { unit: 'checks', passed: 1 };
  return { unit: 'checks', failed: 1, note: 'fix with npm run format' };
}

/** Projects that have a target, from `nx show projects --with-target`. */
async function projectsWithTarget(target, env) {
  const result = await run('npx', ['nx', 'show', 'projects', '--with-target', target, '--json'], {
    env: { ...nxEnv(env), FORCE_COLOR: '0' },
    capture: true,
    echo: false,
  });
  // The JSON array is one line of its own among npm's and Nx's warnings.
  const line = result.output.split('\n').find((text) => /^\[.*\]$/.test(text.trim()));
  if (result.code !== 0 || !line) {
    throw new StepError(`could not list the projects with a ${target} target:\n${result.output}`);
  }
  return JSON.parse(line);
}

/** `nx run-many -t <target>`: one check per project; failed projects read from Nx's "Failed tasks" list. */
async function nxTargetCheck(target, extraArgs, env) {
  const projects = await projectsWithTarget(target, env);
  if (projects.length === 0) throw new StepError(`no project has a ${target} target`);
  log.step(`${target} for ${projects.length} projects: ${projects.join(', ')}`);
  const result = await run(
    'npx',
    ['nx', 'run-many', '-t', target, '--output-style=static', ...extraArgs],
    { env: nxEnv(env), capture: true, timeoutMs: 10 * MINUTE },
  );
  const failedProjects = new Set(
    [...result.output.matchAll(new RegExp(`^\\s*- ([\\w@/.-]+):${target}\\b`, 'gm'))].map(
      (m) => m[1],
    ),
  );
  let failed = failedProjects.size;
  if (result.code !== 0 && failed === 0) failed = 1;
  return {
    unit: 'projects',
    passed: projects.length - failedProjects.size,
    failed,
    note: failedProjects.size ? [...failedProjects].join(', ') : '',
  };
}

// ── Jest ─────────────────────────────────────────────────────────────────────────────────────────

/** Every project's jest.config.{cts,ts} under apps/ and libs/ (the integration config excluded). */
function unitJestConfigs() {
  const found = [];
  for (const top of ['apps', 'libs']) {
    const base = join(repoRoot, top);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { recursive: true })) {
      const path = String(entry);
      if (path.includes('node_modules') || path.includes('dist')) continue;
      if (/(^|\/)jest\.config\.c?ts$/.test(path)) found.push(join(top, path));
    }
  }
  return found.sort();
}

/**
 * Runs one Jest config with the JSON reporter; counts tests (a suite that cannot run counts as failed).
 * `quiet`: the output is kept and returned (`output`) instead of shown as it comes.
 */
async function jest(
  config,
  outputName,
  extraArgs,
  env,
  timeoutMs,
  { quiet = false, priority } = {},
) {
  const outputFile = join(resultsDir, `${outputName}.json`);
  const result = await run(
    'npx',
    [
      'jest',
      '-c',
      config,
      '--ci',
      '--passWithNoTests',
      '--json',
      `--outputFile=${outputFile}`,
      ...extraArgs,
    ],
    { env, timeoutMs, capture: quiet, echo: !quiet, priority },
  );
  const output = quiet ? result.output : undefined;
  if (!existsSync(outputFile)) {
    const error = new StepError(
      `jest exited with code ${result.code} without writing ${relative(repoRoot, outputFile)}`,
    );
    if (quiet) error.message = `${output}\n${error.message}`;
    throw error;
  }
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  const passed = report.numPassedTests;
  let failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  if (result.code !== 0 && failed === 0) failed = 1;
  const notes = [
    result.timedOut && 'timed out',
    priority !== undefined && !result.prioritised && 'ran without its raised priority (needs root)',
  ];
  return { passed, failed, note: notes.filter(Boolean).join(', '), output };
}

// ── end to end ───────────────────────────────────────────────────────────────────────────────────

async function ensureChromium() {
  if (existsSync(CHROMIUM)) {
    log.ok(`Chromium present at ${CHROMIUM}`);
    return true;
  }
  if (!isRoot() || !existsSync('/etc/debian_version')) {
    log.fail(
      `${CHROMIUM} missing and not root on Debian: install Debian's chromium package for the e2e tests`,
    );
    return false;
  }
  log.step(
    `installing Debian's chromium with apt-get (${CHROMIUM} missing; Playwright's own browsers are never downloaded)`,
  );
  try {
    await aptInstall(['chromium', 'fonts-dejavu-core']);
  } catch (error) {
    log.fail(`apt-get could not install chromium: ${error.message}`);
    return false;
  }
  log.ok(`Chromium installed at ${CHROMIUM}`);
  return true;
}

/** Builds, runs the stack against a throwaway database, runs Playwright, and always cleans up. */
async function endToEnd(env, services, build) {
  if (!services) throw new StepError('PostgreSQL/Redis unavailable (see the Services section)');
  if (!existsSync(CHROMIUM)) throw new StepError(`${CHROMIUM} missing`);

  const buildError = await build;
  if (buildError) throw buildError;

  const port = Number(process.env.E2E_PORT || 3100);
  const baseUrl = `http://127.0.0.1:${port}`;
  if (await isPortOpen('127.0.0.1', port)) {
    throw new StepError(`port ${port} is in use: stop what runs there or set E2E_PORT`);
  }

  // Its own two roles, as in production: the stack runs as the runtime role.
  const { queuePrefix, ownerUrl, appUrl } = await throwawayDatabaseAndQueues(services, 'e2e');

  const stackEnv = runtimeEnv({
    ...env,
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: appUrl,
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL || 'warn',
    // Every spec signs in from 127.0.0.1.
    ...RAISED_RATE_LIMITS,
  });
  try {
    await runCli('migrate', { ...stackEnv, DATABASE_OWNER_URL: ownerUrl });
    await runCli('seed', stackEnv);
    const stack = await startApiAndWorker(stackEnv, { baseUrl });
    onCleanup(async () => {
      log.step('stopping the e2e api and worker');
      await stack.stop();
    });

    const reportFile = join(resultsDir, 'e2e.json');
    log.step(
      `playwright: npx playwright test -c apps/web-e2e/playwright.config.mts (E2E_BASE_URL=${baseUrl})`,
    );
    const result = await run(
      'npx',
      ['playwright', 'test', '-c', 'apps/web-e2e/playwright.config.mts'],
      {
        // The database too: the global setup adds synthetic twins of the second-factor demo accounts.
        env: {
          ...env,
          E2E_BASE_URL: baseUrl,
          E2E_DATABASE_URL: appUrl,
          E2E_JSON_REPORT: reportFile,
        },
        timeoutMs: 18 * MINUTE,
      },
    );
    if (!existsSync(reportFile)) {
      throw new StepError(
        `playwright exited with code ${result.code} without writing its JSON report`,
      );
    }
    const { stats, errors = [] } = JSON.parse(readFileSync(reportFile, 'utf8'));
    const passed = stats.expected + stats.flaky;
    let failed = stats.unexpected + errors.length;
    if (result.code !== 0 && failed === 0) failed = 1;
    const notes = [
      stats.flaky && `${stats.flaky} flaky`,
      stats.skipped && `${stats.skipped} skipped`,
    ];
    return { passed, failed, note: notes.filter(Boolean).join(', ') };
  } finally {
    await runCleanups();
  }
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

function printSummary(totalMs) {
  log.section('Summary');
  const rows = stages.map((s) => [
    s.status === 'passed' ? '✓' : '✗',
    s.name,
    String(s.passed),
    String(s.failed),
    s.unit,
    duration(s.ms),
  ]);
  log.plain(table(['', 'stage', 'passed', 'failed', 'counted in', 'time'], rows));
  log.plain(`\ntotal time ${duration(totalMs)}`);
}

async function main() {
  const started = Date.now();
  process.env.TZ = 'UTC';
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  // Secrets: those of .env when present, else throwaway ones for this run (nothing is written).
  loadTestEnv();

  log.section('Services');
  let services = null;
  try {
    // The tests make their databases and roles themselves (the integration tests' global setup, the
    // e2e stage below), as the admin role.
    services = await ensureServices({ appDatabase: false });
    Object.assign(process.env, {
      DATABASE_ADMIN_URL: services.adminUrl,
      REDIS_URL: services.redisUrl,
    });
  } catch (error) {
    log.fail(error instanceof StepError ? error.message : error.stack);
    record('services', { unit: 'checks', failed: 1, note: 'PostgreSQL/Redis/npm dependencies' });
  }
  await ensureChromium();
  const env = { ...process.env, CI: process.env.CI ?? 'true' };

  // Two lines on two cores. Beside the main line (static checks, unit tests, e2e), which leaves one core
  // idle much of the time, run the integration tests (no build needed, one core: --runInBand) and then
  // the small libraries' unit tests: the run takes about as long as the longer line, not the sum. The
  // integration tests are the longer line's bulk, so the larger unit projects stay on the main line.
  const unitConfigs = unitJestConfigs();
  const besideTheMainLine = (config) => /^libs\/shared\/(authz|contracts)\//.test(config);
  const unitStage = (config, options) => {
    const project = config.replace(/\/jest\.config\.c?ts$/, '');
    return [
      `unit ${project}`,
      () => jest(config, `unit-${project.replaceAll('/', '-')}`, [], env, 10 * MINUTE, options),
    ];
  };
  const beside = backgroundStages([
    [
      'integration (real PostgreSQL + Redis)',
      async () => {
        if (!services) {
          throw new StepError('PostgreSQL/Redis unavailable (see the Services section)');
        }
        const config = 'apps/api/jest.int.config.cts';
        if (!existsSync(join(repoRoot, config))) throw new StepError(`${config} missing`);
        // Raised above everything else: one process on one core with a hard time limit, while the main
        // line spreads over both cores and catches up once it is done (the total CPU is the same). At an
        // even share, beside the e2e stack and Chromium's many sessions, it ran past its 20 minutes on a
        // slower two-core machine.
        return jest(config, 'integration', ['--runInBand'], env, 20 * MINUTE, {
          quiet: true,
          priority: -10,
        });
      },
    ],
    ...unitConfigs.filter(besideTheMainLine).map((config) => unitStage(config, { quiet: true })),
  ]);

  await stage('format (prettier --check)', () => formatCheck(env));
  await stage('lint (zero warnings)', () => nxTargetCheck('lint', ['--max-warnings=0'], env));
  await stage('typecheck', () => nxTargetCheck('typecheck', [], env));
  // The e2e build runs beside the unit tests (Jest leaves one of two cores idle), not after them.
  const build = buildApiAndWeb(env, { timeoutMs: 10 * MINUTE, quiet: true }).then(
    () => null,
    (error) => error,
  );
  for (const config of unitConfigs.filter((config) => !besideTheMainLine(config))) {
    await stage(...unitStage(config));
  }
  await stage('e2e (Playwright, Chromium)', () => endToEnd(env, services, build));
  await beside.join();
  await stage('scale-out (2 APIs + 2 workers, one of each killed)', async () => {
    if (!services) throw new StepError('PostgreSQL/Redis unavailable (see the Services section)');
    const buildError = await build;
    if (buildError) throw buildError;
    // Imported here: it loads pg, BullMQ and ioredis, which a fresh clone has only once the
    // services step has installed the dependencies.
    const { scaleOut } = await import('./scale-out.mjs');
    return scaleOut(env, services);
  });

  printSummary(Date.now() - started);
  const passed = stages.reduce((sum, s) => sum + s.passed, 0);
  const failed = stages.reduce((sum, s) => sum + s.failed, 0);
  const testsRun = stages
    .filter((s) => s.unit === 'tests')
    .reduce((sum, s) => sum + s.passed + s.failed, 0);
  if (testsRun === 0) log.fail('no test ran at all: that counts as a failure');
  log.plain(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || testsRun === 0 ? 1 : 0);
}

handleSignals({ exitCode: 130 });
main().catch(async (error) => {
  log.fail(error.stack);
  await runCleanups();
  process.exit(1);
});
