import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { StatisticsView } from '@caunoi/shared/contracts';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp, testConfig } from '../../../test-support/test-app';
import { HOUR } from '../../../test-support/test-clock';
import { runDatabase, testRedisUrl } from '../../../test-support/test-env';
import { eventually, flushRedis, startTestWorker } from '../../../test-support/test-worker';
import {
  insertAgency,
  seedCases,
  unusedProvinces,
} from '../../../test-support/statistics-fixtures';

type S = TestUser & Session;

/**
 * An agency's year is counted once and kept (decision 0028): these tests change what was counted in
 * every way the records change and check the next answer counts it, never the stored one.
 */
describe('statistics kept counted', () => {
  let t: TestApp;
  let communes: string[];
  let centre: string;
  let police: string;
  let supervisor: S;

  const view = async (query: Record<string, string | number>): Promise<StatisticsView> => {
    const res = await t.http
      .get('/api/statistics')
      .query(query)
      .set(...bearer(supervisor));
    expect([res.status, res.body?.message]).toEqual([200, undefined]);
    return res.body as StatisticsView;
  };
  const population = (v: StatisticsView, id: string) =>
    v.blocks[0].populations.find((p) => p.population === id);
  const cells = (v: StatisticsView, id: string, table: string) =>
    Object.fromEntries(
      (population(v, id)?.tables.find((x) => x.id === table)?.cells ?? []).map((c) => [
        c.category,
        c.value,
      ]),
    );
  const cases = (n: number, commune: string, openedAt: string) =>
    seedCases(t, n, { agencyId: centre, communeCode: commune, openedAt, openedBy: supervisor.id });

  /** A referral to the police sent on each case, answered or not by `respondBy`. */
  async function refer(caseIds: string[], sentAt: Date, respondBy: Date, answered: boolean) {
    const ids: string[] = [];
    for (const caseId of caseIds) {
      const [row] = (await t.dataSource.query(
        `INSERT INTO referrals (code, case_id, from_agency_id, to_agency_id, referred_by_user_id, services,
           urgency, reason_enc, packet, status, sent_at, respond_by, responded_at, responded_on_time)
         VALUES ($1, $2, $3, $4, $5, '{police_protection}', 'urgent', 'x', '{}', $6, $7, $8, $9, $10)
         RETURNING id`,
        [
          `RF-Y-${randomUUID().slice(0, 8)}`,
          caseId,
          centre,
          police,
          supervisor.id,
          answered ? 'accepted' : 'sent',
          sentAt,
          respondBy,
          answered ? sentAt : null,
          answered ? true : null,
        ],
      )) as { id: string }[];
      ids.push(row.id);
    }
    return ids;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const [province] = await unusedProvinces(t, 1, 3);
    communes = province.communes;
    centre = await insertAgency(t, 'social_work_centre', province.code, 'Trung tâm thống kê lưu');
    police = await insertAgency(t, 'police', province.code, 'Công an thống kê lưu');
    supervisor = await signedIn(t, 'supervisor', { agencyId: centre });
  });

  afterAll(async () => {
    await t.close();
  });

  it('counts cases a transaction was still writing when the year was counted, once they commit', async () => {
    await cases(10, communes[0], '2024-03-05T03:00:00Z');
    expect(population(await view({ period: 'year', year: 2024 }), 'cases')?.total).toBe(10);
    const countedAt = async () =>
      (
        (await t.dataSource.query(
          `SELECT counted_at FROM statistics_year_counts WHERE agency_id = $1 AND year = 2024`,
          [centre],
        )) as { counted_at: Date }[]
      ).map((r) => r.counted_at.toISOString());
    const first = await countedAt();
    expect(first).toHaveLength(1);

    const run = runDatabase();
    const writer = new Client({ connectionString: run?.url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      for (let i = 0; i < 5; i += 1) {
        await writer.query(
          `WITH s AS (
             INSERT INTO survivors (code, agency_id, anonymous, sex, age_group)
             VALUES ($1, $2, true, 'female', '25_59') RETURNING id)
           INSERT INTO cases (survivor_id, agency_id, source, commune_code, opened_by_user_id, opened_at)
           SELECT s.id, $2, 'walk_in', $3, $4, '2024-03-06T03:00:00Z' FROM s`,
          [`ST-${randomUUID().slice(0, 12)}`, centre, communes[0], supervisor.id],
        );
      }
      // Still the stored count: the five are not committed, nothing it counted changed.
      t.clock.advance(1000);
      expect(population(await view({ period: 'year', year: 2024 }), 'cases')?.total).toBe(10);
      expect(await countedAt()).toEqual(first);
      await writer.query('COMMIT');
    } finally {
      await writer.end();
    }
    t.clock.advance(1000);
    expect(population(await view({ period: 'year', year: 2024 }), 'cases')?.total).toBe(15);
    expect(await countedAt()).not.toEqual(first);
  });

  it("recounts after a survivor's facts, a case's commune and a service change", async () => {
    const ids = await cases(10, communes[1], '2024-05-05T03:00:00Z');
    const may = { period: 'month', year: 2024, month: 5 };
    expect(cells(await view(may), 'cases', 'sex')).toMatchObject({ female: 10, male: 0 });

    await t.dataSource.query(
      `UPDATE survivors SET sex = 'male'
        WHERE id IN (SELECT survivor_id FROM cases WHERE id = ANY($1))`,
      [ids.slice(0, 5)],
    );
    expect(cells(await view(may), 'cases', 'sex')).toMatchObject({ female: 5, male: 5 });

    await t.dataSource.query(`UPDATE cases SET commune_code = $2 WHERE id = ANY($1)`, [
      ids.slice(5),
      communes[2],
    ]);
    expect(population(await view({ ...may, area: communes[2] }), 'cases')?.total).toBe(5);
    expect(population(await view({ ...may, area: communes[1] }), 'cases')?.total).toBe(5);

    const help = (v: StatisticsView) =>
      v.blocks[0].indicators.find((i) => i.id === 'help_received');
    expect(help(await view(may))).toMatchObject({ numerator: 0 });
    const referrals = await refer(
      ids.slice(0, 5),
      new Date('2024-05-06T03:00:00Z'),
      new Date('2024-05-07T03:00:00Z'),
      true,
    );
    for (const referralId of referrals) {
      await t.dataSource.query(
        `INSERT INTO service_records (referral_id, agency_id, service_type, provided_on, outcome, recorded_by_user_id)
         VALUES ($1, $2, 'police_protection', '2024-05-08', 'provided', $3)`,
        [referralId, police, supervisor.id],
      );
    }
    const after = await view(may);
    expect(help(after)).toMatchObject({ numerator: 5 });
    expect(cells(after, 'services', 'service_sector')).toMatchObject({ police: 5 });
  });

  it('turns a pending referral overdue when its time passes, with nothing written', async () => {
    const now = t.clock.now();
    const ids = await cases(5, communes[0], now.toISOString());
    await refer(ids, now, new Date(now.getTime() + HOUR), false);
    const month = { period: 'month', year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
    // Read in Vietnam time: the month of `now` there (the test runs at any hour).
    const local = new Date(now.getTime() + 7 * HOUR);
    Object.assign(month, { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 });
    expect(cells(await view(month), 'referrals', 'response')).toMatchObject({
      pending: 5,
      overdue: 0,
    });
    t.clock.advance(2 * HOUR);
    supervisor = await signedIn(t, 'supervisor', { agencyId: centre });
    expect(cells(await view(month), 'referrals', 'response')).toMatchObject({
      pending: 0,
      overdue: 5,
    });
  });

  it('counts a commune that is merged into another under the commune that carries it on', async () => {
    await cases(6, communes[2], '2024-09-05T03:00:00Z');
    const september = { period: 'month', year: 2024, month: 9 };
    expect(population(await view({ ...september, area: communes[1] }), 'cases')?.total).toBe(0);
    await t.dataSource.query(
      `UPDATE administrative_units
          SET status = 'retired', effective_to = current_date, successor_code = $2,
              effective_from = LEAST(effective_from, current_date - 1)
        WHERE code = $1`,
      [communes[2], communes[1]],
    );
    try {
      expect(population(await view({ ...september, area: communes[1] }), 'cases')?.total).toBe(6);
    } finally {
      await t.dataSource.query(
        `UPDATE administrative_units SET status = 'active', effective_to = NULL, successor_code = NULL
          WHERE code = $1`,
        [communes[2]],
      );
    }
  });

  it('the worker counts a stale year again before anyone asks, and a year written to that nobody asked for', async () => {
    await cases(5, communes[0], '2023-04-05T03:00:00Z');
    expect(population(await view({ period: 'year', year: 2023 }), 'cases')?.total).toBe(5);
    await cases(5, communes[0], '2023-04-06T03:00:00Z');
    // A year nobody has asked for yet.
    await cases(5, communes[0], '2019-04-06T03:00:00Z');
    const stored = async (year: number) =>
      (await t.dataSource.query(
        `SELECT y.counts -> 'cases' AS cases,
                EXISTS (SELECT 1 FROM statistics_changes ch
                         WHERE ch.agency_id = y.agency_id AND ch.year = y.year
                           AND NOT pg_visible_in_snapshot(ch.xid, y.snapshot)) AS stale
           FROM statistics_year_counts y WHERE y.agency_id = $1 AND y.year = $2`,
        [centre, year],
      )) as { cases: [number, string, string, number][]; stale: boolean }[];
    const marks = async (year: number) =>
      (
        (await t.dataSource.query(
          `SELECT count(*)::int AS n FROM statistics_changes WHERE agency_id = $1 AND year = $2`,
          [centre, year],
        )) as { n: number }[]
      )[0].n;
    expect((await stored(2023))[0].stale).toBe(true);
    expect(await stored(2019)).toEqual([]);

    const redisUrl = testRedisUrl(6);
    const config = testConfig({
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `statistics-${process.pid}`,
      STATISTICS_RECOUNT_INTERVAL_MS: '100',
    });
    const worker = await startTestWorker(config, t.clock);
    try {
      await eventually(
        async () => (await stored(2023))[0].stale === false && (await stored(2019)).length === 1,
        10_000,
        'the stale year recounted and the uncounted one counted',
      );
    } finally {
      await worker.close();
      await flushRedis(redisUrl);
    }
    const total = async (year: number) =>
      (await stored(year))[0].cases
        .filter(([, , cell]) => cell === '*')
        .reduce((sum, [, , , n]) => sum + n, 0);
    expect(await total(2023)).toBe(10);
    expect(await total(2019)).toBe(5);
    // Counting a year drops the marks its count has seen.
    expect(await marks(2019)).toBe(0);
    expect(population(await view({ period: 'year', year: 2023 }), 'cases')?.total).toBe(10);
  });
});
