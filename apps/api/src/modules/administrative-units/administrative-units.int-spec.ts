import type {
  AdministrativeUnitDetailView,
  AdministrativeUnitView,
  Page,
} from '@caunoi/shared/contracts';
import { normaliseName, ROLES } from '@caunoi/shared/domain';
import type { Role } from '@caunoi/shared/domain';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, createAgency, signedIn } from '../../../test-support/factories';
import { DEMO_AGENCIES, DEMO_COMMUNES, DEMO_PROVINCE } from '../seed/demo-data';
import units from '../../database/data/administrative-units-2025-07-01.json';
import { AdministrativeUnitLookup } from './administrative-unit-lookup';

type S = TestUser & Session;

// Mutations work on a synthetic province of this suite's own, so other suites sharing the run's
// database keep the official units as migrated.
const P = '97';
const TODAY = '2026-06-15';

async function insertUnit(t: TestApp, code: string, name: string, parent: string | null) {
  await t.dataSource.query(
    `INSERT INTO administrative_units (code, name, level, parent_code, effective_from) VALUES ($1, $2, $3, $4, '2025-07-01')`,
    [code, name, parent ? 'commune' : 'province', parent],
  );
  await t.dataSource.query(
    `INSERT INTO administrative_unit_names (unit_code, name, effective_from) VALUES ($1, $2, '2025-07-01')`,
    [code, name],
  );
}

