// `npm run bench`: load-tests a running stack (start it with `npm start`) with autocannon.
//   BENCH_URL       base URL of the stack (default http://localhost:3000)
//   BENCH_DURATION  seconds per endpoint (default 10)
//   BENCH_ONLY      comma-separated parts of scenario names: run only those (e.g. "cases/:id,auth/me")
//   BENCH_DEADLINES=1  then also runs the deadline scenario (tools/bench/deadlines.mjs, self-contained)
//   BENCH_REFERENCE=0  skips the bare reference (tools/bench/reference-server.mjs, started here)
//   BENCH_REPEAT    interleaved repetitions of each path that has a reference (default 3; medians)
//   e.g. BENCH_ONLY='case file' runs only the case-file reads (opening, case-management tabs)
// Prints requests/s, p50 and p99 latency and the non-2xx count per endpoint, then, for the paths the
// bare reference also serves, the project against the reference and their ratio; writes the raw
// results to tmp/bench/<timestamp>.json. How to read the numbers: docs/bench.md.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, table } from '../lib/log.mjs';
import { httpGet } from '../lib/net.mjs';
import { repoRoot, requireFromRepo } from '../lib/paths.mjs';
import { DEMO_PASSWORD } from '../lib/demo-users.mjs';
import { callBody, walkInBody } from '../lib/synthetic-intake.mjs';
import { statisticsScenarios } from './statistics.mjs';
import { fillCases } from './bench-data.mjs';
import { childEnv, readDotEnv, runtimeEnv } from '../lib/env.mjs';
import { run } from '../lib/process.mjs';
import { apiDist } from '../lib/paths.mjs';

const autocannon = requireFromRepo('autocannon');

const baseUrl = (process.env.BENCH_URL || 'http://localhost:3000').replace(/\/$/, '');
const seconds = Number(process.env.BENCH_DURATION || 10);
// Successful logins never count towards the sign-in delays (failures only), so the demo accounts are safe to
// hammer; the per-client rate limits are not: start the stack with them raised (docs/bench.md).
const credentialsOf = (username) => ({ username, password: DEMO_PASSWORD });
const credentials = credentialsOf('admin.demo');

async function login(username) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentialsOf(username)),
  });
  if (response.status === 429) {
    throw new Error(
      `login as ${username} answered HTTP 429: start the stack with the rate limits raised (docs/bench.md)`,
    );
  }
  if (!response.ok) {
    throw new Error(
      `login as ${username} answered HTTP ${response.status}: is the demo data seeded (npm start seeds it)?`,
    );
  }
  const { accessToken, secondFactor } = await response.json();
  if (secondFactor === 'verify') await giveSecondFactor(username, accessToken);
  else if (secondFactor !== null) {
    throw new Error(
      `${username} must ${secondFactor} a second factor first: sign in once in the app`,
    );
  }
  return accessToken;
}

/** The demo secret's code now, from the API's own TOTP (`cli.js demo-code`, refused in production). */
async function demoCode() {
  const result = await run('node', [join(apiDist, 'cli.js'), 'demo-code'], {
    env: runtimeEnv(childEnv(readDotEnv())),
    capture: true,
    echo: false,
  });
  const code = /^\d{6}/.exec(result.output ?? '')?.[0];
  if (result.code !== 0 || !code) throw new Error('npm run cli -- demo-code gave no code');
  return code;
}

const TOTP_STEP_MS = 30_000;

/**
 * The demo admin, supervisor and reporting officer give a TOTP code (the demo secret). The server takes
 * each 30-second step of an account once: a code refused because its step was used (by an earlier run,
 * or a person signed in with the app) is given again in the next step.
 */
async function giveSecondFactor(username, token) {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) {
      await new Promise((r) => setTimeout(r, TOTP_STEP_MS - (Date.now() % TOTP_STEP_MS) + 500));
    }
    const response = await fetch(`${baseUrl}/api/auth/second-factor/verify`, {
      method: 'POST',
      headers: json(token),
      body: JSON.stringify({ verificationCode: await demoCode() }),
    });
    if (response.ok) return;
  }
  throw new Error(`${username}: the second-factor code was refused (is the demo secret enrolled?)`);
}

