import type { ReportCalendarView } from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';

type S = TestUser & Session;

/** The report calendar on real PostgreSQL: defaults, an admin's change per province and year, reset. */
describe('report calendar', () => {
  let t: TestApp;
  let P: string;
  let Q: string;
  const homes: Record<'P' | 'Q', string> = {} as never;
  let admin: S;

  beforeAll(async () => {
    t = await createTestApp();
    const provinces = (await t.dataSource.query(
      `SELECT code FROM administrative_units
        WHERE level = 'province' AND effective_to IS NULL ORDER BY code DESC LIMIT 2`,
    )) as { code: string }[];
    [P, Q] = [provinces[0].code, provinces[1].code];
    for (const [key, code] of [
      ['P', P],
      ['Q', Q],
    ] as const) {
      const [row] = (await t.dataSource.query(
        `INSERT INTO agencies (type, name, province_code) VALUES ('social_work_centre', $1, $2) RETURNING id`,
        [`Trung tâm lịch báo cáo ${key}`, code],
      )) as { id: string }[];
      homes[key] = row.id;
    }
    admin = await signedIn(t, 'admin');
  });

  afterAll(async () => {
    await t.close();
  });

  const get = (who: S, provinceCode: string, year: number | string) =>
    t.http
      .get('/api/report-calendar')
      .query({ provinceCode, year })
      .set(...bearer(who));
  const put = (who: S, path: string, body: Record<string, unknown>) =>
    t.http
      .put(`/api/report-calendar/${path}`)
      .set(...bearer(who))
      .send(body);

  it('answers the seeds’ defaults, each due instant by the Civil Code', async () => {
    const res = await get(admin, P, 2026);
    expect(res.status).toBe(200);
    const view = res.body as ReportCalendarView;
    expect(view.entries.map((e) => [e.kind, e.dueOn, e.configured])).toEqual([
      ['half_year', '2026-05-15', false],
      ['annual', '2026-11-15', false],
      ['provincial_annual', '2026-12-05', false],
      ['consolidated', '2026-12-15', false],
      ['action_month', '2026-12-18', false],
    ]);
    // 15/11/2026 is a Sunday and 05/12/2026 a Saturday: both end with the Monday after.
    expect(view.entries[1].dueAt).toBe('2026-11-16T17:00:00.000Z');
    expect(view.entries[2].dueAt).toBe('2026-12-07T17:00:00.000Z');
  });

  it('an admin changes one province’s year only, audited; reset brings the default back', async () => {
    const res = await put(admin, `${P}/2027/half_year`, {
      dueOn: '2027-05-20',
      periodFrom: '2027-01',
      periodTo: '2027-04',
    });
    expect(res.status).toBe(200);
    expect((res.body as ReportCalendarView).entries[0]).toMatchObject({
      kind: 'half_year',
      dueOn: '2027-05-20',
      dueAt: '2027-05-20T17:00:00.000Z',
      periodFrom: '2027-01',
      periodTo: '2027-04',
      configured: true,
    });
    const other = [
      (await get(admin, Q, 2027)).body,
      (await get(admin, P, 2026)).body,
    ] as ReportCalendarView[];
    expect(other.map((v) => v.entries[0].configured)).toEqual([false, false]);
    const [audit] = (await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'report_calendar.update' AND subject_id = $1`,
      [`${P}:2027:half_year`],
    )) as { details: Record<string, string> }[];
    expect(audit.details).toEqual({
      dueOn: '2027-05-20',
      periodFrom: '2027-01',
      periodTo: '2027-04',
    });

    const reset = await t.http
      .delete(`/api/report-calendar/${P}/2027/half_year`)
      .set(...bearer(admin));
    expect(reset.status).toBe(200);
    expect((reset.body as ReportCalendarView).entries[0]).toMatchObject({
      dueOn: '2027-05-15',
      configured: false,
    });
  });

  describe('bad input: 400 naming the field', () => {
    const ok = { dueOn: '2026-05-20', periodFrom: '2026-01', periodTo: '2026-04' };
    it.each([
      [{ dueOn: '2025-12-31' }, 'dueOn'],
      [{ dueOn: '2026-02-30' }, 'dueOn'],
      [{ periodFrom: '2026-13' }, 'periodFrom'],
      [{ periodTo: '2025-12' }, 'periodTo'],
    ])('%j → %s', async (change, field) => {
      const res = await put(admin, `${P}/2026/annual`, { ...ok, ...change });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.errors)).toContain(`"field":"${field}"`);
    });

    it('an unknown province or kind, a year out of range', async () => {
      expect((await get(admin, 'XX', 2026)).status).toBe(400);
      expect((await get(admin, P, 1999)).status).toBe(400);
      expect((await put(admin, `${P}/2026/quarterly`, ok)).status).toBe(400);
      const unknown = await put(admin, `ZZ9/2026/annual`, ok);
      expect([unknown.status, JSON.stringify(unknown.body.errors)]).toEqual([
        400,
        expect.stringContaining('"field":"provinceCode"'),
      ]);
    });
  });

  describe('permission matrix: every role × own / other province', () => {
    it.each(ROLES.flatMap((role) => [[role, 'own'] as const, [role, 'other'] as const]))(
      '%s of the %s province',
      async (role: Role, which) => {
        const who = await signedIn(t, role, { agencyId: which === 'own' ? homes.P : homes.Q });
        const body = { dueOn: '2026-11-20', periodFrom: '2025-11', periodTo: '2026-10' };
        const read = await get(who, P, 2026);
        const change = await put(who, `${P}/2026/annual`, body);
        const reset = await t.http
          .delete(`/api/report-calendar/${P}/2026/annual`)
          .set(...bearer(who));
        // Everyone signed in may read when reports are due; only admins change it.
        expect(read.status).toBe(200);
        const expected = role === 'admin' ? 200 : 403;
        expect([change.status, reset.status]).toEqual([expected, expected]);
      },
    );
  });
});
