import { randomUUID } from 'node:crypto';
import type { PublishedNumber, StatisticsView } from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { PERIOD_NODES, ROLES } from '@caunoi/shared/domain';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { openCaseBody, walkIn } from '../../../test-support/intake-fixtures';
import {
  insertAgency as insertAgencyIn,
  seedCalls as seedCallsIn,
  seedCases as seedCasesIn,
} from '../../../test-support/statistics-fixtures';

type S = TestUser & Session;

/**
 * Statistics on real PostgreSQL: synthetic cases with known counts in two provinces no other suite
 * uses, each with its own centre and reporting authority.
 */
describe('statistics', () => {
  let t: TestApp;
  let P: string; // the province of the test
  let Q: string; // another province
  let communes: [string, string, string]; // A, B, C of P
  let otherCommune: string; // a commune of Q
  const agencies: Record<'centre' | 'centre2' | 'reporting' | 'centreQ' | 'reportingQ', string> =
    {} as never;
  let supervisor: S;
  let officer: S;
  let officerQ: S;

  const insertAgency = (type: string, province: string, name: string) =>
    insertAgencyIn(t, type, province, name);

  /** `n` synthetic cases opened at an instant by a centre, in a commune. */
  const seedCases = (
    n: number,
    agencyId: string,
    communeCode: string | null,
    openedAt: string,
    survivor: { sex?: string; ageGroup?: string; disability?: string } = {},
    source = 'walk_in',
  ) =>
    seedCasesIn(t, n, {
      agencyId,
      communeCode,
      openedAt,
      openedBy: supervisor.id,
      survivor,
      source,
    });

  const get = (who: S, query: Record<string, string | number>) =>
    t.http
      .get('/api/statistics')
      .query(query)
      .set(...bearer(who));

  async function view(who: S, query: Record<string, string | number>): Promise<StatisticsView> {
    const res = await get(who, query);
    expect([res.status, res.body?.message]).toEqual([200, undefined]);
    return res.body as StatisticsView;
  }

  /** Every number anywhere in an answer. */
  function numbersIn(value: unknown, out: number[] = []): number[] {
    if (typeof value === 'number') out.push(value);
    else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, out));
    else if (value && typeof value === 'object')
      Object.values(value).forEach((v) => numbersIn(v, out));
    return out;
  }

  /** Every count in an answer (shares and years aside). */
  function countsIn(v: StatisticsView): PublishedNumber[] {
    const counts: PublishedNumber[] = [];
    for (const b of v.blocks) {
      for (const p of b.populations) {
        counts.push(p.total);
        for (const table of p.tables) for (const cell of table.cells) counts.push(cell.value);
      }
      for (const i of b.indicators) {
        counts.push(i.numerator);
        if (i.denominator !== undefined) counts.push(i.denominator);
      }
    }
    for (const point of v.trend) counts.push(...Object.values(point.totals));
    return counts;
  }

  const casesTotal = (v: StatisticsView, index = 0) =>
    v.blocks[index].populations.find((p) => p.population === 'cases')?.total;

  beforeAll(async () => {
    t = await createTestApp();
    const provinces = (await t.dataSource.query(
      `SELECT parent_code AS code FROM administrative_units
        WHERE level = 'commune' AND effective_to IS NULL
          AND parent_code NOT IN (SELECT province_code FROM agencies)
        GROUP BY parent_code HAVING count(*) >= 3 ORDER BY parent_code LIMIT 2`,
    )) as { code: string }[];
    [P, Q] = [provinces[0].code, provinces[1].code];
    const communesOf = async (province: string) =>
      (
        (await t.dataSource.query(
          `SELECT code FROM administrative_units WHERE parent_code = $1 AND effective_to IS NULL ORDER BY code LIMIT 3`,
          [province],
        )) as { code: string }[]
      ).map((r) => r.code);
    communes = (await communesOf(P)) as [string, string, string];
    otherCommune = (await communesOf(Q))[0];
    agencies.centre = await insertAgency('social_work_centre', P, 'Trung tâm thử nghiệm thống kê');
    agencies.centre2 = await insertAgency('social_work_centre', P, 'Trung tâm thử nghiệm thứ hai');
    agencies.reporting = await insertAgency('reporting_authority', P, 'A Sở thử nghiệm');
    agencies.centreQ = await insertAgency('social_work_centre', Q, 'Trung tâm tỉnh khác');
    agencies.reportingQ = await insertAgency('reporting_authority', Q, 'A Sở tỉnh khác');
    supervisor = await signedIn(t, 'supervisor', { agencyId: agencies.centre });
    officer = await signedIn(t, 'reporting_officer', { agencyId: agencies.reporting });
    officerQ = await signedIn(t, 'reporting_officer', { agencyId: agencies.reportingQ });

    const [A, B, C] = communes;
    // January 2025: 3 in A (small), 20 in B. February: 8 women and 2 men in A, one of them opened at
    // 18:00 UTC on 31 January, which is already 1 February in Vietnam. March: 6 in B.
    await seedCases(3, agencies.centre, A, '2025-01-10T03:00:00Z', {}, 'call');
    await seedCases(20, agencies.centre, B, '2025-01-15T03:00:00Z');
    await seedCases(7, agencies.centre, A, '2025-02-10T03:00:00Z');
    await seedCases(1, agencies.centre, A, '2025-01-31T18:00:00Z');
    await seedCases(2, agencies.centre, A, '2025-02-11T03:00:00Z', {
      sex: 'male',
      ageGroup: '12_15',
    });
    await seedCases(6, agencies.centre, B, '2025-03-05T03:00:00Z', { disability: 'yes' });
    // The second centre of the province: 7 in C in January.
    await seedCases(7, agencies.centre2, C, '2025-01-20T03:00:00Z');
    // Province Q: 9 cases.
    await seedCases(9, agencies.centreQ, otherCommune, '2025-01-20T03:00:00Z');
  });

  afterAll(async () => {
    await t.close();
  });

  it("gives the province's reporting officer the province, exactly where nothing small can be derived", async () => {
    const year = await view(officer, { period: 'year', year: 2025 });
    expect(year.scope).toMatchObject({ kind: 'province', provinceCode: P });
    expect(casesTotal(year)).toBe(46);
    const q1 = await view(officer, { period: 'quarter', year: 2025, quarter: 1 });
    expect(casesTotal(q1)).toBe(46);
    // The case opened on 31 January at 18:00 UTC counts in February (Vietnam time): 10 in A.
    const trend = year.trend.map((p) => p.totals.cases);
    expect(trend.slice(3)).toEqual(Array(9).fill(0));
    expect(numbersIn(year.trend.map((p) => p.totals)).every((n) => n === 0 || n >= 5)).toBe(true);
  });

  it('gives a supervisor their centre only', async () => {
    const year = await view(supervisor, { period: 'year', year: 2025 });
    expect(year.scope).toMatchObject({ kind: 'centre', provinceCode: P });
    expect(casesTotal(year)).toBe(39);
  });

  // 48 answers of six populations each: on a loaded shared machine this takes longer than Jest's
  // default 30 s (a time limit, not an assertion on time).
  it('never returns a count from 1 to 4, for any period and area, to anyone', async () => {
    const queries: Record<string, string | number>[] = [
      { period: 'month', year: 2025, month: 1 },
      { period: 'month', year: 2025, month: 2 },
      { period: 'month', year: 2025, month: 3 },
      { period: 'quarter', year: 2025, quarter: 1 },
      { period: 'half', year: 2025, half: 1 },
      { period: 'range', from: '2024-12', to: '2025-04' },
    ];
    for (const who of [officer, supervisor]) {
      for (const q of queries) {
        for (const area of ['all', ...communes]) {
          const v = await view(who, { ...q, area });
          for (const n of countsIn(v)) {
            expect([q, area, n === '<5' || n === 0 || n >= 5]).toEqual([q, area, true]);
          }
        }
      }
    }
  }, 120_000);

  it('differencing through the API: province minus a commune, a quarter minus its months, never 1 to 4', async () => {
    const totals = new Map<string, PublishedNumber>();
    const ask = async (period: Record<string, string | number>, key: string) => {
      for (const area of ['all', ...communes]) {
        const v = await view(officer, { ...period, area });
        totals.set(`${key}|${area}`, casesTotal(v) as PublishedNumber);
      }
    };
    for (let m = 1; m <= 3; m += 1) await ask({ period: 'month', year: 2025, month: m }, `M0${m}`);
    await ask({ period: 'quarter', year: 2025, quarter: 1 }, 'Q1');
    await ask({ period: 'year', year: 2025 }, 'Y');
    const value = (key: string) => totals.get(key);
    const differences: number[] = [];
    for (const node of ['M01', 'M02', 'M03', 'Q1', 'Y']) {
      const province = value(`${node}|all`);
      for (const c of communes) {
        const commune = value(`${node}|${c}`);
        if (typeof province === 'number' && typeof commune === 'number') {
          differences.push(province - commune);
        }
      }
    }
    for (const area of ['all', ...communes]) {
      const parts = ['M01', 'M02', 'M03'].map((m) => value(`${m}|${area}`));
      const quarter = value(`Q1|${area}`);
      for (let i = 0; i < 3; i += 1) {
        const others = parts.filter((_, j) => j !== i);
        if (typeof quarter === 'number' && others.every((p) => typeof p === 'number')) {
          differences.push(quarter - (others as number[]).reduce((s, n) => s + n, 0));
        }
      }
    }
    expect(differences.length).toBeGreaterThan(0);
    for (const d of differences) expect(d === 0 || d >= 5).toBe(true);
    // Commune A's January (3) is hidden, and so is what would give it away.
    expect(value(`M01|${communes[0]}`)).toBe('<5');
  });

  it('answers a range as whole periods, each the same as when asked alone', async () => {
    const range = await view(officer, { period: 'range', from: '2024-11', to: '2025-07' });
    expect(range.blocks.map((b) => `${b.year}-${b.period}`)).toEqual([
      '2024-M11',
      '2024-M12',
      '2025-H1',
      '2025-M07',
    ]);
    const half = await view(officer, { period: 'half', year: 2025, half: 1 });
    expect(range.blocks[2]).toEqual(half.blocks[0]);
    for (const node of PERIOD_NODES.filter((n) => n.startsWith('M')).slice(0, 3)) {
      const month = await view(officer, {
        period: 'month',
        year: 2025,
        month: Number(node.slice(1)),
      });
      const point = range.trend.find((p) => p.month === `2025-${node.slice(1)}`);
      expect(point?.totals.cases).toEqual(casesTotal(month));
    }
  });

  it('tables carry every category, sex and channel margins of one cross-tab, "<5" where small', async () => {
    const v = await view(officer, { period: 'year', year: 2025 });
    const cases = v.blocks[0].populations.find((p) => p.population === 'cases');
    const table = (id: string) => cases?.tables.find((x) => x.id === id)?.cells;
    expect(table('sex')?.map((c) => c.category)).toEqual(['female', 'male', 'other', 'unknown']);
    expect(table('age_group')?.map((c) => c.category)).toContain('child_under_16');
    expect(table('disability')?.map((c) => c.category)).toEqual(['yes', 'no', 'unknown']);
    expect(table('sex')?.find((c) => c.category === 'male')?.value).toBe('<5');
    expect(table('channel_sex')).toBeDefined();
    const help = v.blocks[0].indicators.find((i) => i.id === 'help_received');
    expect(help).toMatchObject({ numerator: 0, target: 1 });
  });

  it('counts referrals by answer and 10-day reports by timeliness, and their shares', async () => {
    const [B] = [communes[1]];
    const police = await insertAgency('police', P, 'Công an thử nghiệm');
    const caseIds = await seedCases(11, agencies.centre, B, '2025-06-02T03:00:00Z');
    const sent = new Date('2025-06-03T03:00:00Z');
    const due = new Date('2025-06-04T03:00:00Z');
    for (const [i, caseId] of caseIds.entries()) {
      // Six answered in time, five late.
      const answered = new Date(due.getTime() + (i < 6 ? -3600_000 : 3600_000));
      await t.dataSource.query(
        `INSERT INTO referrals (code, case_id, from_agency_id, to_agency_id, referred_by_user_id, services,
           urgency, reason_enc, packet, status, sent_at, respond_by, responded_at, responded_on_time)
         VALUES ($1, $2, $3, $4, $5, '{police_protection}', 'urgent', 'x', '{}', 'accepted', $6, $7, $8, $9)`,
        [
          `RF-T-${randomUUID().slice(0, 8)}`,
          caseId,
          agencies.centre,
          police,
          supervisor.id,
          sent,
          due,
          answered,
          i < 6,
        ],
      );
      // A serious incident each; five reports submitted on time, six never (overdue).
      const [incident] = (await t.dataSource.query(
        `INSERT INTO incidents (case_id, occurred_at, occurred_precision, discovered_at, commune_code,
           classification_answers, gbv_type, serious, serious_reasons, created_by_user_id)
         VALUES ($1, $2, 'day', $2, $3, '{}', 'physical_assault', true, '{serious_injury}', $4) RETURNING id`,
        [caseId, sent, B, supervisor.id],
      )) as { id: string }[];
      await t.dataSource.query(
        `INSERT INTO deadlines (kind, subject_type, subject_id, case_id, agency_id, period_unit, period_amount,
           started_at, due_at, status)
         VALUES ('incident_report', 'Incident', $1, $2, $3, 'days', 10, $4, $5, $6)`,
        [
          incident.id,
          caseId,
          agencies.centre,
          sent,
          new Date('2025-06-13T17:00:00Z'),
          i < 5 ? 'met' : 'breached',
        ],
      );
      if (i < 5) {
        await t.dataSource.query(
          `INSERT INTO incident_reports (incident_id, case_id, agency_id, status, content, drafted_by_user_id,
             submitted_at, on_time)
           VALUES ($1, $2, $3, 'submitted', '{}', $4, '2025-06-10T03:00:00Z', true)`,
          [incident.id, caseId, agencies.centre, supervisor.id],
        );
      }
    }
    const v = await view(supervisor, { period: 'month', year: 2025, month: 6 });
    const population = (id: string) => v.blocks[0].populations.find((p) => p.population === id);
    const cells = (id: string, table: string) =>
      Object.fromEntries(
        (population(id)?.tables.find((x) => x.id === table)?.cells ?? []).map((c) => [
          c.category,
          c.value,
        ]),
      );
    expect(population('referrals')?.total).toBe(11);
    expect(cells('referrals', 'response')).toEqual({
      on_time: 6,
      late: 5,
      overdue: 0,
      pending: 0,
      withdrawn_unanswered: 0,
    });
    expect(cells('referrals', 'sector')).toMatchObject({ police: 11, health: 0 });
    const indicator = (id: string) => v.blocks[0].indicators.find((i) => i.id === id);
    expect(indicator('referrals_on_time')).toMatchObject({
      numerator: 6,
      denominator: 11,
      share: 6 / 11,
    });
    expect(population('incident_reports')?.total).toBe(11);
    expect(cells('incident_reports', 'timeliness')).toEqual({
      on_time: 5,
      late: 0,
      overdue: 6,
      pending: 0,
    });
    expect(indicator('incident_reports_on_time')).toMatchObject({
      numerator: 5,
      denominator: 11,
      share: 5 / 11,
      target: 1,
    });
    expect(cells('cases', 'gbv_type')).toMatchObject({ physical_assault: 11, not_recorded: 0 });

    // Ten answered on time and one late would make the late one small: it, and what gives it away, hide.
    await t.dataSource.query(
      `UPDATE referrals SET responded_on_time = true, responded_at = respond_by - interval '1 hour'
        WHERE case_id = ANY($1::uuid[]) AND NOT responded_on_time AND case_id <> $2`,
      [caseIds, caseIds[10]],
    );
    const after = await view(supervisor, { period: 'month', year: 2025, month: 6 });
    const response = after.blocks[0].populations
      .find((p) => p.population === 'referrals')
      ?.tables.find((x) => x.id === 'response')?.cells;
    expect(Object.fromEntries((response ?? []).map((c) => [c.category, c.value]))).toMatchObject({
      on_time: '<5',
      late: '<5',
    });
    expect(after.blocks[0].indicators.find((i) => i.id === 'referrals_on_time')?.share).toBeNull();
  });

  it('exports the same published numbers as CSV, audited, with no survivor code', async () => {
    const query = { period: 'quarter', year: 2025, quarter: 1, area: 'all' };
    const v = await view(officer, query);
    const res = await t.http
      .post('/api/statistics/export')
      .send(query)
      .set(...bearer(officer))
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = (res.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const cells = lines.slice(1).map((l) => l.split(','));
    const value = (population: string, table: string, category: string) =>
      cells.find((c) => c[5] === population && c[6] === table && c[7] === category)?.[8];
    const cases = v.blocks[0].populations.find((p) => p.population === 'cases');
    expect(value('cases', 'total', '')).toBe(String(cases?.total));
    for (const table of cases?.tables ?? []) {
      for (const cell of table.cells) {
        expect([table.id, cell.category, value('cases', table.id, cell.category)]).toEqual([
          table.id,
          cell.category,
          String(cell.value),
        ]);
      }
    }
    for (const line of cells) {
      const n = Number(line[8]);
      if (line[8] !== '' && !Number.isNaN(n)) expect(n === 0 || n >= 5).toBe(true);
    }
    const codes = (await t.dataSource.query(
      `SELECT s.code FROM survivors s JOIN cases c ON c.survivor_id = s.id WHERE c.agency_id = $1`,
      [agencies.centre],
    )) as { code: string }[];
    for (const { code } of codes) expect(res.body as string).not.toContain(code);
    const [audit] = (await t.dataSource.query(
      `SELECT action, details FROM audit_log WHERE actor_user_id = $1 AND action = 'statistics.export'`,
      [officer.id],
    )) as { action: string; details: Record<string, unknown> }[];
    expect(audit.details).toMatchObject({
      period: 'quarter',
      from: '2025-01',
      to: '2025-03',
      area: 'all',
    });
  });

  it('records disability and ethnic-minority status coded at intake, outside the encrypted identity', async () => {
    const body = openCaseBody({ survivor: { disabilityStatus: 'yes', ethnicMinority: 'no' } });
    const opened = await walkIn(t, supervisor, body);
    const [row] = (await t.dataSource.query(
      `SELECT s.disability, s.ethnic_minority AS "ethnicMinority", s.identity_fields AS fields
         FROM cases c JOIN survivors s ON s.id = c.survivor_id WHERE c.id = $1`,
      [opened.id],
    )) as { disability: string; ethnicMinority: string; fields: string[] }[];
    expect(row).toMatchObject({ disability: 'yes', ethnicMinority: 'no' });
    expect(row.fields).not.toContain('disabilityStatus');
    const bad = await t.http
      .post('/api/cases')
      .set(...bearer(supervisor))
      .send(openCaseBody({ survivor: { disabilityStatus: 'maybe' as never } }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('survivor.disabilityStatus');
  });

  it('counts a walk-in referred in by another agency in the channel "agency"', async () => {
    const opened = await walkIn(t, supervisor, { ...openCaseBody(), referredByAgency: true });
    const source = async (id: string) =>
      (
        (await t.dataSource.query(`SELECT source FROM cases WHERE id = $1`, [id])) as {
          source: string;
        }[]
      )[0].source;
    expect(await source(opened.id)).toBe('agency_referral');
    expect(await source((await walkIn(t, supervisor, openCaseBody())).id)).toBe('walk_in');
    // The database keeps the list of sources.
    await expect(
      t.dataSource.query(`UPDATE cases SET source = 'carrier_pigeon' WHERE id = $1`, [opened.id]),
    ).rejects.toThrow(/ck_cases_source/);

    // Five such cases in May 2022 (and six walk-ins): the channel table and the cross-tab count them.
    await seedCases(5, agencies.centre, communes[0], '2022-05-10T03:00:00Z', {}, 'agency_referral');
    await seedCases(6, agencies.centre, communes[0], '2022-05-11T03:00:00Z');
    const v = await view(supervisor, { period: 'month', year: 2022, month: 5 });
    const tables = v.blocks[0].populations.find((p) => p.population === 'cases')?.tables ?? [];
    const cell = (table: string, category: string) =>
      tables.find((x) => x.id === table)?.cells.find((c) => c.category === category)?.value;
    expect([cell('channel', 'agency'), cell('channel', 'walk_in')]).toEqual([5, 6]);
    expect(cell('channel_sex', 'agency×female')).toBe(5);
  });

  it('counts cases by risk level (latest assessment) and safety plan, with their shares, "<5" where small', async () => {
    const B = communes[1];
    const [instrument] = (await t.dataSource.query(
      `SELECT id FROM risk_instruments ORDER BY code, version LIMIT 1`,
    )) as { id: string }[];
    const assess = (caseId: string, level: string, at: string) =>
      t.dataSource.query(
        `INSERT INTO risk_assessments (case_id, instrument_id, answers, score, computed_level, level,
           assessed_by_user_id, assessed_at) VALUES ($1, $2, '{}', 0, $3, $3, $4, $5)`,
        [caseId, instrument?.id, level, supervisor.id, at],
      );
    const plan = (caseId: string, versions = 1) =>
      Promise.all(
        Array.from({ length: versions }, (_, i) =>
          t.dataSource.query(
            `INSERT INTO safety_plans (case_id, version, sections_enc, review_on, created_by_user_id)
             VALUES ($1, $2, 'x', '2023-06-30', $3)`,
            [caseId, i + 1, supervisor.id],
          ),
        ),
      );
    // May 2023: 6 high risk with a plan, 5 high risk without (one of them assessed low first, then
    // high: the latest counts), 7 medium without, 8 never assessed.
    const opened = '2023-05-10T03:00:00Z';
    for (const id of await seedCases(6, agencies.centre, B, opened)) {
      await assess(id, 'high', '2023-05-11T03:00:00Z');
      await plan(id, id.endsWith('0') ? 2 : 1);
    }
    for (const [i, id] of (await seedCases(5, agencies.centre, B, opened)).entries()) {
      if (i === 0) await assess(id, 'low', '2023-05-11T03:00:00Z');
      await assess(id, 'high', '2023-05-12T03:00:00Z');
    }
    for (const id of await seedCases(7, agencies.centre, B, opened)) {
      await assess(id, 'medium', '2023-05-11T03:00:00Z');
    }
    await seedCases(8, agencies.centre, B, opened);

    const v = await view(officer, { period: 'year', year: 2023 });
    const cases = v.blocks[0].populations.find((p) => p.population === 'cases');
    const cells = (id: string) =>
      Object.fromEntries(
        (cases?.tables.find((x) => x.id === id)?.cells ?? []).map((c) => [c.category, c.value]),
      );
    expect(cases?.total).toBe(26);
    expect(cells('risk_level')).toEqual({
      high: 11,
      medium: 7,
      low: 0,
      unknown: 0,
      not_assessed: 8,
    });
    expect(cells('safety_plan')).toEqual({ yes: 6, no: 20 });
    expect(cells('risk_safety_plan')).toMatchObject({
      'high×yes': 6,
      'high×no': 5,
      'medium×no': 7,
    });
    const indicator = (id: string) => v.blocks[0].indicators.find((i) => i.id === id);
    expect(indicator('risk_assessed')).toEqual({
      id: 'risk_assessed',
      numerator: 18,
      denominator: 26,
      share: 18 / 26,
      target: null,
    });
    expect(indicator('high_risk')).toMatchObject({
      numerator: 11,
      denominator: 18,
      share: 11 / 18,
    });
    expect(indicator('safety_plan')).toMatchObject({
      numerator: 6,
      denominator: 26,
      share: 6 / 26,
    });
    expect(indicator('high_risk_safety_plan')).toMatchObject({
      numerator: 6,
      denominator: 11,
      share: 6 / 11,
    });

    // May 2022: 2 high-risk cases with a plan among 9 medium ones: the plan share cannot be given.
    for (const id of await seedCases(2, agencies.centre, B, '2022-05-10T03:00:00Z')) {
      await assess(id, 'high', '2022-05-11T03:00:00Z');
      await plan(id);
    }
    for (const id of await seedCases(9, agencies.centre, B, '2022-05-10T03:00:00Z')) {
      await assess(id, 'medium', '2022-05-11T03:00:00Z');
    }
    const small = await view(officer, { period: 'year', year: 2022 });
    const smallCases = small.blocks[0].populations.find((p) => p.population === 'cases');
    const risk = smallCases?.tables.find((x) => x.id === 'risk_level')?.cells ?? [];
    expect(risk.find((c) => c.category === 'high')?.value).toBe('<5');
    expect(small.blocks[0].indicators.find((i) => i.id === 'high_risk_safety_plan')).toMatchObject({
      numerator: '<5',
      share: null,
    });
    expect(countsIn(small).every((n) => n === '<5' || n === 0 || n >= 5)).toBe(true);
  });

  it('counts hotline calls, community referrals, services by sector, response times and the action month', async () => {
    const [A, B] = communes;
    const police = await insertAgency('police', P, 'Công an thử nghiệm 2023');
    const health = await insertAgency('health', P, 'Trạm y tế thử nghiệm 2023');
    const insertCalls = (
      n: number,
      startedAt: string,
      communeCode: string,
      facts: { sex: string | null; outcome: string | null; callerType: string },
    ) =>
      seedCallsIn(t, n, {
        agencyId: agencies.centre,
        operatorId: supervisor.id,
        startedAt,
        communeCode,
        ...facts,
      });
    // November 2023: 6 calls before the action month (5 November), 8 in it (20 November, Vietnam
    // time); December: 7 in it (10 December), with no sex or outcome recorded.
    await insertCalls(6, '2023-11-05T03:00:00Z', A, {
      sex: 'female',
      outcome: 'counselling',
      callerType: 'survivor',
    });
    await insertCalls(8, '2023-11-20T03:00:00Z', A, {
      sex: 'female',
      outcome: 'information',
      callerType: 'survivor',
    });
    await insertCalls(7, '2023-12-10T03:00:00Z', A, {
      sex: null,
      outcome: null,
      callerType: 'witness',
    });
    // Community referrals to the centre: 5 received (pending at intake), 6 with a case opened.
    for (let i = 0; i < 11; i += 1) {
      const [referral] = (await t.dataSource.query(
        `INSERT INTO community_referrals (reference, submitted_by_user_id, submitted_by_agency_id,
           target_agency_id, survivor_name_enc, safe_contact_method, safe_contact_details_enc,
           commune_code, what_happened_enc, danger_now, child_involved, consent_to_contact, status, created_at)
         VALUES ($1, $2, $3, $3, 'x', 'phone', 'x', $4, 'x', false, false, true, $5, '2023-11-25T03:00:00Z')
         RETURNING id`,
        [
          `CR${randomUUID().slice(0, 8)}`,
          supervisor.id,
          agencies.centre,
          B,
          i < 5 ? 'received' : 'accepted',
        ],
      )) as { id: string }[];
      await t.dataSource.query(
        `INSERT INTO intake_items (agency_id, source, community_referral_id, status, received_at)
         VALUES ($1, 'community_referral', $2, $3, '2023-11-25T03:00:00Z')`,
        [agencies.centre, referral.id, i < 5 ? 'pending' : 'opened'],
      );
    }
    // Twelve referrals sent on 2 October: six answered within the hour, six after 30 hours; the
    // services recorded on them: 6 by the police and 6 by health provided on 16 November (in the
    // action month), and 3 the survivor declined (not services provided).
    const caseIds = await seedCases(12, agencies.centre, A, '2023-10-01T03:00:00Z');
    const sent = new Date('2023-10-02T03:00:00Z');
    for (const [i, caseId] of caseIds.entries()) {
      const to = i < 6 ? police : health;
      const [referral] = (await t.dataSource.query(
        `INSERT INTO referrals (code, case_id, from_agency_id, to_agency_id, referred_by_user_id, services,
           urgency, reason_enc, packet, status, sent_at, respond_by, responded_at, responded_on_time)
         VALUES ($1, $2, $3, $4, $5, '{police_protection}', 'urgent', 'x', '{}', 'accepted', $6, $7, $8, true)
         RETURNING id`,
        [
          `RF-T-${randomUUID().slice(0, 8)}`,
          caseId,
          agencies.centre,
          to,
          supervisor.id,
          sent,
          new Date(sent.getTime() + 48 * 3600_000),
          new Date(sent.getTime() + (i % 2 === 0 ? 0.5 : 30) * 3600_000),
        ],
      )) as { id: string }[];
      const outcomes = i < 3 ? ['provided', 'survivor_declined'] : ['provided'];
      for (const outcome of outcomes) {
        await t.dataSource.query(
          `INSERT INTO service_records (referral_id, agency_id, service_type, provided_on, outcome,
             recorded_by_user_id)
           VALUES ($1, $2, 'police_protection', '2023-11-16', $3, $4)`,
          [referral.id, to, outcome, supervisor.id],
        );
      }
    }

    const tablesOf = (v: StatisticsView, population: string) =>
      Object.fromEntries(
        (v.blocks[0].populations.find((p) => p.population === population)?.tables ?? []).map(
          (table) => [table.id, Object.fromEntries(table.cells.map((c) => [c.category, c.value]))],
        ),
      );
    const totalOf = (v: StatisticsView, population: string) =>
      v.blocks[0].populations.find((p) => p.population === population)?.total;
    const indicatorOf = (v: StatisticsView, id: string) =>
      v.blocks[0].indicators.find((i) => i.id === id)?.numerator;

    for (const who of [supervisor, officer]) {
      const november = await view(who, { period: 'month', year: 2023, month: 11 });
      expect(totalOf(november, 'calls')).toBe(14);
      expect(tablesOf(november, 'calls')).toMatchObject({
        sex: { female: 14, male: 0, other: 0, unknown: 0 },
        age_group: { '25_59': 14, child_under_16: 0 },
        call_outcome: { counselling: 6, information: 8, not_recorded: 0 },
        caller_type: { survivor: 14, witness: 0 },
        action_month: { in_window: 8, outside: 6 },
      });
      expect(totalOf(november, 'community_referrals')).toBe(11);
      expect(tablesOf(november, 'community_referrals')).toEqual({
        community_referral_status: { received: 5, accepted: 6, closed: 0 },
        community_referral_outcome: { case_opened: 6, dismissed: 0, pending: 5 },
        action_month: { in_window: 11, outside: 0 },
      });
      expect(totalOf(november, 'services')).toBe(12);
      expect(tablesOf(november, 'services')).toEqual({
        service_sector: { police: 6, health: 6, legal_aid: 0, social_work: 0, other: 0 },
        action_month: { in_window: 12, outside: 0 },
      });
      expect(indicatorOf(november, 'services_by_sector')).toBe(12);

      const october = await view(who, { period: 'month', year: 2023, month: 10 });
      expect(tablesOf(october, 'referrals').response_time).toEqual({
        within_1h: 6,
        within_24h: 0,
        within_72h: 6,
        later: 0,
        not_answered: 0,
      });

      const q4 = await view(who, { period: 'quarter', year: 2023, quarter: 4 });
      expect(totalOf(q4, 'calls')).toBe(21);
      expect(tablesOf(q4, 'calls').sex).toEqual({ female: 14, male: 0, other: 0, unknown: 7 });
      expect(tablesOf(q4, 'calls').action_month).toEqual({ in_window: 15, outside: 6 });
      expect(indicatorOf(q4, 'action_month_calls')).toBe(15);
      expect(indicatorOf(q4, 'action_month_community_referrals')).toBe(11);
      expect(indicatorOf(q4, 'action_month_services')).toBe(12);
      expect(indicatorOf(q4, 'action_month_cases')).toBe(0);
    }
    // The CSV carries the same numbers, one row each, by code.
    const csv = await t.http
      .post('/api/statistics/export')
      .send({ period: 'quarter', year: 2023, quarter: 4, format: 'csv' })
      .set(...bearer(officer));
    const lines = (csv.text as string).split('\r\n').map((l) => l.split(',').slice(5, 9).join(','));
    expect(lines).toEqual(
      expect.arrayContaining([
        'calls,total,,21',
        'calls,action_month,in_window,15',
        'calls,sex,unknown,7',
        'community_referrals,community_referral_outcome,case_opened,6',
        'services,service_sector,health,6',
        'referrals,response_time,within_72h,6',
      ]),
    );
    const other = await view(officerQ, { period: 'quarter', year: 2023, quarter: 4 });
    expect([totalOf(other, 'calls'), totalOf(other, 'services')]).toEqual([0, 0]);

    // Two calls on 28 December (after the action month): the action month's count would now give
    // them away (the quarter's 23 calls minus the action month's 15 minus November's 6 before it),
    // so it is hidden with December's part, and no answer anywhere says 1 to 4.
    await insertCalls(2, '2023-12-28T03:00:00Z', A, {
      sex: 'female',
      outcome: 'information',
      callerType: 'anonymous',
    });
    for (const who of [supervisor, officer]) {
      const q4 = await view(who, { period: 'quarter', year: 2023, quarter: 4 });
      const december = await view(who, { period: 'month', year: 2023, month: 12 });
      expect(totalOf(q4, 'calls')).toBe(23);
      expect(indicatorOf(q4, 'action_month_calls')).toBe('<5');
      expect(tablesOf(december, 'calls').action_month).toEqual({ in_window: '<5', outside: '<5' });
      for (const v of [q4, december]) {
        for (const c of countsIn(v)) expect(c === '<5' || c === 0 || c >= 5).toBe(true);
      }
    }
  });

  describe('permission matrix: every role × own / other province', () => {
    const ALLOWED: readonly Role[] = ['supervisor', 'reporting_officer'];
    const homeOf = (role: Role, own: boolean): string => {
      if (role === 'reporting_officer' || role === 'admin')
        return own ? agencies.reporting : agencies.reportingQ;
      return own ? agencies.centre : agencies.centreQ;
    };

    it.each(ROLES.flatMap((role) => [[role, 'own'] as const, [role, 'other'] as const]))(
      '%s of the %s province',
      async (role, which) => {
        const who = await signedIn(t, role, { agencyId: homeOf(role, which === 'own') });
        const scope = await get(who, { period: 'year', year: 2025 });
        const inP = await get(who, { period: 'year', year: 2025, area: communes[1] });
        const inQ = await get(who, { period: 'year', year: 2025, area: otherCommune });
        // The export: the home province's scope, and the other province's commune.
        const exportOf = (area: string) =>
          t.http
            .post('/api/statistics/export')
            .send({ period: 'year', year: 2025, area, format: 'csv' })
            .set(...bearer(who));
        const fileHome = await exportOf('all');
        const fileAway = await exportOf(which === 'own' ? otherCommune : communes[1]);
        if (!ALLOWED.includes(role)) {
          expect([scope.status, inP.status, inQ.status]).toEqual([403, 403, 403]);
          expect([fileHome.status, fileAway.status]).toEqual([403, 403]);
          return;
        }
        // Own province: its communes; the other province's commune is not found, and vice versa.
        expect(scope.status).toBe(200);
        expect([inP.status, inQ.status]).toEqual(which === 'own' ? [200, 404] : [404, 200]);
        expect([fileHome.status, fileAway.status]).toEqual([200, 404]);
        if (which === 'other') {
          // The other province's people see their own records only: 9 cases in Q.
          expect(casesTotal(scope.body as StatisticsView)).toBe(9);
        }
      },
    );

    it("another province's reporting officer gets 404 for this province's commune", async () => {
      const res = await get(officerQ, { period: 'year', year: 2025, area: communes[0] });
      expect(res.status).toBe(404);
    });
  });

  describe('bad input: 400 naming the field', () => {
    it.each([
      [{ period: 'decade', year: 2025 }, 'period'],
      [{ period: 'month', year: 2025 }, 'month'],
      [{ period: 'month', year: 2025, month: 13 }, 'month'],
      [{ period: 'year' }, 'year'],
      [{ period: 'year', year: 'soon' }, 'year'],
      [{ period: 'range', from: '2025-05', to: '2025-01' }, 'to'],
      [{ period: 'range', from: '2019-01', to: '2025-01' }, 'to'],
      [{ period: 'range', from: '2025-02-30', to: '2025-03' }, 'from'],
      [{ period: 'year', year: 2025, area: 'Hải Châu' }, 'area'],
      [{ period: 'year', year: 2025, dimension: 'shoe_size' }, 'dimension'],
    ])('%j → %s', async (query, field) => {
      const res = await get(officer, query as Record<string, string | number>);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.errors)).toContain(`"field":"${field}"`);
    });
  });
});
