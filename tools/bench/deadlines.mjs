// `npm run bench:deadlines`: the deadline engine under load, self-contained (no `npm start` needed).
//   1. a throwaway database caunoi_bench_<stamp> (migrated and seeded), a Redis DB of its own, a unique queue prefix;
//   2. scheduling: N deadlines with one stage each written in one set-based INSERT, then one delayed BullMQ job
//      per stage enqueued exactly as DeadlineScheduler does (addBulk of 1000); Redis memory per pending job;
//   3. firing: M stages due in the same second, fired by the real worker (dist/apps/api/worker.js) and, in the
//      same run and interleaved with it, by a bare BullMQ + pg worker (deadline-reference-worker.mjs);
//      lateness = fired_at − due_at per stage, p50/p99/max; every notification and audit row checked;
//   4. rebuild: the Redis DB flushed under the N pending stages; the time until the worker's reconciler has
//      put every pending stage's job back.
// Everything is dropped (database) and flushed (Redis DB) at the end, also on Ctrl-C.
//   DATABASE_ADMIN_URL    PostgreSQL server to use, as a role that creates roles and databases
//                         (default postgres://postgres@127.0.0.1:5432); the bench makes its own two roles
//   REDIS_URL             Redis server (default redis://127.0.0.1:6379); the db index is BENCH_REDIS_DB
//   BENCH_REDIS_DB        Redis DB index owned by the bench, flushed before and after (and mid-run: phase 4)
//                         (default 13)
//   BENCH_DEADLINE_COUNT  deadlines to schedule (default 100000)
//   BENCH_BURST           stages due in the same second (default 1000)
//   BENCH_BURST_LEAD      seconds from enqueueing the burst to its due second (default 15)
//   BENCH_WORKERS         worker processes (default 1)
//   BENCH_BATCH           jobs per addBulk call (default 1000, as the reconciler)
//   BENCH_ENQUEUE_CONCURRENCY  addBulk calls in flight (default 1: one after the other, as the reconciler)
//   BENCH_LOG_LEVEL       LOG_LEVEL of the cli and worker (default warn: no line per fired stage)
//   BENCH_REPEAT          bursts per engine, interleaved reference/project (default 2)
//   BENCH_REBUILD         0 skips the rebuild phase
//   BENCH_RECONCILE_INTERVAL_MS  the rebuild worker's RECONCILE_INTERVAL_MS (default 1000; production 60000)
//   BENCH_CPU_PROF        a directory: each project worker writes a CPU profile there when stopped
//   BENCH_BASELINE_WORKER another build's worker.js (e.g. the commit before, copied aside): a third engine in
//                         the same interleaved bursts
// How to read the numbers: docs/bench.md.

import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { duration, log, StepError, table } from '../lib/log.mjs';
import { generateSecrets } from '../lib/env.mjs';
import { handleSignals, onCleanup, runCleanups } from '../lib/lifecycle.mjs';
import { apiDist, repoRoot, requireFromRepo } from '../lib/paths.mjs';
import { run, startService, stopService } from '../lib/process.mjs';
import { createThrowawayDatabase, dropThrowawayDatabase } from '../lib/database-roles.mjs';
import { nxEnv, runCli } from '../lib/api-stack.mjs';
import { DEFAULT_ADMIN_URL, DEFAULT_REDIS_URL, redact } from '../lib/urls.mjs';
import {
  bullmqPrefix,
  DEMO_CENTRE_ID,
  INSERT_DEADLINES,
  QUEUE_DEADLINES,
  enqueue,
} from '../lib/deadline-jobs.mjs';

const { Client } = requireFromRepo('pg');
const { Queue } = requireFromRepo('bullmq');
const { Redis } = requireFromRepo('ioredis');

const positiveInt = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new StepError(`${name} must be a whole number ≥ 1 (got "${raw}")`);
  }
  return value;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Nearest-rank percentile of an ascending array. */
const percentile = (sorted, p) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const perSecond = (count, ms) => Math.round((count / ms) * 1000);

