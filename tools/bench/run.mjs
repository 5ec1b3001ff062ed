// `npm run bench`: load-tests a running stack (start it with `npm start`) with autocannon.
//   BENCH_URL       base URL of the stack (default http://localhost:3000)
//   BENCH_DURATION  seconds per endpoint (default 10)
// Prints requests/s, p50 and p99 latency and the non-2xx count per endpoint, and writes the raw
// results to tmp/bench/<timestamp>.json. How to read the numbers: docs/bench.md.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, table } from '../lib/log.mjs';
import { httpGet } from '../lib/net.mjs';
import { repoRoot, requireFromRepo } from '../lib/paths.mjs';
import { DEMO_PASSWORD } from '../lib/demo-users.mjs';

const autocannon = requireFromRepo('autocannon');

const baseUrl = (process.env.BENCH_URL || 'http://localhost:3000').replace(/\/$/, '');
const seconds = Number(process.env.BENCH_DURATION || 10);
// The demo admin: successful logins never count towards the lockout (6 failures), so it is safe to hammer.
const credentials = { username: 'admin.demo', password: DEMO_PASSWORD };

async function login() {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!response.ok) {
    throw new Error(
      `login as ${credentials.username} answered HTTP ${response.status}: is the demo data seeded (npm start seeds it)?`,
    );
  }
  const { accessToken } = await response.json();
  return accessToken;
}

/** The scenarios. Login is deliberately slow (argon2id): few connections, so it measures latency, not a queue. */
const scenarios = (token) => [
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
    headers: { authorization: `Bearer ${token}` },
  },
  {
    name: 'GET /api/users?limit=25',
    connections: 20,
    method: 'GET',
    path: '/api/users?limit=25',
    headers: { authorization: `Bearer ${token}` },
  },
];

async function main() {
  const health = await httpGet(`${baseUrl}/api/health`);
  if (health.status !== 200) {
    log.fail(
      `${baseUrl}/api/health answered ${health.status || health.error}: start the stack with npm start first`,
    );
    process.exit(1);
  }
  log.ok(`stack healthy at ${baseUrl}`);
  const token = await login();
  log.ok(`logged in as ${credentials.username} (access token valid 15 min: enough for the run)`);

  const rows = [];
  const raw = [];
  for (const scenario of scenarios(token)) {
    log.step(`${scenario.name}: ${scenario.connections} connections for ${seconds} s`);
    const result = await autocannon({
      url: `${baseUrl}${scenario.path}`,
      method: scenario.method,
      headers: scenario.headers,
      body: scenario.body,
      connections: scenario.connections,
      duration: seconds,
    });
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

  log.plain();
  log.plain(
    table(['endpoint', 'connections', 'requests/s', 'p50', 'p99', 'non-2xx', 'errors'], rows),
  );
  const dir = join(repoRoot, 'tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify({ baseUrl, seconds, at: new Date().toISOString(), raw }, null, 2),
  );
  log.plain();
  log.ok(`raw results written to ${file.slice(repoRoot.length + 1)}`);
  if (rows.some((row) => row[5] !== '0' || row[6] !== '0')) {
    log.warn(
      'some requests failed (non-2xx or errors): the numbers above are not a clean measurement',
    );
  }
}

main().catch((error) => {
  log.fail(error.message);
  process.exit(1);
});
