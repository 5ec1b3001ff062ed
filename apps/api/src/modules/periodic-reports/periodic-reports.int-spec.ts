import { randomUUID } from 'node:crypto';
import type {
  ConsolidatedReportView,
  PeriodicReportListView,
  PeriodicReportView,
} from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import { binary, readPdfText, readXlsx } from '../../../test-support/export-readers';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { StageProcessor } from '../deadlines/stage-processor';
import { periodicReportClockSubject } from './periodic-report-clock-subject';
import { PeriodicReportClocks } from './periodic-report-clocks';

type S = TestUser & Session;
type Which = 'own' | 'other_centre' | 'other_province';

/**
 * Periodic reports on real PostgreSQL, in two provinces no other suite has agencies in: a centre's
 * supervisor drafts from the protected aggregates, approves, submits to the province's reporting
 * authority, whose officer acknowledges.
 */
describe('periodic reports', () => {
  let t: TestApp;
  let P: string;
  let Q: string;
  const a: Record<
    'centre' | 'centre2' | 'reporting' | 'reporting2' | 'centreQ' | 'reportingQ',
    string
  > = {} as never;
  let supervisor: S;
  let officer: S;
  const codes: string[] = [];

  async function insertAgency(type: string, province: string, name: string): Promise<string> {
    const [row] = (await t.dataSource.query(
      `INSERT INTO agencies (type, name, province_code) VALUES ($1, $2, $3) RETURNING id`,
      [type, name, province],
    )) as { id: string }[];
    return row.id;
  }

  async function seedCases(n: number, agencyId: string, openedAt: string): Promise<void> {
    for (let i = 0; i < n; i += 1) {
      const code = `ST-${randomUUID().slice(0, 12)}`;
      codes.push(code);
      const [s] = (await t.dataSource.query(
        `INSERT INTO survivors (code, agency_id, anonymous, sex, age_group, disability)
         VALUES ($1, $2, true, 'female', '25_59', 'unknown') RETURNING id`,
        [code, agencyId],
      )) as { id: string }[];
      await t.dataSource.query(
        `INSERT INTO cases (survivor_id, agency_id, source, opened_by_user_id, opened_at)
         VALUES ($1, $2, 'walk_in', $3, $4)`,
        [s.id, agencyId, supervisor.id, openedAt],
      );
    }
  }

  const call = (who: S, method: 'get' | 'post' | 'patch', path: string, body?: object) => {
    const req = t.http[method](`/api/periodic-reports${path}`).set(...bearer(who));
    return body ? req.send(body) : req;
  };

  /** Every published count of a report's tables (years and shares aside). */
  function countsIn(r: PeriodicReportView): (number | string)[] {
    const out: (number | string)[] = [];
    for (const b of r.tables) {
      for (const p of b.populations) {
        out.push(p.total);
        for (const table of p.tables) for (const cell of table.cells) out.push(cell.value);
      }
      for (const i of b.indicators) {
        out.push(i.numerator);
        if (i.denominator !== undefined) out.push(i.denominator);
      }
    }
    return out;
  }

  /** The cases of each whole calendar block the months decompose into (as statistics answers). */
  const casesByBlock = (r: PeriodicReportView) =>
    r.tables.map((b) => [
      `${b.from}..${b.to}`,
      b.populations.find((p) => p.population === 'cases')?.total,
    ]);

  beforeAll(async () => {
    t = await createTestApp();
    const provinces = (await t.dataSource.query(
      `SELECT code FROM administrative_units
        WHERE level = 'province' AND effective_to IS NULL
          AND code NOT IN (SELECT province_code FROM agencies WHERE province_code IS NOT NULL)
        ORDER BY code LIMIT 2 OFFSET 2`,
    )) as { code: string }[];
    [P, Q] = [provinces[0].code, provinces[1].code];
    a.centre = await insertAgency('social_work_centre', P, 'Trung tâm báo cáo định kỳ');
    a.centre2 = await insertAgency('social_work_centre', P, 'Trung tâm báo cáo thứ hai');
    a.reporting = await insertAgency('reporting_authority', P, 'A Sở nhận báo cáo');
    a.reporting2 = await insertAgency('reporting_authority', P, 'Z Sở khác cùng tỉnh');
    a.centreQ = await insertAgency('social_work_centre', Q, 'Trung tâm tỉnh khác');
    a.reportingQ = await insertAgency('reporting_authority', Q, 'A Sở tỉnh khác');
    supervisor = await signedIn(t, 'supervisor', { agencyId: a.centre });
    officer = await signedIn(t, 'reporting_officer', { agencyId: a.reporting });
    // The 2026 half-year report covers November 2025 – April 2026: 9 cases in January, 6 in
    // February, 7 in May (after the period), and 6 in another centre.
    await seedCases(9, a.centre, '2026-01-12T03:00:00Z');
    await seedCases(6, a.centre, '2026-02-12T03:00:00Z');
    await seedCases(7, a.centre, '2026-05-02T03:00:00Z');
    await seedCases(6, a.centre2, '2026-01-20T03:00:00Z');
    t.clock.set(new Date('2026-05-10T03:00:00Z'));
  });

  afterAll(async () => {
    await t.close();
  });

  it('drafts from the protected aggregates of the entry’s months, fixed at drafting', async () => {
    const res = await call(supervisor, 'post', '', {
      year: 2026,
      kind: 'half_year',
      narrative: 'Tổng hợp kết quả sáu tháng',
    });
    expect([res.status, res.body?.message]).toEqual([201, undefined]);
    const report = res.body as PeriodicReportView;
    expect(report).toMatchObject({
      agencyId: a.centre,
      provinceCode: P,
      year: 2026,
      kind: 'half_year',
      dueOn: '2026-05-15',
      periodFrom: '2025-11',
      periodTo: '2026-04',
      status: 'draft',
      narrative: 'Tổng hợp kết quả sáu tháng',
      recipientAgencyId: null,
    });
    expect(casesByBlock(report)).toEqual([
      ['2025-11..2025-11', 0],
      ['2025-12..2025-12', 0],
      ['2026-01..2026-03', 15],
      ['2026-04..2026-04', 0],
    ]);
    // Counts 1–4 never leave an aggregate; no survivor code anywhere.
    expect(countsIn(report).filter((n) => typeof n === 'number' && n >= 1 && n <= 4)).toEqual([]);
    const text = JSON.stringify(report);
    expect(codes.filter((c) => text.includes(c))).toEqual([]);

    // More cases in the period later: the report keeps the tables it was drafted with.
    await seedCases(5, a.centre, '2026-03-03T03:00:00Z');
    const again = (await call(supervisor, 'get', `/${report.id}`)).body as PeriodicReportView;
    expect(again.tables).toEqual(report.tables);

    const twice = await call(supervisor, 'post', '', { year: 2026, kind: 'half_year' });
    expect([twice.status, JSON.stringify(twice.body.errors)]).toEqual([
      409,
      expect.stringContaining('report_already_drafted'),
    ]);
    const [audit] = (await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'periodic_report.draft' AND subject_id = $1`,
      [report.id],
    )) as { details: Record<string, unknown> }[];
    expect(audit.details).toEqual({ year: 2026, kind: 'half_year' });
  });

  it('goes draft → approved → submitted on time → acknowledged; each refusal a 409', async () => {
    const { body: list } = await call(supervisor, 'get', '?year=2026');
    const id = (list as PeriodicReportListView).items[0].id;

    expect((await call(supervisor, 'post', `/${id}/submit`)).status).toBe(409);
    expect((await call(supervisor, 'post', `/${id}/approve`)).body.status).toBe('approved');
    // Editing an approved draft sends it back for approval.
    const edited = await call(supervisor, 'patch', `/${id}`, { narrative: 'Bản sửa' });
    expect([edited.status, edited.body.status, edited.body.narrative]).toEqual([
      200,
      'draft',
      'Bản sửa',
    ]);
    expect((await call(supervisor, 'post', `/${id}/approve`)).status).toBe(200);
    const submitted = await call(supervisor, 'post', `/${id}/submit`);
    expect([submitted.status, submitted.body.status, submitted.body.onTime]).toEqual([
      200,
      'submitted',
      true,
    ]);
    expect(submitted.body.recipientAgencyId).toBe(a.reporting);
    const late = await call(supervisor, 'patch', `/${id}`, { narrative: 'muộn' });
    expect([late.status, JSON.stringify(late.body.errors)]).toEqual([
      409,
      expect.stringContaining('already_submitted'),
    ]);

    const inbox = (await call(officer, 'get', '?year=2026')).body as PeriodicReportListView;
    expect(inbox.items.map((r) => [r.id, r.agencyName])).toEqual([
      [id, 'Trung tâm báo cáo định kỳ'],
    ]);
    const ack = await call(officer, 'post', `/${id}/acknowledge`);
    expect([ack.status, ack.body.status]).toEqual([200, 'acknowledged']);
    expect((await call(officer, 'post', `/${id}/acknowledge`)).status).toBe(409);
  });

  it('exports a report as XLSX and PDF: its fixed tables and narrative, no survivor code, audited', async () => {
    const { body: list } = await call(officer, 'get', '?year=2026');
    const report = (list as PeriodicReportListView).items[0];
    const download = (who: S, file: object) =>
      call(who, 'post', `/${report.id}/export`, file).buffer(true).parse(binary);

    const xlsx = await download(officer, { format: 'xlsx' });
    expect([xlsx.status, xlsx.headers['content-disposition']]).toEqual([
      200,
      'attachment; filename="bao-cao-half_year-2026.xlsx"',
    ]);
    const sheets = await readXlsx(xlsx.body as Buffer);
    // The narrative first, then one sheet per whole calendar block of the months covered.
    expect([...sheets.keys()]).toEqual([
      'Phần thuyết minh',
      'Tháng 11-2025',
      'Tháng 12-2025',
      'Quý 1-2026',
      'Tháng 04-2026',
    ]);
    const q1 = sheets.get('Quý 1-2026') ?? [];
    expect(q1[0][0]).toBe('Báo cáo 6 tháng năm 2026: Trung tâm báo cáo định kỳ');
    const total = q1.findIndex((r) => r[0] === 'Ca tiếp nhận');
    expect(q1[total + 2]).toEqual(['Tổng', 'total', 15, null, null]);
    expect(sheets.get('Phần thuyết minh')?.some((r) => r[0] === 'Bản sửa')).toBe(true);

    const pdf = await download(officer, { format: 'pdf', lang: 'en' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await readPdfText(pdf.body as Buffer);
    expect(text).toContain('6-month report 2026: Trung tâm báo cáo định kỳ');
    expect(text).toContain('Status: Received by the province');
    expect(text).toMatch(/Q1 2026 \(Months 01\/2026 to 03\/2026\)/);
    expect(text).toMatch(/Total\s+15/);
    const all = `${JSON.stringify([...sheets.values()])}${text}`;
    expect(codes.filter((c) => all.includes(c))).toEqual([]);
    expect(
      [...sheets.values()].flat(2).filter((n) => typeof n === 'number' && n >= 1 && n <= 4),
    ).toEqual([]);

    const audits = (await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'periodic_report.export' AND subject_id = $1 ORDER BY details->>'format' DESC`,
      [report.id],
    )) as { details: Record<string, unknown> }[];
    expect(audits.map((r) => r.details)).toEqual([
      { format: 'xlsx', lang: 'vi', protected: false },
      { format: 'pdf', lang: 'en', protected: false },
    ]);
    expect((await download(officer, { format: 'csv' })).status).toBe(400);
    expect((await download(officer, {})).status).toBe(400);
    const short = await download(officer, { format: 'pdf', password: 'short' });
    expect([short.status, short.body.toString()]).toEqual([
      400,
      expect.stringContaining('password'),
    ]);

    // With a password, the file opens only with it.
    const password = 'báo cáo quý 2026';
    const locked = (await download(officer, { format: 'xlsx', password })).body as Buffer;
    await expect(readXlsx(locked)).rejects.toThrow();
    expect((await readXlsx(locked, password)).get('Quý 1-2026')?.[0][0]).toBe(
      'Báo cáo 6 tháng năm 2026: Trung tâm báo cáo định kỳ',
    );
  });

  it('the province consolidates its centres’ reports: who submitted, and its own tables protected at the province level', async () => {
    const res = await call(officer, 'get', '/consolidated?year=2026&kind=half_year');
    expect([res.status, res.body?.message]).toEqual([200, undefined]);
    const report = res.body as ConsolidatedReportView;
    expect(report).toMatchObject({
      provinceCode: P,
      provinceAuthority: 'A Sở nhận báo cáo',
      dueOn: '2026-05-15',
      periodFrom: '2025-11',
      periodTo: '2026-04',
    });
    expect(report.centres.map((c) => [c.agencyName, c.status, c.onTime])).toEqual([
      ['Trung tâm báo cáo định kỳ', 'acknowledged', true],
    ]);
    // Counted now for the whole province: both centres' January–March cases (15 + 5 + 6).
    const q1 = report.tables.find((b) => b.period === 'Q1');
    expect(q1?.populations.find((p) => p.population === 'cases')?.total).toBe(26);
    const counts = report.tables.flatMap((b) =>
      b.populations.flatMap((p) => [
        p.total,
        ...p.tables.flatMap((x) => x.cells.map((c) => c.value)),
      ]),
    );
    expect(counts.filter((n) => typeof n === 'number' && n >= 1 && n <= 4)).toEqual([]);
    expect(codes.filter((c) => JSON.stringify(report).includes(c))).toEqual([]);

    const password = 'tổng hợp tỉnh 2026';
    const pdf = await call(officer, 'post', '/consolidated/export', {
      year: 2026,
      kind: 'half_year',
      format: 'pdf',
      password,
    })
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    await expect(readPdfText(pdf.body as Buffer)).rejects.toThrow();
    const text = await readPdfText(pdf.body as Buffer, password);
    expect(text).toContain('Báo cáo 6 tháng năm 2026: tổng hợp của A Sở nhận báo cáo');
    expect(text).toMatch(/Trung tâm báo cáo định kỳ\s+Tỉnh đã nhận/);
    expect(text).toMatch(/Tổng\s+26/);
    const audits = (await t.dataSource.query(
      `SELECT action, details FROM audit_log WHERE actor_user_id = $1
          AND action IN ('periodic_report.consolidate', 'periodic_report.export')
        ORDER BY action`,
      [officer.id],
    )) as { action: string; details: Record<string, unknown> }[];
    expect(
      audits.filter((a) => a.details['year'] === 2026 && a.details['kind'] === 'half_year'),
    ).toEqual([
      {
        action: 'periodic_report.consolidate',
        details: { year: 2026, kind: 'half_year', reports: 1 },
      },
      {
        action: 'periodic_report.export',
        details: {
          consolidated: true,
          year: 2026,
          kind: 'half_year',
          format: 'pdf',
          lang: 'vi',
          protected: true,
        },
      },
    ]);
    // A centre's supervisor has no consolidated report; bad input names the field.
    expect((await call(supervisor, 'get', '/consolidated?year=2026&kind=half_year')).status).toBe(
      403,
    );
    const bad = await call(officer, 'get', '/consolidated?year=2026&kind=weekly');
    expect([bad.status, JSON.stringify(bad.body.errors)]).toEqual([
      400,
      expect.stringContaining('"field":"kind"'),
    ]);
  });

  it('counts a report submitted after its due instant as late', async () => {
    const draft = await call(supervisor, 'post', '', { year: 2026, kind: 'annual' });
    expect(draft.status).toBe(201);
    const id = (draft.body as PeriodicReportView).id;
    await call(supervisor, 'post', `/${id}/approve`);
    // 15/11/2026 is a Sunday: due at the end of Monday 16/11 (17:00 UTC).
    t.clock.set(new Date('2026-11-16T17:00:00Z'));
    const res = await call(supervisor, 'post', `/${id}/submit`);
    t.clock.set(new Date('2026-05-10T03:00:00Z'));
    expect([res.status, res.body.onTime]).toEqual([200, false]);
  });

  it('bad input: 400', async () => {
    expect((await call(supervisor, 'post', '', { year: 2026, kind: 'quarterly' })).status).toBe(
      400,
    );
    expect((await call(supervisor, 'post', '', { year: 1999, kind: 'annual' })).status).toBe(400);
    expect((await call(supervisor, 'get', '?year=abc')).status).toBe(400);
    expect((await call(supervisor, 'get', '/not-a-uuid')).status).toBe(400);
    expect((await call(supervisor, 'patch', `/${randomUUID()}`, {})).status).toBe(400);
  });

  describe('permission matrix: every role × own centre / other centre / other province', () => {
    const agencyOf = (role: Role, which: Which): string => {
      const province = role === 'reporting_officer';
      if (which === 'own') return province ? a.reporting : a.centre;
      if (which === 'other_centre') return province ? a.reporting2 : a.centre2;
      return province ? a.reportingQ : a.centreQ;
    };

    async function insertReport(status: 'draft' | 'submitted'): Promise<string> {
      const [row] = (await t.dataSource.query(
        `INSERT INTO periodic_reports (agency_id, province_code, year, kind, due_on, period_from,
                period_to, status, tables, drafted_by_user_id, recipient_agency_id, submitted_at)
         VALUES ($1, $2, 2030, $3, '2030-12-15', '2029-12', '2030-11', $4, '[]', $5, $6, $7)
         RETURNING id`,
        [
          a.centre,
          P,
          status === 'draft' ? 'consolidated' : 'provincial_annual',
          status,
          supervisor.id,
          status === 'draft' ? null : a.reporting,
          status === 'draft' ? null : '2030-12-01T00:00:00Z',
        ],
      )) as { id: string }[];
      return row.id;
    }

    it.each(
      ROLES.flatMap((role) =>
        (['own', 'other_centre', 'other_province'] as const).map((w) => [role, w] as const),
      ),
    )('%s of the %s', async (role: Role, which: Which) => {
      await t.dataSource.query(`DELETE FROM periodic_reports WHERE year IN (2030, 2031)`);
      const draft = await insertReport('draft');
      const submitted = await insertReport('submitted');
      const who = await signedIn(t, role, { agencyId: agencyOf(role, which) });

      const list = await call(who, 'get', '?year=2030');
      const read = await call(who, 'get', `/${draft}`);
      const readSubmitted = await call(who, 'get', `/${submitted}`);
      const exportDraft = await call(who, 'post', `/${draft}/export`, { format: 'pdf' });
      const exportSubmitted = await call(who, 'post', `/${submitted}/export`, { format: 'xlsx' });
      const consolidated = await call(who, 'get', '/consolidated?year=2030&kind=provincial_annual');
      const consolidatedFile = await call(who, 'post', '/consolidated/export', {
        year: 2030,
        kind: 'provincial_annual',
        format: 'pdf',
      });
      const edit = await call(who, 'patch', `/${draft}`, { narrative: 'x' });
      const approve = await call(who, 'post', `/${draft}/approve`);
      const submit = await call(who, 'post', `/${draft}/submit`);
      const acknowledge = await call(who, 'post', `/${submitted}/acknowledge`);
      const create = await call(who, 'post', '', { year: 2031, kind: 'annual' });

      const supervisor = role === 'supervisor';
      const officer = role === 'reporting_officer';
      const own = which === 'own';
      const listed = (list.body as PeriodicReportListView).items?.length;
      // On one report, a role with no periodic-report permission is answered 404 like a stranger.
      const centre = (ok: number) => (supervisor && own ? ok : 404);
      expect({
        list: list.status,
        listed,
        read: read.status,
        readSubmitted: readSubmitted.status,
        exportDraft: exportDraft.status,
        exportSubmitted: exportSubmitted.status,
        consolidated: [
          consolidated.status,
          (consolidated.body as ConsolidatedReportView).centres?.length,
        ],
        consolidatedFile: consolidatedFile.status,
        edit: edit.status,
        approve: approve.status,
        submit: submit.status,
        acknowledge: acknowledge.status,
        create: create.status,
      }).toEqual({
        list: supervisor || officer ? 200 : 403,
        listed: supervisor ? (own ? 2 : 0) : officer ? (own ? 1 : 0) : undefined,
        read: centre(200),
        readSubmitted: (supervisor || officer) && own ? 200 : 404,
        exportDraft: centre(200),
        exportSubmitted: (supervisor || officer) && own ? 200 : 404,
        // Every officer has their own province's; only the recipient's lists the report.
        consolidated: officer ? [200, own ? 1 : 0] : [403, undefined],
        consolidatedFile: officer ? 200 : 403,
        edit: centre(200),
        approve: centre(200),
        submit: centre(200),
        // The centre sees its submitted report but only the province acknowledges it.
        acknowledge: own && officer ? 200 : own && supervisor ? 403 : 404,
        create: supervisor ? 201 : 403,
      });
    });
  });
  describe('the periodic_report clock', () => {
    const clockOf = async (agencyId: string, year: number, kind: string) =>
      (
        (await t.dataSource.query(
          `SELECT d.id, d.status, d.due_at AS "dueAt", d.case_id AS "caseId",
                  array_agg(s.stage || ':' || s.audience ORDER BY s.due_at) AS stages
             FROM deadlines d LEFT JOIN deadline_stages s ON s.deadline_id = d.id
            WHERE d.kind = 'periodic_report' AND d.subject_id = $1 GROUP BY d.id`,
          [periodicReportClockSubject(agencyId, year, kind as never)],
        )) as { id: string; status: string; dueAt: Date; caseId: null; stages: string[] }[]
      )[0];

    it('started by the draft, due at the entry’s due instant; submitting met it', async () => {
      const halfYear = await clockOf(a.centre, 2026, 'half_year');
      // 15/05/2026 is a Friday: due at its end, Vietnam time. Drafted on 10/05, the two-week
      // reminder was already past and left out.
      expect(halfYear).toMatchObject({ status: 'met', caseId: null });
      expect(halfYear.dueAt.toISOString()).toBe('2026-05-15T17:00:00.000Z');
      expect(halfYear.stages).toEqual([
        'reminder_3d:supervisors',
        'reminder_1d:supervisors',
        'escalation_due:reporting_officers',
      ]);
      // Submitted at its due instant: late, and the clock says so.
      expect((await clockOf(a.centre, 2026, 'annual')).status).toBe('breached');
    });

    it('the maintenance pass starts every centre’s clock due within 30 days, once', async () => {
      t.clock.set(new Date('2026-11-20T03:00:00Z'));
      const clocks = t.app.get(PeriodicReportClocks);
      expect(await clocks.startDue()).toBeGreaterThanOrEqual(3);
      for (const kind of ['provincial_annual', 'consolidated', 'action_month']) {
        expect((await clockOf(a.centre2, 2026, kind))?.status).toBe('pending');
      }
      // Past entries get no clock from the pass; a second pass starts nothing.
      expect(await clockOf(a.centre2, 2026, 'half_year')).toBeUndefined();
      expect(await clocks.startDue()).toBe(0);
    });

    it('follows an admin’s change of the due date, and its reset', async () => {
      const admin = await signedIn(t, 'admin');
      const move = (dueOn: string | null) =>
        dueOn
          ? t.http
              .put(`/api/report-calendar/${P}/2026/consolidated`)
              .set(...bearer(admin))
              .send({ dueOn, periodFrom: '2025-12', periodTo: '2026-11' })
          : t.http.delete(`/api/report-calendar/${P}/2026/consolidated`).set(...bearer(admin));
      const stagesDue = async (id: string) =>
        (
          (await t.dataSource.query(
            `SELECT due_at AS "dueAt" FROM deadline_stages WHERE deadline_id = $1 ORDER BY due_at`,
            [id],
          )) as { dueAt: Date }[]
        ).map((r) => r.dueAt.toISOString());
      const [draft] = (await t.dataSource.query(
        `INSERT INTO periodic_reports (agency_id, province_code, year, kind, due_on, period_from,
                period_to, status, tables, drafted_by_user_id)
         VALUES ($1, $2, 2026, 'consolidated', '2026-12-15', '2025-12', '2026-11', 'draft', '[]', $3)
         RETURNING id`,
        [a.centre2, P, supervisor.id],
      )) as { id: string }[];
      expect((await move('2026-12-22')).status).toBe(200);
      const [row] = (await t.dataSource.query(
        `SELECT to_char(due_on, 'YYYY-MM-DD') AS "dueOn" FROM periodic_reports WHERE id = $1`,
        [draft.id],
      )) as { dueOn: string }[];
      // The draft not yet submitted takes the new date; its months and tables stay as drafted.
      expect(row.dueOn).toBe('2026-12-22');
      const moved = await clockOf(a.centre2, 2026, 'consolidated');
      expect(moved.dueAt.toISOString()).toBe('2026-12-22T17:00:00.000Z');
      expect((await stagesDue(moved.id)).at(-1)).toBe('2026-12-22T17:00:00.000Z');
      expect((await move(null)).status).toBe(200);
      const back = await clockOf(a.centre2, 2026, 'consolidated');
      expect(back.dueAt.toISOString()).toBe('2026-12-15T17:00:00.000Z');
      expect(await stagesDue(back.id)).toEqual([
        '2026-12-01T17:00:00.000Z',
        '2026-12-12T17:00:00.000Z',
        '2026-12-14T17:00:00.000Z',
        '2026-12-15T17:00:00.000Z',
      ]);
    });

    it('reminds the centre’s supervisors and escalates to the province, no survivor data', async () => {
      const supervisor2 = await signedIn(t, 'supervisor', { agencyId: a.centre2 });
      const clock = await clockOf(a.centre2, 2026, 'provincial_annual');
      const fire = t.app.get(StageProcessor);
      t.clock.set(new Date('2026-12-08T00:00:00Z'));
      expect((await fire.fire(clock.id, 'reminder_3d')).outcome).toBe('fired');
      expect((await fire.fire(clock.id, 'escalation_due')).outcome).toBe('fired');
      t.clock.set(new Date('2026-05-10T03:00:00Z'));
      const sent = (await t.dataSource.query(
        `SELECT n.user_id AS "userId", n.kind, n.params, n.link, n.case_id AS "caseId"
           FROM notifications n JOIN deadline_stages s ON s.id = n.deadline_stage_id
          WHERE s.deadline_id = $1`,
        [clock.id],
      )) as { userId: string; kind: string; params: Record<string, unknown>; link: string }[];
      const to = (kind: string) => sent.filter((n) => n.kind === kind).map((n) => n.userId);
      expect(to('deadline.reminder')).toContain(supervisor2.id);
      expect(to('deadline.reminder')).not.toContain(supervisor.id);
      expect(to('deadline.escalation')).toContain(officer.id);
      for (const n of sent) {
        expect(n).toMatchObject({ link: '/periodic-reports', caseId: null });
        expect(n.params).toMatchObject({
          deadlineKind: 'periodic_report',
          survivorCode: null,
          agencyName: 'Trung tâm báo cáo thứ hai',
        });
      }
      expect((await clockOf(a.centre2, 2026, 'provincial_annual')).status).toBe('breached');
    });
  });
});