/** Newest modification time (ms) of the files under `dir` (sources of the api and the libraries). */
function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const parent = entry.parentPath ?? entry.path;
    if (parent.includes('node_modules')) continue;
    newest = Math.max(newest, statSync(join(parent, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the api when dist/apps/api/{main,worker,cli}.js is missing or older than a source file. */
async function ensureApiBuild() {
  const built = ['main.js', 'worker.js', 'cli.js'].map((file) => join(apiDist, file));
  const oldestBuilt = built.every(existsSync)
    ? Math.min(...built.map((file) => statSync(file).mtimeMs))
    : 0;
  const newestSource = Math.max(
    newestMtime(join(repoRoot, 'apps', 'api', 'src')),
    newestMtime(join(repoRoot, 'libs')),
  );
  if (oldestBuilt > newestSource) {
    log.ok('dist/apps/api is up to date');
    return;
  }
  log.step(
    `building the api (npx nx build api): ${oldestBuilt ? 'sources changed' : 'no build yet'}`,
  );
  const result = await run('npx', ['nx', 'build', 'api', '--output-style=static'], {
    env: nxEnv(),
    timeoutMs: 10 * 60_000,
  });
  if (result.code !== 0) throw new StepError('npx nx build api failed (see its output above)');
  log.ok('api built');
}

function redisUrlWithDb(url, db) {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
}

const usedMemory = async (redis) => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))[1]);

/** FLUSHDB, refusing when the DB holds keys that a bench run did not write. */
async function flushBenchDb(redis, db) {
  const size = await redis.dbsize();
  if (size > 0) {
    const [, sample] = await redis.scan('0', 'COUNT', 1000);
    const foreign = sample.filter((key) => !key.startsWith('caunoi-bench-'));
    if (foreign.length > 0) {
      throw new StepError(
        `Redis DB ${db} holds ${size} keys that are not from a bench run (e.g. "${foreign[0]}"): ` +
          'choose an empty one with BENCH_REDIS_DB',
      );
    }
  }
  await redis.flushdb();
}

/** Sum of MEMORY USAGE over the keys under `prefix` (a cross-check of the used_memory difference). */
async function keyMemory(redis, prefix) {
  let cursor = '0';
  let bytes = 0;
  let keys = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 2000);
    cursor = next;
    if (batch.length === 0) continue;
    const pipeline = redis.pipeline();
    for (const key of batch) pipeline.memory('USAGE', key, 'SAMPLES', '0');
    for (const [error, value] of await pipeline.exec()) {
      if (!error && value !== null) bytes += Number(value);
    }
    keys += batch.length;
  } while (cursor !== '0');
  return { bytes, keys };
}

