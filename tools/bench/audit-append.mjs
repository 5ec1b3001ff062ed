// `npm run bench:audit`: audited transactions per second, the old chain lock against the chainer
// (docs/decisions/0022-audit-chain-without-a-lock.md). Self-contained: a scratch database of its own
// on DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end.
//   BENCH_DURATION  seconds per measurement (default 5)
//   BENCH_REPEAT    interleaved repetitions, medians reported (default 3)
//   BENCH_CONNECTIONS  comma-separated connection counts (default 1,8,20)
// Each "request" is one transaction: an UPDATE of a row of its own (the change being audited) and one
// audit row, as a case read or edit writes it. `lock`: the append of decision 0007 (advisory lock,
// read the last hash, insert the chained row). `chainer`: a plain INSERT, while the chainer's loop
// (same SQL as AuditChainRepository) links committed rows in the same process.

import { createHash } from 'node:crypto';
import { log, table } from '../lib/log.mjs';
import { requireFromRepo } from '../lib/paths.mjs';
import { DEFAULT_ADMIN_URL, withDatabase } from '../lib/urls.mjs';

const { Client } = requireFromRepo('pg');
const adminUrl = process.env.DATABASE_ADMIN_URL || DEFAULT_ADMIN_URL;
const seconds = Number(process.env.BENCH_DURATION || 5);
const repeat = Number(process.env.BENCH_REPEAT || 3);
const counts = (process.env.BENCH_CONNECTIONS || '1,8,20').split(',').map(Number);
const database = `caunoi_bench_audit_${Date.now()}`;
const url = withDatabase(adminUrl, database);
const GENESIS = '0'.repeat(64);

const sha = (text) => createHash('sha256').update(text).digest('hex');
const rowHash = (prev, r) =>
  sha(JSON.stringify([prev, r.occurred_at.toISOString(), r.actor_user_id, r.action, r.subject_id]));

