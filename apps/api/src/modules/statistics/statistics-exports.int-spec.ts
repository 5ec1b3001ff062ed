import type { PublishedNumber, StatisticsView } from '@caunoi/shared/contracts';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import { binary, readPdfText, readXlsx } from '../../../test-support/export-readers';
import {
  insertAgency,
  seedCalls,
  seedCases,
  survivorCodesOf,
  unusedProvinces,
} from '../../../test-support/statistics-fixtures';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';

type S = TestUser & Session;

/**
 * XLSX and PDF exports of the statistics on real PostgreSQL: the files are opened again (exceljs,
 * pdf.js) and must hold exactly the published numbers of the screen, "<5" where suppressed, and no
 * survivor code.
 */
describe('statistics exports', () => {
  let t: TestApp;
  let centre: string;
  let communes: string[];
  let otherCommune: string;
  let supervisor: S;
  let officer: S;
  let officerQ: S;
  const quarter = { period: 'quarter', year: 2025, quarter: 1 };

  const download = (who: S, query: Record<string, string | number>) =>
    t.http
      .post('/api/statistics/export')
      .send(query)
      .set(...bearer(who))
      .buffer(true)
      .parse(binary);

  async function view(who: S, query: Record<string, string | number>): Promise<StatisticsView> {
    const res = await t.http
      .get('/api/statistics')
      .query(query)
      .set(...bearer(who));
    expect(res.status).toBe(200);
    return res.body as StatisticsView;
  }

  /** Category code → published value of each table of the first block's cases. */
  function publishedCases(v: StatisticsView): Map<string, PublishedNumber> {
    const cases = v.blocks[0].populations.find((p) => p.population === 'cases');
    const out = new Map<string, PublishedNumber>([['total', cases?.total ?? 0]]);
    for (const table of cases?.tables ?? []) {
      for (const cell of table.cells) out.set(`${table.id}/${cell.category}`, cell.value);
    }
    return out;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const [p, q] = await unusedProvinces(t, 2);
    communes = p.communes;
    otherCommune = q.communes[0];
    centre = await insertAgency(
      t,
      'social_work_centre',
      p.code,
      'Trung tâm Công tác xã hội Đồng Tháp',
    );
    const reporting = await insertAgency(t, 'reporting_authority', p.code, 'Sở Y tế thử nghiệm');
    const reportingQ = await insertAgency(t, 'reporting_authority', q.code, 'Sở tỉnh khác');
    supervisor = await signedIn(t, 'supervisor', { agencyId: centre });
    officer = await signedIn(t, 'reporting_officer', { agencyId: reporting });
    officerQ = await signedIn(t, 'reporting_officer', { agencyId: reportingQ });
    const [A, B] = communes;
    const at = (openedAt: string, communeCode: string) => ({
      agencyId: centre,
      communeCode,
      openedAt,
      openedBy: supervisor.id,
    });
    // January: 3 by the hotline in A (small), 20 walk-ins in B; February: 7 women and 2 men in A.
    await seedCases(t, 3, { ...at('2025-01-10T03:00:00Z', A), source: 'call' });
    await seedCases(t, 20, at('2025-01-15T03:00:00Z', B));
    await seedCases(t, 7, at('2025-02-10T03:00:00Z', A));
    await seedCases(t, 2, { ...at('2025-02-11T03:00:00Z', A), survivor: { sex: 'male' } });
    // February: 6 hotline calls in A, all counselling; 2 of the callers anonymous (small).
    const call = { agencyId: centre, operatorId: supervisor.id, communeCode: A, sex: 'female' };
    const counselling = { ...call, startedAt: '2025-02-12T03:00:00Z', outcome: 'counselling' };
    await seedCalls(t, 4, { ...counselling, callerType: 'survivor' });
    await seedCalls(t, 2, { ...counselling, callerType: 'anonymous' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('XLSX: the same published numbers as the screen, "<5" kept as text, codes beside labels, no survivor code', async () => {
    const v = await view(officer, quarter);
    const expected = publishedCases(v);
    expect(expected.get('total')).toBe(32);
    // The 3 hotline calls and the 2 men are small: the screen hides them, and the file must too.
    expect(expected.get('channel/hotline')).toBe('<5');
    expect(expected.get('sex/male')).toBe('<5');

    const res = await download(officer, { ...quarter, format: 'xlsx' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('thong-ke.xlsx');
    const sheets = await readXlsx(res.body as Buffer);
    expect([...sheets.keys()]).toEqual(['Quý 1-2025', 'Xu hướng']);
    const rows = sheets.get('Quý 1-2025') ?? [];
    expect(rows[0][0]).toBe('Số liệu thống kê');
    // Each cases table: a title row "Ca tiếp nhận: <table>", a header, then label, code, value.
    // A table is its title (a row without a code), a header (code column "Mã"), then label, code, value.
    const found = new Map<string, PublishedNumber>();
    let title = '';
    for (const [label, code, value] of rows) {
      if (code === null) title = String(label ?? '');
      else if (code !== 'Mã') found.set(`${title}|${code}`, value as PublishedNumber);
    }
    expect(found.get('Ca tiếp nhận|total')).toBe(32);
    expect(found.get('Ca tiếp nhận: Giới tính|male')).toBe('<5');
    expect(found.get('Ca tiếp nhận: Giới tính|female')).toBe(expected.get('sex/female'));
    expect(found.get('Ca tiếp nhận: Kênh tiếp cận|hotline')).toBe('<5');
    expect(found.get('Ca tiếp nhận: Kênh tiếp cận|walk_in')).toBe(expected.get('channel/walk_in'));
    expect(found.get('Ca tiếp nhận: Mức độ nguy cơ (lần đánh giá gần nhất)|not_assessed')).toBe(
      expected.get('risk_level/not_assessed'),
    );
    expect(expected.get('risk_level/not_assessed')).toBe(32);
    const labels = rows.map((r) => r[0]);
    expect(labels).toContain('Nữ');
    expect(labels).toContain('Đường dây nóng × Nữ');
    // The risk and safety-plan tables and their cross-tab, labelled on both sides of "×".
    expect(labels).toContain('Chưa đánh giá nguy cơ');
    expect(labels).toContain('Nguy cơ cao × Có kế hoạch an toàn');
    expect(labels).toContain('Ca nguy cơ cao có kế hoạch an toàn');
    // The hotline calls, services and response times have their tables too, "<5" where small.
    expect(found.get('Cuộc gọi đến đường dây nóng|total')).toBe(6);
    expect(found.get('Cuộc gọi đến đường dây nóng: Kết quả cuộc gọi|counselling')).toBe(6);
    expect(found.get('Cuộc gọi đến đường dây nóng: Người gọi|anonymous')).toBe('<5');
    expect(found.get('Cuộc gọi đến đường dây nóng: Người gọi|survivor')).toBe('<5');
    expect(found.get('Dịch vụ đã cung cấp: Ngành cung cấp dịch vụ|police')).toBe(0);
    expect(found.get('Chuyển gửi: Thời gian phản hồi chuyển gửi|within_1h')).toBe(0);
    expect(
      found.get(
        'Giới thiệu từ cộng đồng (địa chỉ tin cậy): Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới|in_window',
      ),
    ).toBe(0);
    expect(labels).toContain('Tháng hành động (15/11–15/12): cuộc gọi đến đường dây nóng');

    // Nowhere a count from 1 to 4, and no survivor code anywhere.
    const all = [...sheets.values()].flat(2);
    expect(all.filter((c) => typeof c === 'number' && c >= 1 && c <= 4)).toEqual([]);
    const text = JSON.stringify(all);
    for (const code of await survivorCodesOf(t, centre)) expect(text).not.toContain(code);
  });

  it('PDF: Vietnamese text with its diacritics, the same numbers, "<5", no survivor code; English on request', async () => {
    const res = await download(officer, { ...quarter, format: 'pdf' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await readPdfText(body);
    expect(text).toContain('Số liệu thống kê');
    expect(text).toContain('Quý 1/2025');
    expect(text).toContain('Ca tiếp nhận: Kênh tiếp cận × giới tính');
    expect(text).toContain('Ca tiếp nhận: Mức độ nguy cơ (lần đánh giá gần nhất)');
    expect(text).toContain('Ca có kế hoạch an toàn');
    expect(text).toMatch(/Đường dây nóng\s+<5/);
    expect(text).toMatch(/Nam\s+<5/);
    expect(text).toMatch(/Tổng\s+32/);
    expect(text).toContain('Cuộc gọi đến đường dây nóng: Kết quả cuộc gọi');
    expect(text).toMatch(/Tư vấn\s+6/);
    expect(text).toMatch(/Ẩn danh\s+<5/);
    expect(text).toContain('Dịch vụ đã cung cấp: Ngành cung cấp dịch vụ');
    expect(text).toContain('Chuyển gửi: Thời gian phản hồi chuyển gửi');
    for (const code of await survivorCodesOf(t, centre)) expect(text).not.toContain(code);

    const english = await readPdfText(
      (await download(officer, { ...quarter, format: 'pdf', lang: 'en' })).body as Buffer,
    );
    expect(english).toContain('Statistics');
    expect(english).toMatch(/Hotline\s+<5/);
    expect(english).not.toContain('Số liệu thống kê');
  });

  it("the whole scope lists each commune's totals exactly as the commune alone answers, in the files too", async () => {
    const scope = await view(officer, quarter);
    const byCommune = scope.blocks[0].communes ?? [];
    // A and B had cases, C none; listed in the order of the area chooser (by name).
    expect(byCommune.map((c) => c.code).sort()).toEqual(communes.slice(0, 2).sort());
    for (const { code, totals } of byCommune) {
      const alone = await view(officer, { ...quarter, area: code });
      const own = Object.fromEntries(
        alone.blocks[0].populations.map((p) => [p.population, p.total]),
      );
      expect(totals).toEqual(own);
    }
    // A commune chosen as the area lists no communes.
    expect(
      (await view(officer, { ...quarter, area: communes[0] })).blocks[0].communes,
    ).toBeUndefined();
    const sheets = await readXlsx(
      (await download(officer, { ...quarter, format: 'xlsx' })).body as Buffer,
    );
    const rows = sheets.get('Quý 1-2025') ?? [];
    const title = rows.findIndex((r) => r[0] === 'Theo xã, phường, đặc khu');
    expect(rows.slice(title + 2, title + 4).map((r) => [r[1], r[2]])).toEqual(
      byCommune.map((c) => [c.code, c.totals.cases]),
    );
  });

  it("a commune: the commune's published totals only", async () => {
    const v = await view(officer, { ...quarter, area: communes[1] });
    const res = await download(officer, { ...quarter, area: communes[1], format: 'pdf' });
    expect(res.status).toBe(200);
    const text = await readPdfText(res.body as Buffer);
    expect(text).toContain(`Địa bàn: ${v.area.name}`);
    expect(text).toMatch(new RegExp(`Tổng\\s+${String(publishedCases(v).get('total'))}`));
  });

  it('audits every export: who, which period, area, format and language', async () => {
    await download(supervisor, { ...quarter, format: 'xlsx', lang: 'en' });
    const rows = (await t.dataSource.query(
      `SELECT details FROM audit_log WHERE actor_user_id = $1 AND action = 'statistics.export'`,
      [supervisor.id],
    )) as { details: Record<string, unknown> }[];
    expect(rows.map((r) => r.details)).toEqual([
      {
        period: 'quarter',
        from: '2025-01',
        to: '2025-03',
        area: 'all',
        format: 'xlsx',
        lang: 'en',
        protected: false,
      },
    ]);
  });

  it('a password protects the XLSX and the PDF: unreadable without it, the same numbers with it, never kept', async () => {
    const password = 'Đà Nẵng tháng 12';
    const expected = publishedCases(await view(officer, quarter));

    const xlsx = await download(supervisor, { ...quarter, format: 'xlsx', password });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('thong-ke.xlsx');
    const locked = xlsx.body as Buffer;
    // An encrypted Office file is an OLE container, not a ZIP: no reader opens it without the password.
    expect(locked.subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    await expect(readXlsx(locked)).rejects.toThrow();
    await expect(readXlsx(locked, 'sai mật khẩu')).rejects.toThrow(/password/i);
    const rows = (await readXlsx(locked, password)).get('Quý 1-2025') ?? [];
    expect(rows.find((r) => r[1] === 'male')?.[2]).toBe('<5');
    expect(rows.find((r) => r[1] === 'walk_in')?.[2]).toBe(expected.get('channel/walk_in'));

    const pdf = await download(supervisor, { ...quarter, format: 'pdf', password });
    expect(pdf.status).toBe(200);
    const lockedPdf = pdf.body as Buffer;
    expect(lockedPdf.toString('latin1')).toContain('/Encrypt');
    await expect(readPdfText(lockedPdf)).rejects.toThrow();
    await expect(readPdfText(lockedPdf, 'sai mật khẩu')).rejects.toThrow();
    const text = await readPdfText(lockedPdf, password);
    expect(text).toContain('Số liệu thống kê');
    expect(text).toMatch(/Nam\s+<5/);

    // Audited as protected; the password is in no audit row.
    const audit = (await t.dataSource.query(
      `SELECT details FROM audit_log WHERE actor_user_id = $1 AND action = 'statistics.export'
        AND details->>'protected' = 'true'`,
      [supervisor.id],
    )) as { details: Record<string, unknown> }[];
    expect(audit.map((r) => r.details['format']).sort()).toEqual(['pdf', 'xlsx']);
    const everyRow = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE details::text LIKE '%' || $1 || '%'`,
      [password],
    )) as { n: number }[];
    expect(everyRow[0].n).toBe(0);
  });

  it("another province's officer: 404 for this province's commune, and no file", async () => {
    const res = await download(officerQ, { ...quarter, area: communes[0], format: 'xlsx' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    const own = await download(officerQ, { ...quarter, area: otherCommune, format: 'pdf' });
    expect(own.status).toBe(200);
  });

  it.each([
    [{ format: 'docx' }, 'format', 'isIn'],
    [{ lang: 'fr' }, 'lang', 'isIn'],
    [{ format: 'xlsx', password: 'ngắn' }, 'password', 'minLength'],
    [{ format: 'pdf', password: 'x'.repeat(129) }, 'password', 'maxLength'],
    [{ format: 'pdf', password: 12345678 }, 'password', 'isString'],
    [{ format: 'pdf', password: null }, 'password', 'isString'],
    [{ format: 'pdf', password: 'mật khẩu 😀 vui' }, 'password', 'unsupported_characters'],
    [{ format: 'xlsx', password: 'ký tự\u0007điều khiển' }, 'password', 'unsupported_characters'],
    [{ format: 'csv', password: 'đủ dài rồi đấy' }, 'password', 'not_for_csv'],
    [{ password: 'đủ dài rồi đấy' }, 'password', 'not_for_csv'],
  ])('bad input %j → 400 naming %s (%s)', async (extra, field, code) => {
    const res = await t.http
      .post('/api/statistics/export')
      .send({ ...quarter, ...extra })
      .set(...bearer(officer));
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field, code }));
  });
});