async function firstHotlineLine(token) {
  const response = await fetch(`${baseUrl}/api/hotline-lines`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const [line] = await response.json();
  if (!line) throw new Error('hotline.demo has no hotline line: is the demo data seeded?');
  return line.id;
}

const json = (token) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

// Demo agency ids (apps/api/src/modules/seed/demo-data.ts): the referral targets of the bench cases.
const REFERRAL_TARGETS = [
  '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000004', // police, Hải Châu
  '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000009', // police, Thanh Khê
  '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000005', // health
  '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000006', // legal aid
];
const REFERRAL_CASES = Number(process.env.BENCH_REFERRAL_CASES || 400);

/**
 * A pool of synthetic cases, each with consent to share incident facts with police, health and
 * legal aid. A case can hold one open referral per agency, so the pool bounds how many referrals the
 * create scenario can send (cases × agencies); requests past that answer 409 and are counted as non-2xx.
 */
async function referralCasePool(caseworker, size) {
  const pool = [];
  for (let i = 0; i < size; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, size - i) }, async () => {
        const created = await fetch(`${baseUrl}/api/cases`, {
          method: 'POST',
          headers: json(caseworker),
          body: walkInBody(),
        });
        if (created.status !== 201) throw new Error(`bench case answered HTTP ${created.status}`);
        const { id } = await created.json();
        const consent = await fetch(`${baseUrl}/api/cases/${id}/consents`, {
          method: 'POST',
          headers: json(caseworker),
          body: JSON.stringify({
            givenBy: 'survivor',
            method: 'verbal',
            agencyTypes: ['police', 'health', 'legal_aid'],
            dataCategories: ['incident_facts', 'risk_level'],
          }),
        });
        if (consent.status !== 201)
          throw new Error(`bench consent answered HTTP ${consent.status}`);
        return id;
      }),
    );
    pool.push(...batch);
  }
  return pool;
}

const vietnamToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const inDays = (days) =>
  new Date(Date.parse(`${vietnamToday()}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);

/**
 * One case with every part of a case file filled in (issue 10), synthetic: a risk assessment, a
 * safety plan, a referral to the police, an action plan of three actions (one owned by the police)
 * and a follow-up contact. The case-file scenarios read it.
 */
async function caseFileCase(caseworker, caseId) {
  const post = async (path, body) => {
    const response = await fetch(`${baseUrl}/api/cases/${caseId}/${path}`, {
      method: 'POST',
      headers: json(caseworker),
      body: JSON.stringify(body),
    });
    if (response.status !== 201) {
      throw new Error(`bench case file: ${path} answered HTTP ${response.status}`);
    }
    return response.json();
  };
  const instruments = await (
    await fetch(`${baseUrl}/api/risk-instruments`, { headers: json(caseworker) })
  ).json();
  const adult = instruments.find((i) => i.audience === 'adult');
  await post('assessments', {
    instrumentId: adult.id,
    // Every yes/no item "yes", every scale item at its top: a high-risk assessment.
    answers: Object.fromEntries(
      adult.content.items.map((item) => [item.key, item.kind === 'scale' ? item.scaleMax : true]),
    ),
  });
  await post('safety-plans', {
    baseVersion: null,
    sections: { safe_places: 'Bench synthetic place', hotlines: '111' },
    reviewOn: inDays(7),
  });
  await post('referrals', {
    referrals: [
      {
        agencyId: REFERRAL_TARGETS[0],
        services: ['other'],
        urgency: 'routine',
        reason: 'Bench synthetic referral',
        packet: ['incident_facts', 'risk_level'],
      },
    ],
  });
  const action = (text, ownerAgencyId, days) => ({
    domain: 'safety',
    text,
    ownerAgencyId,
    dueOn: inDays(days),
    status: 'planned',
  });
  await post('plans', {
    baseVersion: null,
    submit: false,
    needs: [{ domain: 'safety', text: 'Bench synthetic need' }],
    goals: [{ domain: 'safety', text: 'Bench synthetic goal' }],
    actions: [
      action('Bench synthetic action 1', null, 5),
      action('Bench synthetic action 2', REFERRAL_TARGETS[0], 10),
      action('Bench synthetic action 3', null, 20),
    ],
  });
  await post('follow-ups', { plannedOn: inDays(3), method: 'phone' });
}

/** The reads the case page sends when it opens (overview tab) and those of the case-management tabs. */
const CASE_FILE_OPENING = ['', '/deadlines', '/referrals', '/child-emergencies', '/closure'];
const CASE_FILE_TABS = ['/assessments', '/safety-plans', '/plans', '/follow-ups', '/timeline'];
const caseFileRequests = (caseId, parts) =>
  parts.map((part) => ({ method: 'GET', path: `/api/cases/${caseId}${part}` }));

/** One referral per request: the next (case, agency) pair of the pool. */
function referralRequests(caseIds) {
  let next = 0;
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        const n = next++;
        const caseId = caseIds[Math.floor(n / REFERRAL_TARGETS.length) % caseIds.length];
        const agencyId = REFERRAL_TARGETS[n % REFERRAL_TARGETS.length];
        return {
          ...request,
          path: `/api/cases/${caseId}/referrals`,
          body: JSON.stringify({
            referrals: [
              {
                agencyId,
                services: ['other'],
                urgency: 'routine',
                reason: 'Bench synthetic referral',
                packet: ['incident_facts', 'risk_level'],
              },
            ],
          }),
        };
      },
    },
  ];
}

/**
 * The scenarios. Login is deliberately slow (argon2id): few connections, so it measures latency,
 * not a queue. The intake scenarios write synthetic rows (calls, cases) into the stack's database.
 */
const scenarios = ({ admin, operator, caseworker, police, lineId, referralCases, caseFile }) => [
  {
    name: 'POST /api/auth/login',
    connections: 4,
    method: 'POST',
    path: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  },
  {
    name: 'GET /api/auth/me',
    connections: 20,
    method: 'GET',
    path: '/api/auth/me',
    headers: { authorization: `Bearer ${admin}` },
  },
  {
    name: 'GET /api/users?limit=25',
    connections: 20,
    method: 'GET',
    path: '/api/users?limit=25',
    headers: { authorization: `Bearer ${admin}` },
  },
  {
    // Every commune picker: one province's communes, by name (Thanh Hóa has the most, 166).
    name: 'GET /api/administrative-units?parentCode=38&limit=100',
    connections: 20,
    method: 'GET',
    path: '/api/administrative-units?level=commune&parentCode=38&limit=100',
    headers: { authorization: `Bearer ${operator}` },
  },
  {
    // The admin's search over all 3,321 communes, without diacritics.
    name: 'GET /api/administrative-units?level=commune&q=hoa',
    connections: 20,
    method: 'GET',
    path: '/api/administrative-units?level=commune&q=hoa&limit=25',
    headers: { authorization: `Bearer ${admin}` },
  },
  {
    name: 'POST /api/calls (intake)',
    reference: true,
    connections: 8,
    method: 'POST',
    path: '/api/calls',
    headers: json(operator),
    body: callBody(lineId),
  },
  {
    name: 'POST /api/cases (walk-in intake)',
    reference: true,
    connections: 8,
    method: 'POST',
    path: '/api/cases',
    headers: json(caseworker),
    body: walkInBody(),
  },
  {
    name: 'GET /api/cases?scope=mine&limit=25',
    reference: true,
    connections: 20,
    method: 'GET',
    path: '/api/cases?scope=mine&limit=25',
    headers: { authorization: `Bearer ${caseworker}` },
  },
  {
    // A case's page: access check, the case with its survivor, incidents and consents, possible
    // duplicates, one audit row.
    name: 'GET /api/cases/:id (caseworker)',
    reference: true,
    connections: 20,
    method: 'GET',
    path: `/api/cases/${referralCases[0]}`,
    headers: { authorization: `Bearer ${caseworker}` },
  },
  {
    // Opening a case file: the five reads of the case page's overview, one after the other on each
    // connection (requests/s counts reads: case files opened per second is a fifth of it).
    name: 'GET case file: opening (5 reads)',
    reference: true,
    connections: 20,
    method: 'GET',
    path: `/api/cases/${caseFile}`,
    headers: { authorization: `Bearer ${caseworker}` },
    requests: caseFileRequests(caseFile, CASE_FILE_OPENING),
  },
  {
    // The case-management tabs of the same case (risk, safety plan, action plan, follow-ups,
    // timeline): each read is an access check, one query and an audit row.
    name: 'GET case file: case-management tabs (5 reads)',
    reference: true,
    connections: 20,
    method: 'GET',
    path: `/api/cases/${caseFile}`,
    headers: { authorization: `Bearer ${caseworker}` },
    requests: caseFileRequests(caseFile, CASE_FILE_TABS),
  },
  {
    name: 'GET /api/intake?limit=25',
    connections: 20,
    method: 'GET',
    path: '/api/intake?limit=25',
    headers: { authorization: `Bearer ${caseworker}` },
  },
  {
    name: 'POST /api/cases/:id/referrals (one agency)',
    connections: 8,
    method: 'POST',
    path: '/api/cases',
    headers: json(caseworker),
    requests: referralRequests(referralCases),
    // Bounded by the pool: stop once every (case, agency) pair has been referred.
    amount: referralCases.length * REFERRAL_TARGETS.length,
  },
  {
    name: 'GET /api/referrals?view=action_needed&limit=25 (police inbox)',
    connections: 20,
    method: 'GET',
    path: '/api/referrals?view=action_needed&limit=25',
    headers: { authorization: `Bearer ${police}` },
    reference: true,
  },
];

/** `--cases N` on the command line (`npm run bench -- --cases 1000000`), or null. */
function casesToGenerate() {
  const at = process.argv.indexOf('--cases');
  if (at < 0) return null;
  const n = Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error('--cases takes a whole number of cases');
  return n;
}

async function main() {
  const cases = casesToGenerate();
  if (cases !== null) await fillCases(cases);
  const health = await httpGet(`${baseUrl}/api/health`);
  if (health.status !== 200) {
    log.fail(
      `${baseUrl}/api/health answered ${health.status || health.error}: start the stack with npm start first`,
    );
    process.exit(1);
  }
  log.ok(`stack healthy at ${baseUrl}`);
  const tokens = {
    admin: await login('admin.demo'),
    operator: await login('hotline.demo'),
    caseworker: await login('caseworker.demo'),
    police: await login('police.demo'),
    supervisor: await login('supervisor.demo'),
    reporting: await login('reporting.demo'),
  };
  tokens.lineId = await firstHotlineLine(tokens.operator);
  log.ok(
    'logged in as admin.demo, hotline.demo, caseworker.demo, police.demo, supervisor.demo and reporting.demo (tokens valid 15 min)',
  );
  // BENCH_ONLY=a,b runs the scenarios whose name contains one of them (the case pool shrinks to one
  // case when no referral scenario runs).
  const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
  const wanted = (name) => !only || only.some((part) => name.includes(part));
  const poolSize = wanted('referrals') ? REFERRAL_CASES : 1;
  log.step(
    `creating ${poolSize} synthetic case(s) with sharing consent (referral and case scenarios)`,
  );
  tokens.referralCases = await referralCasePool(tokens.caseworker, poolSize);
  if (wanted('case file')) {
    // Its own case: the referral scenario refers the pool's cases to every agency.
    log.step('filling one synthetic case file (assessment, plans, referral, follow-up)');
    [tokens.caseFile] = await referralCasePool(tokens.caseworker, 1);
    await caseFileCase(tokens.caseworker, tokens.caseFile);
  }

  const rows = [];
  const raw = [];
  const selected = scenarios(tokens).filter((s) => wanted(s.name));
  for (const scenario of selected) {
    log.step(`${scenario.name}: ${scenario.connections} connections for ${seconds} s`);
    const result = await measure(baseUrl, scenario);
    raw.push({ scenario: scenario.name, connections: scenario.connections, result });
    rows.push([
      scenario.name,
      String(scenario.connections),
      result.requests.average.toFixed(1),
      `${result.latency.p50} ms`,
      `${result.latency.p99} ms`,
      String(result.non2xx),
      String(result.errors + result.timeouts),
    ]);
  }
  log.step('statistics: a province-year, a centre-year, report drafts (one request at a time)');
  const statistics = await statisticsScenarios({
    baseUrl,
    reporting: tokens.reporting,
    supervisor: tokens.supervisor,
    databaseUrl: process.env.DATABASE_URL || readDotEnv().DATABASE_URL,
    wanted,
  });
  raw.push(...statistics.map((s) => ({ scenario: s.name, statistics: s })));
  const ratios =
    process.env.BENCH_REFERENCE === '0'
      ? []
      : await againstReference(selected.filter((s) => s.reference));
  raw.push(...ratios.map((r) => ({ scenario: r.name, reference: r })));

  log.plain();
  log.plain(
    table(['endpoint', 'connections', 'requests/s', 'p50', 'p99', 'non-2xx', 'errors'], rows),
  );
  if (statistics.length > 0) {
    log.plain();
    log.plain(
      table(
        ['statistics', 'requests', 'p50', 'p95', 'p99', 'max', 'failed'],
        statistics.map((s) => [
          s.name,
          String(s.requests),
          `${s.p50} ms`,
          `${s.p95} ms`,
          `${s.p99} ms`,
          `${s.max} ms`,
          String(s.failures),
        ]),
      ),
    );
  }
  const dir = join(repoRoot, 'tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify({ baseUrl, seconds, at: new Date().toISOString(), raw }, null, 2),
  );
  if (ratios.length > 0) {
    log.plain();
    log.plain(
      table(
        [
          'path',
          'connections',
          'project req/s',
          'project p99',
          'reference req/s',
          'reference p99',
          'ratio',
        ],
        ratios.map((r) => [
          r.name,
          String(r.connections),
          r.project.rps.toFixed(1),
          `${r.project.p99} ms`,
          r.reference.rps.toFixed(1),
          `${r.reference.p99} ms`,
          r.ratio.toFixed(2),
        ]),
      ),
    );
  }
  log.plain();
  log.ok(`raw results written to ${file.slice(repoRoot.length + 1)}`);
  if (
    rows.some((row) => row[5] !== '0' || row[6] !== '0') ||
    statistics.some((s) => s.failures > 0)
  ) {
    log.warn(
      'some requests failed (non-2xx or errors): the numbers above are not a clean measurement',
    );
  }
  if (process.env.BENCH_DEADLINES === '1') await deadlineScenario();
}

function measure(url, scenario) {
  return autocannon({
    url: `${url}${scenario.path}`,
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
    requests: scenario.requests,
    connections: scenario.connections,
    ...(scenario.amount ? { amount: scenario.amount } : { duration: seconds }),
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Each path the bare reference serves, run against the project and the reference in turn, several
 * times (interleaved, so a slower minute of the machine hits both), medians compared. A reference run
 * with any non-2xx answer is refused rather than printed: it would measure errors.
 */
async function againstReference(paths) {
  if (paths.length === 0) return [];
  const repeat = Number(process.env.BENCH_REPEAT || 3);
  const port = Number(process.env.BENCH_REFERENCE_PORT || 3990);
  log.section(`Against the bare reference (node:http + pg), ${repeat} interleaved repetitions`);
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'tools', 'bench', 'reference-server.mjs')],
    {
      env: { ...process.env, BENCH_REFERENCE_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await once(child.stdout, 'data');
  const referenceUrl = `http://127.0.0.1:${port}`;
  try {
    const out = [];
    for (const scenario of paths) {
      const runs = { project: [], reference: [] };
      for (let i = 0; i < repeat; i++) {
        for (const [side, url] of [
          ['project', baseUrl],
          ['reference', referenceUrl],
        ]) {
          log.step(`${scenario.name}, ${side}, run ${i + 1}/${repeat}`);
          const result = await measure(url, scenario);
          if (result.non2xx > 0 || result.errors > 0) {
            throw new Error(`${scenario.name} on the ${side} answered ${result.non2xx} non-2xx`);
          }
          runs[side].push(result);
        }
      }
      const summary = (list) => ({
        rps: median(list.map((r) => r.requests.average)),
        p99: median(list.map((r) => r.latency.p99)),
      });
      const project = summary(runs.project);
      const reference = summary(runs.reference);
      out.push({
        name: scenario.name,
        connections: scenario.connections,
        project,
        reference,
        ratio: project.rps / reference.rps,
      });
    }
    return out;
  } finally {
    child.kill('SIGTERM');
    await once(child, 'close');
  }
}

/**
 * The deadline engine scenario runs in its own process (throwaway database, Redis DB, worker). Ctrl-C reaches
 * it directly (same process group); this script waits for its clean-up instead of exiting first.
 */
async function deadlineScenario() {
  log.section('Deadlines (tools/bench/deadlines.mjs)');
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  const child = spawn(process.execPath, [join(repoRoot, 'tools', 'bench', 'deadlines.mjs')], {
    stdio: 'inherit',
  });
  const code = await new Promise((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
  process.off('SIGINT', ignore);
  if (code !== 0) throw new Error(`the deadline scenario failed (exit code ${code})`);
}

main().catch((error) => {
  log.fail(error.message);
  process.exit(1);
});
