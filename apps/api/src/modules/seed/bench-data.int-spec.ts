import type { StatisticsView } from '@caunoi/shared/contracts';
import { classifyIncident } from '@caunoi/shared/domain';
import type { ClassificationAnswers } from '@caunoi/shared/domain';
import { bearer, signedIn } from '../../../test-support/factories';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { ScratchDatabase } from '../../../test-support/test-database';
import { createScratchDatabase, migrateTestDatabase } from '../../../test-support/test-database';
import { FieldCipher } from '../crypto/field-cipher';
import type { BenchDataSummary } from './bench-data';
import { countBenchCases, generateBenchData } from './bench-data';
import { DEMO_AGENCIES } from './demo-data';
import { seedDemoData } from './demo-seed';

/**
 * The bench's data set generator on real PostgreSQL, with a tiny N: the rows it writes are consistent
 * with each other and with the domain, statistics count them, and a generated case reads back (its
 * identity decrypts with the stack's key). In a database of its own: it seeds the demo data.
 */
describe('bench data generator', () => {
  let db: ScratchDatabase;
  let t: TestApp;
  let summary: BenchDataSummary;
  const now = new Date('2026-06-15T03:00:00Z');

  beforeAll(async () => {
    db = await createScratchDatabase('bench_data');
    await migrateTestDatabase(db);
    t = await createTestApp(db.env);
    await seedDemoData(t.dataSource, t.config);
    summary = await generateBenchData(t.dataSource, t.app.get(FieldCipher), {
      cases: 600,
      years: 2,
      batch: 250,
      now,
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await t.dataSource.query(sql, params)) as T[])[0] as T;

  it('writes the cases it reports, all marked and inside the years asked for', async () => {
    expect(summary.cases).toBe(600);
    expect(await countBenchCases(t.dataSource)).toBe(600);
    const row = await one<{ cases: number; outside: number; unmarked: number; incidents: number }>(
      `SELECT count(*)::int AS cases,
              count(*) FILTER (WHERE c.opened_at < '2024-12-31T17:00:00Z' OR c.opened_at > $1)::int AS outside,
              count(*) FILTER (WHERE s.code NOT LIKE 'SYN-%')::int AS unmarked,
              (SELECT count(*)::int FROM incidents i JOIN cases c2 ON c2.id = i.case_id) AS incidents
         FROM cases c JOIN survivors s ON s.id = c.survivor_id`,
      [now],
    );
    expect(row).toEqual({ cases: 600, outside: 0, unmarked: 0, incidents: summary.incidents });
    expect(summary.referrals).toBeGreaterThan(0);
    expect(summary.riskAssessments).toBeGreaterThan(0);
    expect(summary.safetyPlans).toBeGreaterThan(0);
  });

  it('keeps the facts consistent: types follow the answers, answers follow the clock', async () => {
    const incidents = (await t.dataSource.query(
      `SELECT gbv_type AS "gbvType", classification_answers AS answers FROM incidents`,
    )) as { gbvType: string; answers: ClassificationAnswers }[];
    for (const incident of incidents) {
      expect(classifyIncident(incident.answers)).toEqual({ ok: true, gbvType: incident.gbvType });
    }
    const bad = await one<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM referrals
           WHERE responded_at IS NOT NULL AND responded_on_time IS DISTINCT FROM (responded_at <= respond_by))
           AS "onTimeFlag",
         (SELECT count(*)::int FROM referrals WHERE sent_at > $1 OR responded_at > $1 OR respond_by <= sent_at)
           AS "referralTimes",
         (SELECT count(*)::int FROM service_records sr JOIN referrals r ON r.id = sr.referral_id
           WHERE r.status NOT IN ('in_service', 'completed') OR sr.agency_id <> r.to_agency_id) AS "services",
         (SELECT count(*)::int FROM incident_reports ir JOIN deadlines d ON d.subject_id = ir.incident_id
           WHERE ir.on_time IS DISTINCT FROM (ir.submitted_at <= d.due_at) OR d.status <> 'met') AS "reports",
         (SELECT count(*)::int FROM deadlines d JOIN incidents i ON i.id = d.subject_id
           WHERE NOT i.serious OR d.started_at <> i.discovered_at) AS "clocks",
         (SELECT count(*)::int FROM safety_plans sp
           WHERE NOT EXISTS (SELECT 1 FROM risk_assessments ra WHERE ra.case_id = sp.case_id)) AS "plans",
         (SELECT count(*)::int FROM cases c WHERE c.risk_level <> COALESCE(
            (SELECT ra.level FROM risk_assessments ra WHERE ra.case_id = c.id), 'unknown')) AS "riskLevel",
         (SELECT count(*)::int FROM deadline_stages) AS "stages"`,
      [now],
    );
    expect(bad).toEqual({
      onTimeFlag: 0,
      referralTimes: 0,
      services: 0,
      reports: 0,
      clocks: 0,
      plans: 0,
      riskLevel: 0,
      stages: 0,
    });
  });

  it('is counted by the statistics and a generated case reads back with its identity', async () => {
    const supervisor = await signedIn(t, 'supervisor', {
      agencyId: DEMO_AGENCIES.socialWorkCentre.id,
    });
    const res = await t.http
      .get('/api/statistics')
      .query({ period: 'year', year: 2025 })
      .set(...bearer(supervisor));
    expect(res.status).toBe(200);
    const { n } = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases
        WHERE agency_id = $1 AND opened_at >= '2024-12-31T17:00:00Z' AND opened_at < '2025-12-31T17:00:00Z'`,
      [DEMO_AGENCIES.socialWorkCentre.id],
    );
    const cases = (res.body as StatisticsView).blocks[0]?.populations.find(
      (p) => p.population === 'cases',
    );
    expect(cases?.total).toBe(n);

    const { id } = await one<{ id: string }>(
      `SELECT c.id FROM cases c JOIN survivors s ON s.id = c.survivor_id
        WHERE NOT s.anonymous AND c.agency_id = $1 ORDER BY c.opened_at DESC LIMIT 1`,
      [DEMO_AGENCIES.socialWorkCentre.id],
    );
    const read = await t.http.get(`/api/cases/${id}`).set(...bearer(supervisor));
    expect(read.status).toBe(200);
    expect(read.body.survivorCode).toMatch(/^SYN-\d{9}$/);
    const revealed = await t.http
      .post(`/api/cases/${id}/reveal-identity`)
      .set(...bearer(supervisor))
      .send({});
    expect([revealed.status, revealed.body.fullName]).toEqual([200, 'Bench Synthetic']);
  });

  it('refuses to fill a database that already holds generated cases', async () => {
    await expect(
      generateBenchData(t.dataSource, t.app.get(FieldCipher), { cases: 10, now }),
    ).rejects.toThrow('already holds 600 generated cases');
    expect(await countBenchCases(t.dataSource)).toBe(600);
  });
});
