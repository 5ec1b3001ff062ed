// The scale-out proof (issue 14, "two of everything"): a stage of `npm test`, or alone with
// `npm run test:scale-out` (after a build: npx nx run-many -t build -p api,web).
//   a throwaway database and queue prefix → migrate, seed → two API processes behind the round-robin proxy
//   (tools/lib/balancer.mjs) and two workers, from the built dist → deadline stages due over the next seconds
//   and a burst due at once → hotline calls and walk-in intakes written through the proxy by several clients
//   at once → once writes have gone through and the burst starts firing: SIGKILL one API process and one
//   worker → the load goes on through the proxy → checks, each counted as one test:
//   both APIs served; every write answered 2xx is in the database; only writes in flight on the killed
//   API failed; every write after the proxy dropped it succeeded; every stage fired, the dead worker's jobs
//   were taken over, each stage with exactly one notification per recipient and one audit row; the audit
//   chain links every row and `cli audit:verify` passes; the API counts the client the proxy saw
//   (X-Forwarded-For), not one the client claims.
// Everything it made (database, roles, Redis keys, processes) is removed at the end, also on failure.

import { request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { log, StepError } from './lib/log.mjs';
import { loadTestEnv, runtimeEnv } from './lib/env.mjs';
import { handleSignals, onCleanup, runCleanups } from './lib/lifecycle.mjs';
import { freePort } from './lib/net.mjs';
import { apiDist, requireFromRepo } from './lib/paths.mjs';
import { run, signalService } from './lib/process.mjs';
import { runCli, missingBuildFiles, startApiAndWorker } from './lib/api-stack.mjs';
import { RAISED_RATE_LIMITS, throwawayDatabaseAndQueues } from './lib/throwaway.mjs';
import { callBody, walkInBody } from './lib/synthetic-intake.mjs';
import { DEMO_PASSWORD } from './lib/demo-users.mjs';
import {
  bullmqPrefix,
  DEMO_CENTRE_ID,
  enqueue,
  INSERT_DEADLINES,
  QUEUE_DEADLINES,
} from './lib/deadline-jobs.mjs';

const { Client } = requireFromRepo('pg');
const { Queue } = requireFromRepo('bullmq');
const { Redis } = requireFromRepo('ioredis');

const REPLICAS = 2;
/** Clients writing at once; each has at most one write in flight. */
const CLIENTS = 6;
/** Deadline stages due during the run, spread over `STAGE_SPREAD_MS` from `STAGE_LEAD_MS` on. */
const SPREAD = 40;
const STAGE_LEAD_MS = 3000;
const STAGE_SPREAD_MS = 12_000;
/**
 * And a burst due in one instant, `BURST_LEAD_MS` from now: the kill comes as the burst starts firing,
 * so the killed worker dies holding deadline jobs (both workers run `BURST_CONCURRENCY` at a time).
 */
const BURST = 200;
const BURST_CONCURRENCY = 8;
const BURST_LEAD_MS = 6000;
const STAGES = SPREAD + BURST;
/** Writes before the kill, and writes that must succeed after the proxy dropped the killed API. */
const WRITES_BEFORE_KILL = 30;
const WRITES_AFTER_DOWN = 40;
/** How long each wait may take before it counts as a failure (none of these is a speed limit). */
const WAIT_MS = 60_000;
/** A client address of the loopback range other than the proxy's own, and one a client might claim. */
const OTHER_LOOPBACK = '127.0.0.2';
const CLAIMED_ADDRESS = '203.0.113.9';

/** Polls `probe` until it returns a truthy value; null after `timeoutMs`. */
async function waitFor(probe, timeoutMs = WAIT_MS, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(everyMs);
  }
  return null;
}

async function login(baseUrl, username) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new StepError(`login as ${username} answered HTTP ${response.status}`);
  return (await response.json()).accessToken;
}