async function connect() {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

const SCHEMA = `
  CREATE TABLE work (id int PRIMARY KEY, n bigint NOT NULL DEFAULT 0);
  INSERT INTO work SELECT g FROM generate_series(1, 100) g;
  CREATE TABLE audit_locked (
    id bigserial PRIMARY KEY, occurred_at timestamptz NOT NULL, actor_user_id uuid,
    action varchar(64) NOT NULL, subject_id varchar(64), details jsonb NOT NULL DEFAULT '{}',
    prev_hash char(64) NOT NULL, hash char(64) NOT NULL);
  CREATE TABLE audit_log (
    id bigserial PRIMARY KEY, occurred_at timestamptz NOT NULL, actor_user_id uuid,
    action varchar(64) NOT NULL, subject_id varchar(64), details jsonb NOT NULL DEFAULT '{}');
  CREATE TABLE audit_chain (row_id bigint PRIMARY KEY, prev_hash char(64) NOT NULL,
    hash char(64) NOT NULL, chained_at timestamptz NOT NULL DEFAULT now());`;

const ACTOR = '00000000-0000-4000-8000-000000000001';

async function lockedRequest(c, i) {
  await c.query('BEGIN');
  await c.query('UPDATE work SET n = n + 1 WHERE id = $1', [i]);
  await c.query('SELECT pg_advisory_xact_lock(7424001)');
  const { rows } = await c.query('SELECT hash FROM audit_locked ORDER BY id DESC LIMIT 1');
  const row = {
    occurred_at: new Date(),
    actor_user_id: ACTOR,
    action: 'case.read',
    subject_id: String(i),
  };
  const prev = rows[0]?.hash ?? GENESIS;
  await c.query(
    `INSERT INTO audit_locked (occurred_at, actor_user_id, action, subject_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [row.occurred_at, row.actor_user_id, row.action, row.subject_id, prev, rowHash(prev, row)],
  );
  await c.query('COMMIT');
}

async function plainRequest(c, i) {
  await c.query('BEGIN');
  await c.query('UPDATE work SET n = n + 1 WHERE id = $1', [i]);
  await c.query(
    `INSERT INTO audit_log (occurred_at, actor_user_id, action, subject_id) VALUES ($1, $2, $3, $4)`,
    [new Date(), ACTOR, 'case.read', String(i)],
  );
  await c.query('COMMIT');
}

const WRITERS = `SELECT DISTINCT virtualtransaction FROM pg_locks
  WHERE locktype = 'relation' AND relation = 'audit_log'::regclass AND mode = 'RowExclusiveLock'
    AND pid IS DISTINCT FROM pg_backend_pid()`;

/** One chainer pass, as AuditChainService does it. Returns rows linked. */
async function chainPass(c) {
  const {
    rows: [h],
  } = await c.query(
    `SELECT (SELECT max(id) FROM audit_log)::text AS max_id, ARRAY(${WRITERS}) AS writers`,
  );
  if (!h.max_id) return 0;
  for (;;) {
    const {
      rows: [b],
    } = await c.query(
      `SELECT EXISTS (SELECT 1 FROM (${WRITERS}) w WHERE w.virtualtransaction = ANY($1::text[])) AS busy`,
      [h.writers],
    );
    if (!b.busy) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  let linked = 0;
  for (;;) {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock(7424003)');
    const {
      rows: [head],
    } = await c.query(
      `SELECT (SELECT max(row_id) FROM audit_chain)::text AS last,
              (SELECT hash FROM audit_chain ORDER BY row_id DESC LIMIT 1) AS hash`,
    );
    const { rows } = await c.query(
      'SELECT * FROM audit_log WHERE id > $1 AND id <= $2 ORDER BY id LIMIT 1000',
      [head.last ?? '0', h.max_id],
    );
    let prev = head.hash ?? GENESIS;
    const links = rows.map((r) => {
      const hash = rowHash(prev, r);
      const link = [r.id, prev, hash];
      prev = hash;
      return link;
    });
    if (links.length > 0) {
      await c.query(
        `INSERT INTO audit_chain (row_id, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::char(64)[], $3::char(64)[])`,
        [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
      );
    }
    await c.query('COMMIT');
    linked += links.length;
    if (links.length < 1000) return linked;
  }
}

async function measure(mode, connections) {
  const clients = await Promise.all(Array.from({ length: connections }, connect));
  const request = mode === 'lock' ? lockedRequest : plainRequest;
  const latencies = [];
  const until = Date.now() + seconds * 1000;
  let chaining = mode === 'chainer';
  if (mode === 'plain') chaining = false;
  const chainer = mode === 'chainer' ? await connect() : null;
  const chainLoop = (async () => {
    while (chaining) {
      await chainPass(chainer);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  await Promise.all(
    clients.map(async (c, k) => {
      while (Date.now() < until) {
        const started = performance.now();
        await request(c, k + 1);
        latencies.push(performance.now() - started);
      }
    }),
  );
  chaining = false;
  await chainLoop;
  let catchUp = null;
  if (chainer) {
    const started = performance.now();
    await chainPass(chainer);
    catchUp = performance.now() - started;
    await chainer.end();
  }
  await Promise.all(clients.map((c) => c.end()));
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    catchUp,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  log.ok(`scratch database ${database}`);
  try {
    const c = await connect();
    await c.query(SCHEMA);
    await c.end();
    const results = {};
    for (let r = 0; r < repeat; r += 1) {
      for (const connections of counts) {
        for (const mode of (process.env.BENCH_MODES || 'lock,chainer').split(',')) {
          const key = `${mode}:${connections}`;
          (results[key] ??= []).push(await measure(mode, connections));
          const last = results[key].at(-1);
          log.step(
            `run ${r + 1}/${repeat} ${key}: ${last.rps.toFixed(0)} req/s, p99 ${last.p99.toFixed(1)} ms`,
          );
        }
      }
    }
    const check = await connect();
    const {
      rows: [v],
    } = await check.query(
      `SELECT count(*)::int AS rows, (SELECT count(*)::int FROM audit_chain) AS links FROM audit_log`,
    );
    const chain = (
      await check.query(
        `SELECT a.*, c.prev_hash, c.hash FROM audit_log a LEFT JOIN audit_chain c ON c.row_id = a.id ORDER BY a.id`,
      )
    ).rows;
    await check.end();
    let prev = GENESIS;
    const broken = chain.find((r) => {
      const ok = r.prev_hash === prev && rowHash(prev, r) === r.hash;
      prev = r.hash;
      return !ok;
    });
    log.plain(
      table(
        [
          'connections',
          'lock req/s',
          'lock p99 ms',
          'chainer req/s',
          'chainer p99 ms',
          'ratio',
          'catch-up ms',
        ],
        counts.map((n) => {
          const lock = results[`lock:${n}`];
          const free = results[`chainer:${n}`];
          const [lr, fr] = [median(lock.map((x) => x.rps)), median(free.map((x) => x.rps))];
          return [
            n,
            lr.toFixed(0),
            median(lock.map((x) => x.p99)).toFixed(1),
            fr.toFixed(0),
            median(free.map((x) => x.p99)).toFixed(1),
            (fr / lr).toFixed(2),
            median(free.map((x) => x.catchUp)).toFixed(0),
          ];
        }),
      ),
    );
    log.plain(
      `${v.rows} audit rows written without the lock, ${v.links} linked; chain ${broken ? `BROKEN at row ${broken.id}` : 'verifies whole'}`,
    );
    if (broken || v.rows !== v.links) process.exitCode = 1;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