describe('administrative units', () => {
  let t: TestApp;
  let admin: S;
  let caseworker: S;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date(`${TODAY}T03:00:00Z`));
    admin = await signedIn(t, 'admin');
    caseworker = await signedIn(t, 'caseworker');
    await insertUnit(t, P, 'Tỉnh Thử Nghiệm', null);
    for (const [code, name] of [
      ['97001', 'Phường Một'],
      ['97002', 'Phường Hai'],
      ['97003', 'Xã Ba'],
      ['97004', 'Xã Bốn'],
      ['97005', 'Xã Năm'],
      ['97006', 'Xã Sáu'],
    ]) {
      await insertUnit(t, code, name, P);
    }
  });

  afterAll(() => t.close());

  const list = (session: S, query: Record<string, string | number>) =>
    t.http
      .get('/api/administrative-units')
      .query(query)
      .set(...bearer(session));

  describe('the official list, in every environment', () => {
    it('has the 34 provinces and 3,321 communes in force since 1 July 2025, Đà Nẵng with its 94', async () => {
      // Other suites may add synthetic units to the shared database: look up the official ones.
      const official = [
        ...units.provinces.map(([code, name]) => [code, name, null]),
        ...units.communes,
      ] as [string, string, string | null][];
      const rows = (await t.dataSource.query(
        `SELECT u.code, u.name, u.parent_code AS parent, u.level FROM administrative_units u
         WHERE u.code = ANY($1::text[]) AND u.status = 'active' AND u.effective_from = '2025-07-01'`,
        [official.map(([code]) => code)],
      )) as { code: string; name: string; parent: string | null; level: string }[];
      expect(rows.filter((r) => r.level === 'province')).toHaveLength(34);
      expect(rows.filter((r) => r.level === 'commune')).toHaveLength(3321);
      const byCode = new Map(rows.map((r) => [r.code, [r.code, r.name, r.parent]]));
      expect(
        official.filter(([code, name, parent]) => {
          const row = byCode.get(code);
          return row?.[1] !== name || row?.[2] !== parent;
        }),
      ).toEqual([]);
      expect(rows.filter((r) => r.parent === '48')).toHaveLength(94);
    });

    it('names the demo communes by their official codes', async () => {
      const res = await list(caseworker, {
        codes: DEMO_COMMUNES.map((c) => c.code).join(','),
        limit: 100,
      });
      expect(res.status).toBe(200);
      const body = res.body as Page<AdministrativeUnitView>;
      expect(new Map(body.items.map((u) => [u.code, u.name]))).toEqual(
        new Map(DEMO_COMMUNES.map((c) => [c.code, c.name])),
      );
      expect(
        body.items.every((u) => u.parentCode === DEMO_PROVINCE.code && u.status === 'active'),
      ).toBe(true);
    });

    it('folds names for search in SQL exactly as normaliseName does, for every unit', async () => {
      const rows = (await t.dataSource.query(
        `SELECT name, search_name FROM administrative_units`,
      )) as {
        name: string;
        search_name: string;
      }[];
      const differing = rows.filter((r) => normaliseName(r.name) !== r.search_name);
      expect(differing).toEqual([]);
      expect(rows.length).toBeGreaterThanOrEqual(34 + 3321);
    });
  });

  describe('GET /api/administrative-units', () => {
    it('pages the communes of one province by name, with no repeats, until the last page', async () => {
      const seen: AdministrativeUnitView[] = [];
      let after: string | null = null;
      do {
        const res = await list(caseworker, {
          level: 'commune',
          parentCode: '48',
          limit: 40,
          ...(after ? { after } : {}),
        });
        expect(res.status).toBe(200);
        seen.push(...(res.body as Page<AdministrativeUnitView>).items);
        after = (res.body as Page<AdministrativeUnitView>).nextCursor;
      } while (after);
      expect(seen).toHaveLength(94);
      expect(new Set(seen.map((u) => u.code)).size).toBe(94);
      const keys = seen.map((u) => normaliseName(u.name) ?? '');
      expect([...keys].sort()).toEqual(keys);
    });

    it('finds a commune by name typed without diacritics', async () => {
      const res = await list(caseworker, { parentCode: '48', q: 'hai chau' });
      expect(res.status).toBe(200);
      expect((res.body as Page<AdministrativeUnitView>).items.map((u) => u.name)).toEqual([
        'Phường Hải Châu',
      ]);
    });

    it('lists the 34 provinces', async () => {
      const res = await list(caseworker, { level: 'province', limit: 100 });
      const codes = (res.body as Page<AdministrativeUnitView>).items.map((u) => u.code);
      expect(codes).toEqual(expect.arrayContaining(units.provinces.map(([code]) => code)));
    });

    it.each([
      [{ level: 'district' }, 'level'],
      [{ parentCode: '480' }, 'parentCode'],
      [{ status: 'gone' }, 'status'],
      [{ codes: '20242,abc' }, 'codes'],
      [{ codes: ',' }, 'codes'],
      [{ after: 'not-a-cursor' }, 'after'],
    ])('answers 400 naming the field for %j', async (query, field) => {
      const res = await list(caseworker, query);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    });
  });

  describe('rename, retire, merge', () => {
    const post = (path: string, body: object, session: S = admin) =>
      t.http
        .post(`/api/administrative-units/${path}`)
        .set(...bearer(session))
        .send(body);

    it('rename keeps the code and records the old name with its period', async () => {
      const res = await post('97001/rename', {
        name: 'Phường Một Mới',
        effectiveFrom: '2026-01-01',
      });
      expect(res.status).toBe(200);
      const unit = res.body as AdministrativeUnitDetailView;
      expect(unit).toMatchObject({ code: '97001', name: 'Phường Một Mới', status: 'active' });
      expect(unit.names).toEqual([
        { name: 'Phường Một', effectiveFrom: '2025-07-01', effectiveTo: '2026-01-01' },
        { name: 'Phường Một Mới', effectiveFrom: '2026-01-01', effectiveTo: null },
      ]);
      const audit = (await t.dataSource.query(
        `SELECT action, actor_user_id FROM audit_log WHERE subject_type = 'AdministrativeUnit' AND subject_id = '97001'`,
      )) as { action: string; actor_user_id: string }[];
      expect(audit).toEqual([{ action: 'administrative_unit.rename', actor_user_id: admin.id }]);
    });

    it.each([
      [{ name: 'Phường Hai', effectiveFrom: '2026-02-01' }, 400, 'name_taken'],
      [{ name: 'Phường Khác', effectiveFrom: '2026-06-16' }, 400, 'in_future'],
      [{ name: 'Phường Khác', effectiveFrom: '2025-12-31' }, 400, 'not_after_start'],
      [{ name: 'Phường Khác', effectiveFrom: '2026-13-01' }, 400, 'invalid_date'],
      [{ name: '', effectiveFrom: '2026-02-01' }, 400, 'name'],
    ])('refuses a rename %j with %i %s', async (body, status, code) => {
      const res = await post('97001/rename', body);
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.body)).toContain(code);
    });

    it('retire ends a commune: it leaves the pickers, new records cannot name it, old ones keep it', async () => {
      const res = await post('97006/retire', { effectiveTo: '2026-03-01' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'retired',
        effectiveTo: '2026-03-01',
        successor: null,
      });
      const active = await list(caseworker, { parentCode: P, limit: 100 });
      expect((active.body as Page<AdministrativeUnitView>).items.map((u) => u.code)).not.toContain(
        '97006',
      );
      const retired = await list(caseworker, { parentCode: P, status: 'retired' });
      expect((retired.body as Page<AdministrativeUnitView>).items.map((u) => u.code)).toEqual([
        '97006',
      ]);

      const lookup = t.app.get(AdministrativeUnitLookup);
      await expect(lookup.requireCommune('97006', 'communeCode')).rejects.toMatchObject({
        status: 400,
      });
      await expect(
        lookup.requireCommune('97006', 'communeCode', { keep: '97006' }),
      ).resolves.toMatchObject({
        code: '97006',
      });
      expect((await post('97006/retire', { effectiveTo: '2026-04-01' })).status).toBe(409);
      expect(
        (await post('97006/rename', { name: 'Xã Sáu Mới', effectiveFrom: '2026-04-01' })).status,
      ).toBe(409);
    });

    it('a province with communes in force cannot be retired', async () => {
      const res = await post(`${P}/retire`, { effectiveTo: '2026-03-01' });
      expect(res.status).toBe(409);
      expect(JSON.stringify(res.body)).toContain('has_active_communes');
    });

    it('merge retires communes into an existing one; agencies covering them cover it; old codes count under it', async () => {
      const agencyId = await createAgency(t, 'police');
      await t.dataSource.query(
        `UPDATE agencies SET province_code = $2, commune_code = '97002', coverage_commune_codes = ARRAY['97002', '97003', '97005'] WHERE id = $1`,
        [agencyId, P],
      );
      const res = await post('merge', {
        codes: ['97002', '97003'],
        effectiveOn: '2026-05-01',
        successor: { code: '97005' },
      });
      expect(res.status).toBe(200);
      const merged = res.body as AdministrativeUnitDetailView;
      expect(merged.code).toBe('97005');
      expect(merged.predecessors.map((u) => [u.code, u.status, u.effectiveTo])).toEqual([
        ['97002', 'retired', '2026-05-01'],
        ['97003', 'retired', '2026-05-01'],
      ]);
      const [agency] = (await t.dataSource.query(
        `SELECT commune_code, coverage_commune_codes FROM agencies WHERE id = $1`,
        [agencyId],
      )) as { commune_code: string; coverage_commune_codes: string[] }[];
      // The seat keeps the code it had; the coverage names the unit in force, once.
      expect(agency?.commune_code).toBe('97002');
      expect(agency?.coverage_commune_codes).toEqual(['97005']);

      const old = (await t.http.get('/api/administrative-units/97002').set(...bearer(caseworker)))
        .body as AdministrativeUnitDetailView;
      expect(old.successor?.code).toBe('97005');
      expect(old.current.code).toBe('97005');
    });

    it('merge into a new unit; a chain of mergers resolves to the unit in force (view and repository)', async () => {
      const res = await post('merge', {
        codes: ['97004', '97005'],
        effectiveOn: '2026-06-01',
        successor: { code: '97010', name: 'Xã Hợp Nhất', parentCode: P },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        code: '97010',
        status: 'active',
        effectiveFrom: '2026-06-01',
        parentName: 'Tỉnh Thử Nghiệm',
      });
      const resolved = await t.app
        .get(AdministrativeUnitLookup)
        .resolveCurrentCodes(['97002', '97004', '97006', '97001', '20242']);
      expect(Object.fromEntries(resolved)).toEqual({
        '97002': '97010', // 97002 → 97005 → 97010
        '97004': '97010',
        '97006': '97006', // retired without successor: counted as itself
        '97001': '97001',
        '20242': '20242',
      });
      const [view] = (await t.dataSource.query(
        `SELECT current_code, hops FROM administrative_unit_current_codes WHERE code = '97003'`,
      )) as { current_code: string; hops: number }[];
      expect(view).toEqual({ current_code: '97010', hops: 2 });
    });

    it.each([
      [
        { codes: ['97001'], effectiveOn: '2026-06-10', successor: { code: '97001' } },
        400,
        'successor_is_source',
      ],
      [
        { codes: ['97001'], effectiveOn: '2026-06-10', successor: { code: '97002' } },
        409,
        'unit_retired',
      ],
      [
        { codes: ['97001'], effectiveOn: '2026-06-10', successor: { code: '48' } },
        400,
        'level_mismatch',
      ],
      [
        { codes: ['97001', P], effectiveOn: '2026-06-10', successor: { code: '97010' } },
        409,
        'has_active_communes',
      ],
      [
        {
          codes: ['97001'],
          effectiveOn: '2026-06-10',
          successor: { code: '97010', name: 'X', parentCode: P },
        },
        409,
        'code_taken',
      ],
      [
        {
          codes: ['97001'],
          effectiveOn: '2026-06-10',
          successor: { code: '97011', name: 'Xã Y', parentCode: '95' },
        },
        400,
        'not_found',
      ],
      [
        {
          codes: ['97001'],
          effectiveOn: '2026-06-10',
          successor: { code: '97011', name: 'Xã Hợp Nhất', parentCode: P },
        },
        400,
        'name_taken',
      ],
      [{ codes: [], effectiveOn: '2026-06-10', successor: { code: '97010' } }, 400, 'codes'],
      [{ codes: ['97001'], effectiveOn: '2026-06-10', successor: [] }, 400, 'successor'],
      [{ codes: ['97001'], effectiveOn: '2026-06-10' }, 400, 'successor'],
      [
        { codes: ['97001'], effectiveOn: '2026-06-10', successor: { code: 'x' } },
        400,
        'successor.code',
      ],
    ])('refuses a merge %j with %i %s', async (body, status, code) => {
      const res = await post('merge', body);
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.body)).toContain(code);
    });

    it('nothing is half-written when a merge is refused', async () => {
      const [row] = (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM administrative_units WHERE code = '97011'`,
      )) as { n: number }[];
      expect(row?.n).toBe(0);
      const unit = (await t.http.get('/api/administrative-units/97001').set(...bearer(admin)))
        .body as AdministrativeUnitDetailView;
      expect(unit.status).toBe('active');
    });
  });

  describe('permission matrix: every role, a unit of its own province and of another', () => {
    let sessions: Record<Role, S>;

    beforeAll(async () => {
      sessions = Object.fromEntries(
        await Promise.all(ROLES.map(async (role) => [role, await signedIn(t, role)] as const)),
      ) as Record<Role, S>;
      await insertUnit(t, '97101', 'Xã Ma Trận', P);
    });

    // Own province: a Đà Nẵng commune (every demo agency is in Đà Nẵng); other: the test province.
    const units = { own: '20285', other: '97101' };

    it.each(ROLES)('%s reads the list and a unit of either province', async (role) => {
      for (const code of Object.values(units)) {
        expect((await list(sessions[role], { codes: code })).status).toBe(200);
        const res = await t.http
          .get(`/api/administrative-units/${code}`)
          .set(...bearer(sessions[role]));
        expect(res.status).toBe(200);
      }
    });

    it.each(ROLES)('%s may rename, retire and merge only as admin', async (role) => {
      const expected = role === 'admin' ? 400 : 403;
      for (const code of Object.values(units)) {
        // Bodies that an admin would be refused for (a date in the future), so nothing changes.
        const rename = await t.http
          .post(`/api/administrative-units/${code}/rename`)
          .set(...bearer(sessions[role]))
          .send({ name: 'Tên Khác', effectiveFrom: '2099-01-01' });
        expect(rename.status).toBe(expected);
        const retire = await t.http
          .post(`/api/administrative-units/${code}/retire`)
          .set(...bearer(sessions[role]))
          .send({ effectiveTo: '2099-01-01' });
        expect(retire.status).toBe(expected);
      }
      const merge = await t.http
        .post('/api/administrative-units/merge')
        .set(...bearer(sessions[role]))
        .send({ codes: [units.own], effectiveOn: '2099-01-01', successor: { code: units.other } });
      expect(merge.status).toBe(expected);
    });

    it('an unknown code is a 404 and nobody signed out reads units', async () => {
      expect(
        (await t.http.get('/api/administrative-units/99999').set(...bearer(admin))).status,
      ).toBe(404);
      expect((await t.http.get('/api/administrative-units')).status).toBe(401);
    });
  });

  it('the demo agencies lie in Đà Nẵng communes in force', async () => {
    const rows = (await t.dataSource.query(
      `SELECT a.id FROM agencies a JOIN administrative_units u ON u.code = a.commune_code
       WHERE a.id = ANY($1::uuid[]) AND u.status = 'active' AND u.parent_code = '48'`,
      [Object.values(DEMO_AGENCIES).map((a) => a.id)],
    )) as unknown[];
    expect(rows).toHaveLength(Object.values(DEMO_AGENCIES).length);
  });
});