/** GET through the proxy from `localAddress`, with an X-Forwarded-For of the client's own making. */
function getFrom(baseUrl, path, localAddress, headers) {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { localAddress, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The load: `CLIENTS` loops, each writing a call or a walk-in, one after the other, until told to stop.
 * Every write is recorded: { kind, status, id, answeredAfterKill, afterExit, afterDown } (answered after the
 * kill; sent after the killed API's process was gone, after the proxy dropped it).
 */
function startLoad(baseUrl, tokens, lineId, state) {
  const writes = [];
  const loop = async (client) => {
    for (let n = 0; !state.stop; n += 1) {
      const kind = (client + n) % 2 === 0 ? 'call' : 'case';
      const write = {
        kind,
        status: 0,
        id: null,
        answeredAfterKill: false,
        afterExit: state.afterExit,
        afterDown: state.afterDown,
      };
      writes.push(write);
      try {
        const response = await fetch(`${baseUrl}/api/${kind === 'call' ? 'calls' : 'cases'}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${kind === 'call' ? tokens.operator : tokens.caseworker}`,
          },
          body: kind === 'call' ? callBody(lineId) : walkInBody(),
        });
        write.status = response.status;
        const text = await response.text().catch(() => '');
        if (response.ok) write.id = JSON.parse(text || '{}').id ?? null;
        else write.text = text.trim().slice(0, 120);
      } catch (error) {
        write.status = 0; // the connection to the proxy failed
        write.text = error.message;
      }
      write.answeredAfterKill = state.afterKill;
    }
  };
  const done = Promise.all(Array.from({ length: CLIENTS }, (_, client) => loop(client)));
  return { writes, done };
}

const ok = (write) => write.status >= 200 && write.status < 300;

/** Runs the scenario; returns { passed, failed } with one test per check (a run cut short: one more, failed). */
export async function scaleOut(env, services) {
  const results = [];
  const check = (name, passed, detail = '') => {
    results.push({ name, passed });
    if (passed) log.ok(`${name}${detail ? ` (${detail})` : ''}`);
    else log.fail(`${name}${detail ? `: ${detail}` : ''}`);
  };
  const missing = missingBuildFiles().filter((file) => file.startsWith('dist/apps/api'));
  if (missing.length > 0) throw new StepError(`${missing.join(', ')} missing: build first`);

  try {
    const { queuePrefix, ownerUrl, appUrl } = await throwawayDatabaseAndQueues(services, 'scale');
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const stackEnv = runtimeEnv({
      ...env,
      NODE_ENV: 'test',
      DATABASE_URL: appUrl,
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: process.env.SCALE_OUT_LOG_LEVEL || 'warn',
      EMAIL_ENABLED: 'false',
      ...RAISED_RATE_LIMITS,
      // The survivor takes a dead worker's jobs 3 s after it last renewed their locks (30 s by default).
      WORKER_LOCK_DURATION_MS: '3000',
      // 8 stage jobs at a time per worker (128 by default), so the burst takes rounds and the killed worker
      // dies holding some: at 128 each took the whole burst in one batch, done before the kill.
      DEADLINE_WORKER_CONCURRENCY: String(BURST_CONCURRENCY),
    });
    await runCli('migrate', { ...stackEnv, DATABASE_OWNER_URL: ownerUrl });
    await runCli('seed', stackEnv);

    const pg = new Client({ connectionString: appUrl });
    await pg.connect();
    onCleanup(() => pg.end());
    const redis = new Redis(services.redisUrl, { maxRetriesPerRequest: 1 });
    onCleanup(() => redis.quit());

    const stack = await startApiAndWorker(stackEnv, {
      baseUrl,
      replicas: REPLICAS,
      balancerOptions: { healthIntervalMs: 500 },
    });
    onCleanup(async () => {
      log.step('stopping the scale-out proxy, api processes and workers');
      await stack.stop();
    });
    const [killedApi] = stack.apis;
    const [killedWorker] = stack.workers;
    const deadBackend = stack.balancer.backends.find((b) => b.name === killedApi.serviceName);

    // The client address the API counts, through the proxy.
    const status = await getFrom(baseUrl, '/api/health', OTHER_LOOPBACK, {
      'x-forwarded-for': CLAIMED_ADDRESS,
    });
    const counted = await redis.exists(`${queuePrefix}:ratelimit:general:${OTHER_LOOPBACK}`);
    const claimed = await redis.exists(`${queuePrefix}:ratelimit:general:${CLAIMED_ADDRESS}`);
    check(
      'behind the proxy the API counts the address that connected, not one the client claims',
      status === 200 && counted === 1 && claimed === 0,
      `HTTP ${status}, counted as ${OTHER_LOOPBACK}: ${counted === 1}, as ${CLAIMED_ADDRESS}: ${claimed === 1}`,
    );

    const tokens = {
      operator: await login(baseUrl, 'hotline.demo'),
      caseworker: await login(baseUrl, 'caseworker.demo'),
    };
    const lines = await fetch(`${baseUrl}/api/hotline-lines`, {
      headers: { authorization: `Bearer ${tokens.operator}` },
    }).then((r) => r.json());
    if (!lines[0]) throw new StepError('hotline.demo has no hotline line: was the seed run?');

    // Deadline stages due over the next seconds, with their jobs, as DeadlineScheduler enqueues them.
    const now = Date.now();
    const { rows: spread } = await pg.query(INSERT_DEADLINES, [
      DEMO_CENTRE_ID,
      new Date(now + STAGE_LEAD_MS),
      STAGE_SPREAD_MS,
      SPREAD,
    ]);
    const { rows: burst } = await pg.query(INSERT_DEADLINES, [
      DEMO_CENTRE_ID,
      new Date(now + BURST_LEAD_MS),
      0,
      BURST,
    ]);
    const stages = [...spread, ...burst];
    const queue = new Queue(QUEUE_DEADLINES, {
      connection: { url: services.redisUrl },
      prefix: bullmqPrefix(queuePrefix),
    });
    await enqueue(queue, stages, 1000);
    await queue.close();
    const lastDue = Math.max(...stages.map((s) => s.dueAt.getTime()));
    const deadlineIds = stages.map((s) => s.deadlineId);
    log.ok(
      `${SPREAD} deadline stages due over ${STAGE_SPREAD_MS / 1000} s and ${BURST} due at once, their jobs enqueued`,
    );
    const firedCount = async (ids = deadlineIds) =>
      Number(
        (
          await pg.query(
            `SELECT count(*) FROM deadline_stages WHERE deadline_id = ANY($1) AND fired_at IS NOT NULL`,
            [ids],
          )
        ).rows[0].count,
      );
    const burstIds = burst.map((s) => s.deadlineId);

    const state = { stop: false, afterKill: false, afterExit: false, afterDown: false };
    const load = startLoad(baseUrl, tokens, lines[0].id, state);
    onCleanup(async () => {
      state.stop = true;
      await load.done;
    });

    // The kill, mid-run: writes have gone through and the workers have started on the burst.
    const killPoint = await waitFor(
      async () =>
        load.writes.filter(ok).length >= WRITES_BEFORE_KILL && (await firedCount(burstIds)) > 0,
      WAIT_MS,
      20,
    );
    if (!killPoint) throw new StepError('the load never reached the kill point (writes, burst)');
    check(
      'both API processes answered through the proxy before the kill',
      stack.balancer.backends.every((b) => b.served > 0),
      stack.balancer.backends.map((b) => `${b.name} ${b.served}`).join(', '),
    );
    const firedBeforeKill = await firedCount();
    const burstBeforeKill = await firedCount(burstIds);
    const writesBeforeKill = load.writes.length;
    log.step(
      `SIGKILL ${killedApi.serviceName} and ${killedWorker.serviceName} (${writesBeforeKill} writes sent, ${firedBeforeKill} of ${STAGES} stages fired, ${burstBeforeKill} of the burst)`,
    );
    const apiGone = killedApi.exited.then(() => (state.afterExit = true));
    state.afterKill = true;
    signalService(killedApi, 'SIGKILL');
    signalService(killedWorker, 'SIGKILL');
    await Promise.all([apiGone, killedWorker.exited]);

    const dropped = await waitFor(() => !deadBackend.up, 10_000, 100);
    check(`the proxy stops sending to ${killedApi.serviceName}`, dropped !== null);
    state.afterDown = true;
    await waitFor(
      () =>
        load.writes.filter((w) => w.afterDown && w.status !== 0).length >= WRITES_AFTER_DOWN &&
        Date.now() > lastDue,
      WAIT_MS,
      100,
    );
    state.stop = true;
    await load.done;

    // No lost write: every id answered 2xx is a row.
    const answered = load.writes.filter(ok);
    const idsOf = (kind) => answered.filter((w) => w.kind === kind).map((w) => w.id);
    const { rows: found } = await pg.query(
      `SELECT (SELECT count(*) FROM calls WHERE id = ANY($1::uuid[]))::int AS calls,
              (SELECT count(*) FROM cases WHERE id = ANY($2::uuid[]))::int AS cases`,
      [idsOf('call'), idsOf('case')],
    );
    check(
      'every write answered 2xx is in the database',
      answered.every((w) => w.id) &&
        found[0].calls === idsOf('call').length &&
        found[0].cases === idsOf('case').length,
      `${idsOf('call').length} calls, ${idsOf('case').length} walk-ins answered 2xx; found ${found[0].calls} and ${found[0].cases}`,
    );
    // A write the dying process had taken (or its kernel had accepted a connection for) may fail: the proxy
    // cannot tell whether it was done, so it does not send it twice. None answered before the kill may
    // fail, nor any sent once the process was gone.
    const failed = load.writes.filter((w) => !ok(w));
    const outside = failed.filter((w) => !w.answeredAfterKill || w.afterExit);
    check(
      `only writes sent while ${killedApi.serviceName} was dying failed`,
      outside.length === 0,
      `${failed.length} of ${load.writes.length} failed${failed.length ? ` (HTTP ${[...new Set(failed.map((w) => w.status))].join(', ')})` : ''}, ${outside.length} of them answered before the kill or sent after it was gone${outside
        .map(
          (w) =>
            `; ${w.kind} HTTP ${w.status} ${w.afterExit ? 'sent after the exit' : 'answered before the kill'}: ${w.text ?? ''}`,
        )
        .join('')}`,
    );
    const afterDown = load.writes.filter((w) => w.afterDown);
    check(
      'every write after the proxy dropped the killed API succeeded',
      afterDown.length >= WRITES_AFTER_DOWN && afterDown.every(ok),
      `${afterDown.filter(ok).length} of ${afterDown.length}`,
    );

    // Each stage fired once: fired_at set, one notification per recipient, one audit row.
    const fired = await waitFor(async () => (await firedCount()) === STAGES);
    check(
      'every deadline stage due in the run fired',
      fired !== null,
      `${await firedCount()} of ${STAGES}, ${firedBeforeKill} before the kill`,
    );
    // BullMQ records a job whose worker died holding it, when another worker takes it over.
    const events = await redis.xrange(
      `${bullmqPrefix(queuePrefix)}:${QUEUE_DEADLINES}:events`,
      '-',
      '+',
    );
    const takenOver = events.filter(
      ([, fields]) => fields[0] === 'event' && fields[1] === 'stalled',
    );
    check(
      `the deadline jobs ${killedWorker.serviceName} held when it died were taken over by the other worker`,
      takenOver.length > 0,
      `${takenOver.length} job(s) taken over`,
    );
    const { rows: recipients } = await pg.query(
      `SELECT id FROM users WHERE agency_id = $1 AND role = 'supervisor' AND disabled_at IS NULL`,
      [DEMO_CENTRE_ID],
    );
    const { rows: perStage } = await pg.query(
      `SELECT s.id, count(n.id)::int AS notifications, count(DISTINCT n.user_id)::int AS users,
              count(n.id) FILTER (WHERE n.user_id = ANY($2::uuid[]))::int AS to_recipients
         FROM deadline_stages s LEFT JOIN notifications n ON n.deadline_stage_id = s.id
        WHERE s.deadline_id = ANY($1) GROUP BY s.id`,
      [deadlineIds, recipients.map((r) => r.id)],
    );
    const r = recipients.length;
    check(
      'exactly one notification per stage and recipient',
      r > 0 &&
        perStage.length === STAGES &&
        perStage.every((s) => s.notifications === r && s.users === r && s.to_recipients === r),
      `${r} recipient(s); ${perStage.filter((s) => s.notifications === r).length} of ${STAGES} stages right`,
    );
    const { rows: audited } = await pg.query(
      `SELECT subject_id, count(*)::int AS rows FROM audit_log
        WHERE action = 'deadline.stage_fired' AND subject_id = ANY($1) GROUP BY subject_id`,
      [deadlineIds],
    );
    check(
      'exactly one "stage fired" audit row per stage',
      audited.length === STAGES && audited.every((a) => a.rows === 1),
      `${audited.length} stages audited, ${audited.filter((a) => a.rows > 1).length} more than once`,
    );

    // The audit chain: the surviving worker links every row, and the verifier walks it whole.
    const unlinked = async () =>
      Number(
        (
          await pg.query(
            `SELECT count(*) FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.row_id = a.id)`,
          )
        ).rows[0].count,
      );
    const linked = await waitFor(async () => (await unlinked()) === 0);
    check(
      'the surviving worker links every audit row into the chain',
      linked !== null,
      `${await unlinked()} row(s) unlinked`,
    );
    log.step('audit:verify: node dist/apps/api/cli.js audit:verify');
    const verify = await run('node', [join(apiDist, 'cli.js'), 'audit:verify'], {
      env: stackEnv,
      timeoutMs: 120_000,
    });
    check('cli audit:verify finds the whole chain intact', verify.code === 0);
  } catch (error) {
    check(
      'the scale-out run went to its end',
      false,
      error instanceof StepError ? error.message : error.stack,
    );
  } finally {
    await runCleanups();
  }
  const passed = results.filter((t) => t.passed).length;
  return { passed, failed: results.length - passed };
}

/** Alone: `npm run test:scale-out` (the services running, the api built). */
async function main() {
  const { ensureServices } = await import('./services.mjs');
  loadTestEnv();
  const services = await ensureServices({ appDatabase: false });
  Object.assign(process.env, {
    DATABASE_ADMIN_URL: services.adminUrl,
    REDIS_URL: services.redisUrl,
  });
  const { passed, failed } = await scaleOut({ ...process.env }, services);
  log.plain(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  handleSignals({ exitCode: 130 });
  main().catch(async (error) => {
    log.fail(error instanceof StepError ? error.message : error.stack);
    await runCleanups();
    process.exit(1);
  });
}
