import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_AGENCIES } from '../seed/demo-data';
import type { MatrixActor, MatrixSession } from '../../../test-support/case-matrix';
import { NO_CASE_ROW, checkMatrix, signInMatrixActors } from '../../../test-support/case-matrix';
import { binary, readPdfText, renderPdfPage } from '../../../test-support/export-readers';
import { bearer, signedIn } from '../../../test-support/factories';
import { incident, openCaseBody, walkIn } from '../../../test-support/intake-fixtures';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';

const NARRATIVE =
  'Đã tư vấn tâm lý, đưa đi khám và đề nghị Chủ tịch UBND xã áp dụng biện pháp cấm tiếp xúc.';

/**
 * The printable 10-day incident report (seed 003 VI.2): a PDF of the report as an administrative
 * report, for whoever may read the case and for the reporting officer it was sent to; audited; codes
 * only, never the survivor's name.
 */
describe('incident report printable form', () => {
  let t: TestApp;
  let actors: Record<MatrixActor, MatrixSession>;
  /** Cases [A: centre 1, cw1's; B: centre 1, unassigned; C: centre 2]. */
  let ids: [string, string, string];
  let incidents: Record<string, string>;
  let reports: [string, string, string];
  let names: Record<string, string>;
  let codes: Record<string, string>;

  const pdf = (path: string, s: { accessToken: string }) =>
    t.http
      .get(path)
      .set(...bearer(s))
      .buffer(true)
      .parse(binary);
  const caseForm = (caseId: string, s: { accessToken: string }, lang = '') =>
    pdf(`/api/cases/${caseId}/incidents/${incidents[caseId]}/report/form${lang}`, s);

  beforeAll(async () => {
    t = await createTestApp();
    actors = await signInMatrixActors(t);
    const serious = () =>
      openCaseBody({
        incident: incident({ serious: true, seriousReasons: ['life_threatening_injury'] }),
      });
    const bodies = [serious(), serious(), serious()];
    const a = await walkIn(t, actors.cw1, bodies[0]);
    const b = await walkIn(t, actors.sup1, bodies[1]);
    await t.http
      .post(`/api/cases/${b.id}/assign`)
      .set(...bearer(actors.sup1))
      .send({ userId: null });
    const c = await walkIn(t, actors.cw3, bodies[2]);
    ids = [a.id, b.id, c.id];
    names = Object.fromEntries(ids.map((id, i) => [id, bodies[i]?.survivor.fullName ?? '']));
    codes = { [a.id]: a.survivorCode, [b.id]: b.survivorCode, [c.id]: c.survivorCode };
    const owner = [actors.cw1, actors.sup1, actors.cw3];
    incidents = {};
    const drafted: string[] = [];
    for (const [i, id] of ids.entries()) {
      const who = owner[i] as MatrixSession;
      const detail = await t.http.get(`/api/cases/${id}`).set(...bearer(who));
      incidents[id] = detail.body.incidents[0].id as string;
      const base = `/api/cases/${id}/incidents/${incidents[id]}/report`;
      const draft = await t.http
        .post(base)
        .set(...bearer(who))
        .send({
          servicesGiven: ['psychosocial_counselling', 'no_contact_order_request'],
          agenciesInvolved: ['police', 'commune_committee'],
          narrative: NARRATIVE,
        });
      expect(draft.status).toBe(201);
      drafted.push(draft.body.id as string);
      // The first centre's two reports go to the province; the second centre's stays a draft.
      if (i < 2) {
        expect((await t.http.post(`${base}/approve`).set(...bearer(actors.sup1))).status).toBe(200);
        expect((await t.http.post(`${base}/submit`).set(...bearer(who))).status).toBe(200);
      }
    }
    reports = drafted as [string, string, string];
  });
  afterAll(() => t.close());

  it('lays the report out as the administrative form, in Vietnamese, with codes and no identity', async () => {
    const [a] = ids;
    const res = await caseForm(a, actors.cw1);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bao-cao-vu-viec-/);
    const body = res.body as Buffer;
    const text = (await readPdfText(body)).replace(/\s+/g, ' ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      DEMO_AGENCIES.socialWorkCentre.name.toUpperCase(),
      'BÁO CÁO',
      'Kết quả giải quyết vụ việc bạo lực trên cơ sở giới nghiêm trọng',
      `Kính gửi: Ủy ban nhân dân Thành phố Đà Nẵng (qua ${DEMO_AGENCIES.reportingAuthority.name}).`,
      'chậm nhất sau 10 ngày kể từ khi vụ việc được phát hiện',
      'I. THÔNG TIN VỤ VIỆC',
      `Mã người bị bạo lực: ${codes[a]}`,
      'Bạo lực thể chất',
      'Hình thức bạo lực gia đình: Thân thể',
      'Phường Hải Châu',
      'Lý do vụ việc nghiêm trọng: Thương tích đe dọa tính mạng',
      'II. KẾT QUẢ GIẢI QUYẾT',
      'Dịch vụ đã cung cấp: Tư vấn tâm lý – xã hội; Đề nghị cấm tiếp xúc',
      'Cơ quan, tổ chức tham gia giải quyết: Công an; UBND xã/phường',
      NARRATIVE,
      'III. THỜI HẠN BÁO CÁO',
      'Tình trạng báo cáo: Đã nộp',
      '(đúng hạn)',
      'THỦ TRƯỞNG ĐƠN VỊ',
      'Nơi nhận:',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Đà Nẵng, ngày \d\d tháng \d\d năm \d{4}/);
    expect(text).not.toContain(names[a] as string);
    expect(text).not.toContain('Nguyễn');
    expect(text).toMatch(/Hạn báo cáo \(10 ngày kể từ khi phát hiện\): 24:00 \d\d\/\d\d\/\d{4}/);
    // One A4 page: the form does not spill its last lines onto a second sheet.
    expect(text).toContain('· 1/1');
    // Rendered to PNG to look at (pdf.js draws it, so the file is a real, readable PDF).
    const png = await renderPdfPage(body);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    writeFileSync(join(tmpdir(), 'caunoi-incident-report-form.png'), png);

    const [audit] = (await t.dataSource.query(
      `SELECT actor_user_id AS actor, case_id AS "caseId", subject_id AS subject, details
         FROM audit_log WHERE action = 'incident_report.print' ORDER BY occurred_at DESC LIMIT 1`,
    )) as { actor: string; caseId: string; subject: string; details: unknown }[];
    expect(audit).toEqual({
      actor: actors.cw1.id,
      caseId: a,
      subject: reports[0],
      details: { lang: 'vi', status: 'submitted' },
    });
  });

  it('prints in English on request and names the field of a bad language', async () => {
    const [, b, c] = ids;
    const english = await caseForm(b, actors.sup1, '?lang=en');
    expect(english.status).toBe(200);
    const text = (await readPdfText(english.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('SOCIALIST REPUBLIC OF VIETNAM');
    expect(text).toContain('Result of handling a serious gender-based violence incident');
    expect(text).toContain('Services given: Psychosocial counselling; No-contact order request');
    // A draft prints too (the centre reads it before sending): not yet submitted.
    const draft = (await readPdfText((await caseForm(c, actors.cw3)).body as Buffer)).replace(
      /\s+/g,
      ' ',
    );
    expect(draft).toContain('Tình trạng báo cáo: Bản nháp');
    expect(draft).toContain('Nộp lúc: chưa');

    const bad = await t.http
      .get(`/api/cases/${b}/incidents/${incidents[b]}/report/form?lang=fr`)
      .set(...bearer(actors.sup1));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['lang']);
  });

  it('permission matrix: the case readers print from the case', async () => {
    await checkMatrix(actors, ids, 'print from the case', (s, id) => caseForm(id, s), {
      cw1: [200, 200, 404],
      cw2: [404, 200, 404],
      sup1: [200, 200, 404],
      cw3: [404, 404, 200],
      sup2: [404, 404, 200],
      ...NO_CASE_ROW,
    });
  });

  it('permission matrix: only the recipient reporting officer prints from the inbox', async () => {
    await t.dataSource.query(
      `INSERT INTO administrative_units (code, name, level) VALUES ('49', 'Tỉnh Khác Thử', 'province') ON CONFLICT DO NOTHING`,
    );
    const [other] = (await t.dataSource.query(
      `INSERT INTO agencies (type, name, province_code) VALUES ('reporting_authority', 'Sở nhận báo cáo tỉnh khác', '49') RETURNING id`,
    )) as { id: string }[];
    const stranger = await signedIn(t, 'reporting_officer', { agencyId: other?.id });
    const got: Record<string, number[]> = {};
    const expected: Record<string, number[]> = {};
    for (const actor of Object.keys(actors) as MatrixActor[]) {
      got[actor] = [];
      for (const id of reports) {
        got[actor]?.push((await pdf(`/api/incident-reports/${id}/form`, actors[actor])).status);
      }
      // The inbox is the reporting officers': to everyone else a report does not exist.
      expected[actor] = actor === 'reporting' ? [200, 200, 404] : [404, 404, 404];
    }
    got['stranger'] = [];
    for (const id of reports) {
      got['stranger'].push((await pdf(`/api/incident-reports/${id}/form`, stranger)).status);
    }
    expected['stranger'] = [404, 404, 404];
    expect(got).toEqual(expected);

    const text = (
      await readPdfText(
        (await pdf(`/api/incident-reports/${reports[1]}/form`, actors.reporting)).body,
      )
    ).replace(/\s+/g, ' ');
    expect(text).toContain(`Mã người bị bạo lực: ${codes[ids[1]]}`);
    expect(text).not.toContain(names[ids[1]] as string);
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'incident_report.print' AND actor_user_id = $1`,
      [actors.reporting.id],
    )) as [{ n: number }];
    expect(n).toBe(3);
  });
});