async function main() {
  handleSignals();
  const count = positiveInt('BENCH_DEADLINE_COUNT', 100_000);
  const burst = positiveInt('BENCH_BURST', 1000);
  const leadMs = positiveInt('BENCH_BURST_LEAD', 15) * 1000;
  const workers = positiveInt('BENCH_WORKERS', 1);
  const batchSize = positiveInt('BENCH_BATCH', 1000);
  const concurrency = positiveInt('BENCH_ENQUEUE_CONCURRENCY', 1);
  const repeat = positiveInt('BENCH_REPEAT', 2);
  const reconcileTickMs = positiveInt('BENCH_RECONCILE_INTERVAL_MS', 1000);
  const rebuild = process.env.BENCH_REBUILD !== '0';
  const redisDb = Number(process.env.BENCH_REDIS_DB ?? 13);
  if (!Number.isInteger(redisDb) || redisDb < 0) {
    throw new StepError('BENCH_REDIS_DB must be a Redis DB index (a whole number ≥ 0)');
  }
  const started = Date.now();
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const database = `caunoi_bench_${stamp}`;
  const adminUrl = process.env.DATABASE_ADMIN_URL || DEFAULT_ADMIN_URL;
  const redisUrl = redisUrlWithDb(process.env.REDIS_URL || DEFAULT_REDIS_URL, redisDb);
  const queuePrefix = `caunoi-bench-${stamp}`;
  const results = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, loadavgAtStart: loadavg() },
    config: { count, burst, leadMs, workers, batchSize, concurrency, redisDb, repeat, rebuild },
  };
  const [load1] = loadavg();
  if (load1 > cpus().length) {
    log.warn(
      `load average ${load1.toFixed(1)} on ${cpus().length} CPUs: something else is busy, the numbers will be slow`,
    );
  }

  log.section('Setup');
  log.ok(`PostgreSQL ${redact(adminUrl)}, database ${database}, Redis ${redact(redisUrl)}`);
  await ensureApiBuild();

  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  onCleanup(() => redis.quit());
  const databases = Number((await redis.config('GET', 'databases'))[1]);
  if (redisDb >= databases) {
    throw new StepError(
      `BENCH_REDIS_DB ${redisDb}: this Redis has ${databases} databases (0 to ${databases - 1})`,
    );
  }
  await flushBenchDb(redis, redisDb);
  onCleanup(async () => {
    await redis.flushdb();
    log.ok(`Redis DB ${redisDb} flushed`);
  });
  const policy = (await redis.config('GET', 'maxmemory-policy'))[1];
  if (policy !== 'noeviction') {
    throw new StepError(
      `Redis maxmemory-policy is "${policy}": the worker refuses it (redis-cli CONFIG SET maxmemory-policy noeviction)`,
    );
  }

  const { ownerUrl, appUrl } = await createThrowawayDatabase(adminUrl, database);
  onCleanup(async () => {
    await dropThrowawayDatabase(adminUrl, database);
    log.ok(`database ${database} and its roles dropped`);
  });
  log.ok(`database ${database} created, Redis DB ${redisDb} empty, queue prefix ${queuePrefix}`);
  const env = {
    ...process.env,
    ...generateSecrets(),
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
    DATABASE_URL: appUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
  };
  await runCli('migrate', { ...env, DATABASE_OWNER_URL: ownerUrl });
  await runCli('seed', env);

  // The bench's own writes and ANALYZE go in as the owner.
  const pg = new Client({ connectionString: ownerUrl });
  await pg.connect();
  onCleanup(() => pg.end());
  const queue = new Queue(QUEUE_DEADLINES, {
    connection: { url: redisUrl, maxRetriesPerRequest: 1, enableOfflineQueue: false },
    prefix: bullmqPrefix(queuePrefix),
  });
  onCleanup(() => queue.close());
  await queue.waitUntilReady();

  // ── 2. scheduling ────────────────────────────────────────────────────────────────────────────
  log.section(`Scheduling ${count.toLocaleString('en')} deadlines`);
  let t0 = performance.now();
  const { rows: stages } = await pg.query(INSERT_DEADLINES, [
    DEMO_CENTRE_ID,
    new Date(Date.now() + 25 * DAY_MS),
    10 * DAY_MS,
    count,
  ]);
  const insertMs = performance.now() - t0;
  log.ok(`${stages.length} deadlines + stages inserted in ${Math.round(insertMs)} ms`);
  await pg.query('ANALYZE deadlines, deadline_stages');

  const memoryBefore = await usedMemory(redis);
  t0 = performance.now();
  await enqueue(queue, stages, batchSize, concurrency);
  const enqueueMs = performance.now() - t0;
  const memoryAfter = await usedMemory(redis);
  const delayed = await queue.getDelayedCount();
  if (delayed !== count)
    throw new StepError(`expected ${count} delayed jobs, Redis holds ${delayed}`);
  log.ok(
    `${delayed} delayed jobs enqueued in ${Math.round(enqueueMs)} ms (addBulk × ${batchSize})`,
  );
  const keys = await keyMemory(redis, `{${queuePrefix}}`);
  log.ok(`${keys.keys} keys under {${queuePrefix}}: ${keys.bytes} bytes (MEMORY USAGE)`);
  results.scheduling = {
    insertMs,
    enqueueMs,
    memoryBefore,
    memoryAfter,
    bytesPerJob: (memoryAfter - memoryBefore) / count,
    keyBytes: keys.bytes,
    keyCount: keys.keys,
    keyBytesPerJob: keys.bytes / count,
  };

  // ── 3. firing a burst due in the same second, project worker and reference interleaved ────────
  const engines = {
    project: { label: 'project worker', script: join(apiDist, 'worker.js') },
    reference: {
      label: 'BullMQ + pg alone',
      script: join(repoRoot, 'tools', 'bench', 'deadline-reference-worker.mjs'),
    },
  };
  // Another build of the worker (e.g. the commit before a change, copied aside) in the same run.
  if (process.env.BENCH_BASELINE_WORKER) {
    engines.baseline = {
      label: 'project worker (baseline build)',
      script: process.env.BENCH_BASELINE_WORKER,
    };
  }
  const engineNames = Object.keys(engines);
  const children = [];
  onCleanup(async () => {
    await Promise.all(children.map((child) => stopService(child)));
    if (children.length) log.ok('worker(s) stopped');
  });
  const profileDir = process.env.BENCH_CPU_PROF;
  /** Starts `workers` processes of an engine and waits until each listens on the deadlines queue. */
  const startWorkers = async (engine, extraEnv = {}) => {
    const bootStarted = performance.now();
    const workerEnv = { ...env, ...extraEnv };
    if (engine !== 'reference' && profileDir) {
      workerEnv.NODE_OPTIONS = `--require ${join(repoRoot, 'tools', 'bench', 'cpu-profile.cjs')}`;
      workerEnv.BENCH_CPU_PROF_DIR = profileDir;
    }
    for (let i = 1; i <= workers; i++) {
      children.push(
        startService(`${engine}${workers > 1 ? i : ''}`, 'node', [engines[engine].script], {
          env: workerEnv,
        }),
      );
    }
    let exited = null;
    Promise.race(children.map((child) => child.exited)).then((result) => (exited = result));
    while ((await queue.getWorkersCount()) < workers) {
      if (exited) throw new StepError(`a worker exited during start (${JSON.stringify(exited)})`);
      if (performance.now() - bootStarted > 60_000) throw new StepError('workers not up in 60 s');
      await sleep(100);
    }
    await sleep(1000); // let the start-up reconcile pass finish (nothing is due within its horizon)
    log.ok(
      `${engines[engine].label}: listening after ${Math.round(performance.now() - bootStarted)} ms`,
    );
    return () => exited;
  };
  const stopWorkers = async () => {
    await Promise.all(children.map((child) => stopService(child)));
    children.length = 0;
    // BullMQ forgets a closed worker's connection at once, but wait so the next count starts at 0.
    while ((await queue.getWorkersCount()) > 0) await sleep(100);
  };

  /** One burst of `burst` stages due in the same second, fired by the workers running now. */
  const fireBurst = async (exitedWorker) => {
    const dueAt = new Date(Math.ceil((Date.now() + leadMs) / 1000) * 1000);
    const t = performance.now();
    const { rows: burstStages } = await pg.query(INSERT_DEADLINES, [
      DEMO_CENTRE_ID,
      dueAt,
      0,
      burst,
    ]);
    await enqueue(queue, burstStages, batchSize);
    log.ok(
      `${burst} stages due at ${dueAt.toISOString()} written and enqueued in ${Math.round(performance.now() - t)} ms`,
    );
    const pollTimeoutMs = leadMs + 180_000;
    const pollStarted = Date.now();
    let remaining = burst;
    let observedDrainMs = null;
    while (remaining > 0) {
      const exited = exitedWorker();
      if (exited)
        throw new StepError(`a worker exited during the burst (${JSON.stringify(exited)})`);
      if (Date.now() - pollStarted > pollTimeoutMs) {
        throw new StepError(
          `${remaining} of ${burst} stages still unfired ${duration(pollTimeoutMs)} after enqueueing`,
        );
      }
      await sleep(Date.now() < dueAt.getTime() - 500 ? 500 : 50);
      // Served by the partial index on unfired stages: cheap while the worker is busy.
      const { rows } = await pg.query(
        `SELECT count(*)::int AS n FROM deadline_stages
          WHERE due_at = $1 AND fired_at IS NULL AND cancelled_at IS NULL`,
        [dueAt],
      );
      remaining = rows[0].n;
      if (remaining === 0) observedDrainMs = Date.now() - dueAt.getTime();
    }
    // By the burst's clock ids (indexed): at 1,000,000 pending a scan by due instant takes minutes.
    const ids = burstStages.map((stage) => stage.deadlineId);
    const { rows: fired } = await pg.query(
      `SELECT extract(epoch FROM (fired_at - due_at)) * 1000 AS ms FROM deadline_stages
        WHERE deadline_id = ANY($1::uuid[])`,
      [ids],
    );
    const lateness = fired.map((row) => Number(row.ms)).sort((a, b) => a - b);
    const {
      rows: [check],
    } = await pg.query(
      `WITH s AS (SELECT id FROM deadline_stages WHERE deadline_id = ANY($1::uuid[]))
       SELECT (SELECT count(*)::int FROM notifications n JOIN s ON s.id = n.deadline_stage_id) AS notifications,
              (SELECT count(DISTINCT (n.deadline_stage_id, n.user_id))::int FROM notifications n
                 JOIN s ON s.id = n.deadline_stage_id) AS "distinctNotifications",
              (SELECT count(*)::int FROM audit_log WHERE subject_type = 'Deadline'
                  AND subject_id = ANY($1::text[]) AND action = 'deadline.stage_fired') AS "auditRows",
              (SELECT count(*)::int FROM users WHERE agency_id = $2 AND role = 'supervisor' AND disabled_at IS NULL)
                AS supervisors`,
      [ids, DEMO_CENTRE_ID],
    );
    const expectedNotifications = burst * check.supervisors;
    const ok =
      check.notifications === expectedNotifications &&
      check.distinctNotifications === expectedNotifications &&
      check.auditRows === burst;
    (ok ? log.ok : log.warn)(
      `${check.notifications} notifications (${check.distinctNotifications} distinct, expected ${expectedNotifications}: ` +
        `${check.supervisors} supervisor(s) × ${burst}), ${check.auditRows} audit rows (expected ${burst})`,
    );
    return {
      dueAt: dueAt.toISOString(),
      loadavg: loadavg(),
      p50: percentile(lateness, 50),
      p99: percentile(lateness, 99),
      min: lateness[0],
      max: lateness.at(-1),
      observedDrainMs,
      notifications: check.notifications,
      distinctNotifications: check.distinctNotifications,
      expectedNotifications,
      auditRows: check.auditRows,
      ok,
      latenessMs: lateness,
    };
  };

  // Interleaved so all see the same load: each repetition starts one engine later (reference, project,
  // then project, reference, …).
  results.bursts = Object.fromEntries(engineNames.map((engine) => [engine, []]));
  for (let rep = 1; rep <= repeat; rep++) {
    const shift = (rep - 1) % engineNames.length;
    const order = [...engineNames.slice(shift), ...engineNames.slice(0, shift)];
    for (const engine of order) {
      log.section(
        `Burst ${rep}/${repeat}: ${burst} stages due in the same second, ${engines[engine].label} ` +
          `(${workers} process(es), load ${loadavg()[0].toFixed(1)})`,
      );
      const exitedWorker = await startWorkers(engine);
      results.bursts[engine].push(await fireBurst(exitedWorker));
      log.step('stopping the worker(s) (SIGTERM)');
      await stopWorkers();
    }
  }

  // ── 4. rebuild after Redis lost its data ────────────────────────────────────────────────────────
  if (rebuild) {
    log.section(
      `Rebuild: Redis DB ${redisDb} flushed under ${count.toLocaleString('en')} pending stages ` +
        `(reconcile tick ${reconcileTickMs} ms, load ${loadavg()[0].toFixed(1)})`,
    );
    const { rows: pendingRows } = await pg.query(
      `SELECT count(*)::int AS n FROM deadline_stages WHERE fired_at IS NULL AND cancelled_at IS NULL`,
    );
    const pending = pendingRows[0].n;
    const exitedWorker = await startWorkers('project', {
      RECONCILE_INTERVAL_MS: String(reconcileTickMs),
    });
    const flushedAt = performance.now();
    await redis.flushdb();
    let back = 0;
    let firstJobMs = null;
    while (back < pending) {
      const exited = exitedWorker();
      if (exited)
        throw new StepError(`the worker exited during the rebuild (${JSON.stringify(exited)})`);
      if (performance.now() - flushedAt > 600_000) {
        throw new StepError(`only ${back} of ${pending} jobs back 10 min after the flush`);
      }
      await sleep(100);
      back = await queue.getDelayedCount();
      if (back > 0 && firstJobMs === null) firstJobMs = performance.now() - flushedAt;
    }
    const rebuildMs = performance.now() - flushedAt;
    log.ok(
      `${back} delayed jobs back ${Math.round(rebuildMs)} ms after the flush (first after ${Math.round(firstJobMs)} ms)`,
    );
    results.rebuild = { pending, back, rebuildMs, firstJobMs, reconcileTickMs, loadavg: loadavg() };
    await stopWorkers();
  }

  // ── report ─────────────────────────────────────────────────────────────────────────────────────
  const s = results.scheduling;
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = (sorted.length - 1) / 2;
    return Math.round((sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2);
  };
  const burstRows = [];
  for (const engine of engineNames) {
    const runs = results.bursts[engine];
    const label = `burst of ${burst}, ${engines[engine].label}`;
    for (const [key, name] of [
      ['p50', 'lateness p50'],
      ['p99', 'lateness p99'],
      ['max', 'lateness max (last fired)'],
      ['observedDrainMs', 'all committed (polled) after due'],
    ]) {
      const values = runs.map((run) => Math.round(run[key]));
      burstRows.push([
        `${label}: ${name}${runs.length > 1 ? ` (median of ${values.join(', ')})` : ''}`,
        median(values),
        'ms',
      ]);
    }
    burstRows.push([
      `${label}: runs with every notification and audit row`,
      `${runs.filter((run) => run.ok).length}/${runs.length}`,
      '',
    ]);
  }
  const rows = [
    ['schedule: INSERT deadlines + stages (one statement)', Math.round(s.insertMs), 'ms'],
    ['schedule: INSERT rate', perSecond(count, s.insertMs), 'deadlines/s'],
    [
      `schedule: enqueue delayed jobs (addBulk × ${batchSize}, ${concurrency} in flight)`,
      Math.round(s.enqueueMs),
      'ms',
    ],
    ['schedule: enqueue rate', perSecond(count, s.enqueueMs), 'deadlines/s'],
    [
      'schedule: total (insert + enqueue)',
      perSecond(count, s.insertMs + s.enqueueMs),
      'deadlines/s',
    ],
    ['redis: used_memory growth per pending job', Math.round(s.bytesPerJob), 'bytes'],
    ['redis: MEMORY USAGE of queue keys per pending job', Math.round(s.keyBytesPerJob), 'bytes'],
    ['redis: used_memory with every job pending', Math.round(s.memoryAfter / 1048576), 'MiB'],
    ...burstRows,
    ...(results.rebuild
      ? [
          [
            `rebuild after FLUSHDB: all ${results.rebuild.pending} pending jobs back`,
            Math.round(results.rebuild.rebuildMs),
            'ms',
          ],
          ['rebuild rate', perSecond(results.rebuild.pending, results.rebuild.rebuildMs), 'jobs/s'],
        ]
      : []),
  ].map(([scenario, value, unit]) => [scenario, String(value), unit]);
  log.plain();
  log.plain(table(['scenario', 'value', 'unit'], rows));
  const dir = join(repoRoot, 'tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `deadlines-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  results.machine.loadavgAtEnd = loadavg();
  writeFileSync(file, JSON.stringify(results, null, 2));
  log.plain();
  log.plain(
    `load average at start ${results.machine.loadavgAtStart.map((l) => l.toFixed(2)).join(' ')}, ` +
      `at end ${results.machine.loadavgAtEnd.map((l) => l.toFixed(2)).join(' ')}`,
  );
  log.ok(
    `raw results written to ${file.slice(repoRoot.length + 1)} (run took ${duration(Date.now() - started)})`,
  );
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  log.fail(error instanceof StepError ? error.message : error.stack);
  exitCode = 1;
} finally {
  log.section('Clean-up');
  await runCleanups();
}
process.exit(exitCode);
