// The statistics scenarios of `npm run bench` (issue 12, "Speed"): each request is heavy (a scope's
// whole year is counted and protected), so they are timed one after the other on one connection and
// reported as p50 / p95 / p99 of their latencies, not as a throughput. docs/bench.md says how to read them.
//   BENCH_STATS_REQUESTS  requests per statistics scenario (default 20)
//   BENCH_STATS_YEAR      the year asked for (default: last year, a whole year of the data set)

import { withClient } from '../lib/postgres.mjs';

const REPORT_KINDS = ['half_year', 'annual', 'provincial_annual', 'consolidated', 'action_month'];

/** The p-th percentile (nearest rank) of the latencies, in ms. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timed(send) {
  const started = performance.now();
  const response = await send();
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

function summary(name, latencies, failures) {
  return {
    name,
    requests: latencies.length + failures,
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    p99: Math.round(percentile(latencies, 99)),
    max: Math.round(Math.max(...latencies)),
    failures,
  };
}

/** `GET /api/statistics` for a year, `count` times in turn; any non-200 answer counts as a failure. */
async function statisticsYear(baseUrl, name, token, year, count) {
  const latencies = [];
  let failures = 0;
  for (let i = 0; i < count; i++) {
    const { ms, status } = await timed(() =>
      fetch(`${baseUrl}/api/statistics?period=year&year=${year}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    if (status === 200) latencies.push(ms);
    else failures++;
  }
  return summary(name, latencies, failures);
}

/**
 * Drafts every periodic report of the centre for each year (`POST /api/periodic-reports`: the
 * statistics of the report's months, counted and protected, then stored), then deletes the drafts it
 * made so the next run can draft them again (their clocks stay: one per centre and entry). A report the
 * centre had drafted before is left alone and not timed (409).
 */
async function reportDrafts(baseUrl, token, years, databaseUrl) {
  const latencies = [];
  const made = [];
  let failures = 0;
  let skipped = 0;
  try {
    for (const year of years) {
      for (const kind of REPORT_KINDS) {
        const { ms, status, body } = await timed(() =>
          fetch(`${baseUrl}/api/periodic-reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ year, kind }),
          }),
        );
        if (status === 201) {
          latencies.push(ms);
          made.push(JSON.parse(body).id);
        } else if (status === 409) skipped++;
        else failures++;
      }
    }
  } finally {
    if (made.length > 0) {
      await withClient(databaseUrl, (client) =>
        client.query('DELETE FROM periodic_reports WHERE id = ANY($1)', [made]),
      );
    }
  }
  return {
    ...summary('POST /api/periodic-reports (draft, supervisor)', latencies, failures),
    skipped,
  };
}

/**
 * The three statistics scenarios: a province-year as the reporting officer, a centre-year as the
 * supervisor, and the centre's report drafts for the years of the data set.
 */
export async function statisticsScenarios({ baseUrl, reporting, supervisor, databaseUrl, wanted }) {
  const thisYear = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
  const year = Number(process.env.BENCH_STATS_YEAR || thisYear - 1);
  const count = Number(process.env.BENCH_STATS_REQUESTS || 20);
  const out = [];
  const province = `GET /api/statistics?period=year&year=${year} (reporting officer, province)`;
  if (wanted(province)) out.push(await statisticsYear(baseUrl, province, reporting, year, count));
  const centre = `GET /api/statistics?period=year&year=${year} (supervisor, centre)`;
  if (wanted(centre)) out.push(await statisticsYear(baseUrl, centre, supervisor, year, count));
  if (wanted('POST /api/periodic-reports (draft, supervisor)')) {
    const years = Array.from({ length: 5 }, (_, i) => thisYear - 4 + i);
    out.push(await reportDrafts(baseUrl, supervisor, years, databaseUrl));
  }
  return out;
}
