import type { Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, createAgency, createUser, login, signedIn } from '../../../test-support/factories';
import { DEMO_AGENCIES } from '../seed/demo-data';

const NON_ADMIN_ROLES = ROLES.filter((r) => r !== 'admin');
const STRONG = 'a fresh synthetic passphrase';

describe('user administration', () => {
  let t: TestApp;
  let sessions: Record<Role, TestUser & Session>;
  let target: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    const entries = await Promise.all(
      ROLES.map(async (role) => [role, await signedIn(t, role)] as const),
    );
    sessions = Object.fromEntries(entries) as Record<Role, TestUser & Session>;
    target = await createUser(t, 'caseworker');
  });
  afterAll(() => t.close());

  const as = (role: Role) => bearer(sessions[role]);

  describe('permission matrix: every role on every admin endpoint', () => {
    const endpoints: {
      name: string;
      call: (role: Role) => Promise<{ status: number }>;
      adminStatus: number;
    }[] = [
      {
        name: 'POST /users',
        call: (role) =>
          t.http
            .post('/api/users')
            .set(...as(role))
            .send({
              username: `matrix.${role}.${Date.now()}`,
              displayName: 'Synthetic person',
              role: 'caseworker',
              agencyId: DEMO_AGENCIES.socialWorkCentre.id,
            }),
        adminStatus: 201,
      },
      {
        name: 'PATCH /users/:id',
        call: (role) =>
          t.http
            .patch(`/api/users/${target.id}`)
            .set(...as(role))
            .send({ displayName: 'Renamed synthetic' }),
        adminStatus: 200,
      },
      {
        name: 'POST /users/:id/disable',
        call: (role) => t.http.post(`/api/users/${target.id}/disable`).set(...as(role)),
        adminStatus: 200,
      },
      {
        name: 'POST /users/:id/enable',
        call: (role) => t.http.post(`/api/users/${target.id}/enable`).set(...as(role)),
        adminStatus: 200,
      },
      {
        // A request for a second person: 202 with the pending change (account-changes.int-spec).
        name: 'POST /users/:id/reset-password',
        call: (role) => t.http.post(`/api/users/${target.id}/reset-password`).set(...as(role)),
        adminStatus: 202,
      },
      {
        // Also waits for a second person (account-changes.int-spec, second-factor.int-spec).
        name: 'POST /users/:id/reset-second-factor',
        call: (role) => t.http.post(`/api/users/${target.id}/reset-second-factor`).set(...as(role)),
        adminStatus: 202,
      },
      {
        name: 'POST /agencies',
        call: (role) =>
          t.http
            .post('/api/agencies')
            .set(...as(role))
            .send({
              type: 'shelter',
              name: `Nhà tạm lánh ${role}`,
              provinceCode: '48',
              services: ['safe_shelter'],
            }),
        adminStatus: 201,
      },
      {
        name: 'PATCH /agencies/:id',
        call: (role) =>
          t.http
            .patch(`/api/agencies/${DEMO_AGENCIES.socialWorkCentreQuangNam.id}`)
            .set(...as(role))
            .send({ phone: '0235 111 222' }),
        adminStatus: 200,
      },
    ];

    for (const endpoint of endpoints) {
      it(`${endpoint.name}: admin is allowed`, async () => {
        expect((await endpoint.call('admin')).status).toBe(endpoint.adminStatus);
      });
      it.each(NON_ADMIN_ROLES)(`${endpoint.name}: %s is refused with 403`, async (role) => {
        expect((await endpoint.call(role)).status).toBe(403);
      });
    }

    it('GET /users: each role sees exactly the users its rules allow (others: only themselves)', async () => {
      // Searched by username: the run's database holds other suites' users too.
      const find = async (role: Role, someone: TestUser): Promise<boolean> => {
        const res = await t.http
          .get(`/api/users?limit=100&q=${encodeURIComponent(someone.username)}`)
          .set(...as(role));
        expect(res.status).toBe(200);
        return res.body.items.some((u: { id: string }) => u.id === someone.id);
      };
      for (const role of ROLES) {
        if (role === 'admin') {
          expect(await find(role, sessions.volunteer)).toBe(true);
          expect(await find(role, sessions.police_liaison)).toBe(true);
        } else if (role === 'supervisor' || role === 'caseworker') {
          expect(await find(role, target)).toBe(true);
          expect(await find(role, sessions.police_liaison)).toBe(false);
        } else {
          const res = await t.http.get('/api/users?limit=100').set(...as(role));
          expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([sessions[role].id]);
        }
      }
    });

    it('GET /agencies and /administrative-units: every role may read the directory', async () => {
      for (const role of ROLES) {
        expect((await t.http.get('/api/agencies').set(...as(role))).status).toBe(200);
        expect(
          (await t.http.get('/api/administrative-units?parentCode=48').set(...as(role))).status,
        ).toBe(200);
      }
    });
  });

  describe('agency scoping', () => {
    it("a supervisor lists only their own agency and gets 404 for another agency's user", async () => {
      const sup = sessions.supervisor;
      const otherCentreUser = await createUser(t, 'caseworker', {
        agencyId: DEMO_AGENCIES.socialWorkCentreQuangNam.id,
      });
      const res = await t.http.get('/api/users?limit=100').set(...bearer(sup));
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((u: { agencyId: string }) => u.agencyId === sup.agencyId)).toBe(
        true,
      );
      expect(
        (await t.http.get(`/api/users/${otherCentreUser.id}`).set(...bearer(sup))).status,
      ).toBe(404);
      expect((await t.http.get(`/api/users/${target.id}`).set(...bearer(sup))).status).toBe(200);
    });

    it('any role can read itself, and 404 for another user', async () => {
      const s = sessions.police_liaison;
      expect((await t.http.get(`/api/users/${s.id}`).set(...bearer(s))).status).toBe(200);
      expect(
        (await t.http.get(`/api/users/${sessions.health_liaison.id}`).set(...bearer(s))).status,
      ).toBe(404);
    });

    it('a malformed id is a 400 naming id', async () => {
      const res = await t.http.get('/api/users/not-a-uuid').set(...as('admin'));
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('id');
    });

    it('an unknown id is a 404', async () => {
      expect(
        (await t.http.get('/api/users/00000000-0000-4000-8000-000000000000').set(...as('admin')))
          .status,
      ).toBe(404);
    });
  });

  describe('keyset pagination', () => {
    it('walks every user exactly once, in username order', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const query: string = after ? `?limit=3&after=${after}` : '?limit=3';
        const res = await t.http.get(`/api/users${query}`).set(...as('admin'));
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...res.body.items.map((u: { username: string }) => u.username));
        after = res.body.nextCursor;
      } while (after);
      const [{ count }] = (await t.dataSource.query(
        'SELECT count(*)::int AS count FROM users',
      )) as { count: number }[];
      expect(seen).toHaveLength(count);
      expect([...seen].sort()).toEqual(seen);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('rejects a tampered cursor with 400 naming after', async () => {
      const res = await t.http.get('/api/users?after=%%%').set(...as('admin'));
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('after');
    });
  });

  describe('create', () => {
    const base = () => ({
      username: `new.user.${Date.now()}${Math.floor(Math.random() * 1000)}`,
      displayName: 'Synthetic new user',
      role: 'caseworker',
      agencyId: DEMO_AGENCIES.socialWorkCentre.id,
    });

    it('creates an account without a password, waiting for approval, and audits it', async () => {
      const body = base();
      const res = await t.http
        .post('/api/users')
        .set(...as('admin'))
        .send(body);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        username: body.username,
        role: 'caseworker',
        mustChangePassword: false,
        passwordSet: false,
        oneTimeCodeExpiresAt: null,
        disabled: false,
        pendingChanges: [{ kind: 'create_account' }],
      });
      expect(res.body).not.toHaveProperty('passwordHash');
      const audit = (await t.dataSource.query(
        `SELECT action, actor_user_id FROM audit_log WHERE subject_id = $1 ORDER BY id`,
        [res.body.id],
      )) as { action: string; actor_user_id: string }[];
      expect(audit).toEqual([
        { action: 'user.create', actor_user_id: sessions.admin.id },
        { action: 'account_change.request', actor_user_id: sessions.admin.id },
      ]);
    });

    it('refuses a password: an admin never chooses one for someone else', async () => {
      const body = { ...base(), password: STRONG };
      const res = await t.http
        .post('/api/users')
        .set(...as('admin'))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({
        field: 'password',
        code: 'whitelistValidation',
      });
    });

    it.each([
      [{ role: 'police_liaison' }, 'role', 'role_agency_mismatch'],
      [{ role: 'wizard' }, 'role', 'isIn'],
      [{ agencyId: 'nope' }, 'agencyId', 'isUuid'],
      [{ agencyId: '00000000-0000-4000-8000-000000000000' }, 'agencyId', 'not_found'],
      [{ username: 'Bad Name!' }, 'username', 'matches'],
      [{ displayName: '' }, 'displayName', 'isNotEmpty'],
      [{ isAdmin: true }, 'isAdmin', 'whitelistValidation'],
    ])('rejects %j with 400 on %s (%s) and writes nothing', async (patch, field, code) => {
      const body = { ...base(), ...patch };
      const res = await t.http
        .post('/api/users')
        .set(...as('admin'))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, code })]),
      );
      const rows = (await t.dataSource.query(`SELECT 1 FROM users WHERE username = $1`, [
        String(body.username).toLowerCase(),
      ])) as unknown[];
      expect(rows).toHaveLength(0);
    });

    it('refuses a taken username with 409', async () => {
      const res = await t.http
        .post('/api/users')
        .set(...as('admin'))
        .send({ ...base(), username: target.username });
      expect(res.status).toBe(409);
      expect(res.body.errors[0]).toMatchObject({ field: 'username', code: 'username_taken' });
    });
  });

  describe('edit and disable', () => {
    it('renames at once, without approval', async () => {
      const u = await createUser(t, 'caseworker');
      const res = await t.http
        .patch(`/api/users/${u.id}`)
        .set(...as('admin'))
        .send({ displayName: 'Tên mới tổng hợp', role: 'caseworker', agencyId: u.agencyId });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ displayName: 'Tên mới tổng hợp', pendingChanges: [] });
    });

    it('an admin cannot disable their own account (403 naming id)', async () => {
      const res = await t.http.post(`/api/users/${sessions.admin.id}/disable`).set(...as('admin'));
      expect(res.status).toBe(403);
      expect(res.body.errors[0]).toMatchObject({ field: 'id', code: 'own_account' });
    });

    it('disabling takes effect at once and ends the sessions', async () => {
      const u = await signedIn(t, 'volunteer');
      const res = await t.http.post(`/api/users/${u.id}/disable`).set(...as('admin'));
      expect(res.status).toBe(200);
      expect(res.body.disabled).toBe(true);
      expect((await t.http.get('/api/auth/me').set(...bearer(u))).status).toBe(401);
      await expect(login(t, u.username)).rejects.toThrow(/401/);
    });
  });

  describe('agencies', () => {
    it('validates units: unknown province and a commune outside the province are 400s naming the field', async () => {
      const unknownProvince = await t.http
        .post('/api/agencies')
        .set(...as('admin'))
        .send({ type: 'shelter', name: 'X', provinceCode: '99', services: [] });
      expect(unknownProvince.status).toBe(400);
      expect(unknownProvince.body.errors[0]).toMatchObject({
        field: 'provinceCode',
        code: 'not_found',
      });
      const wrongCommune = await t.http
        .post('/api/agencies')
        .set(...as('admin'))
        // Phường Ba Đình is a commune of Hà Nội, not of Đà Nẵng.
        .send({
          type: 'shelter',
          name: 'X',
          provinceCode: '48',
          communeCode: '00004',
          services: [],
        });
      expect(wrongCommune.status).toBe(400);
      expect(wrongCommune.body.errors[0]).toMatchObject({
        field: 'communeCode',
        code: 'not_in_province',
      });
      const badService = await t.http
        .post('/api/agencies')
        .set(...as('admin'))
        .send({ type: 'shelter', name: 'X', provinceCode: '48', services: ['magic'] });
      expect(badService.status).toBe(400);
      expect(badService.body.errors[0].field).toBe('services');
    });

    it('a disabled agency leaves the default list and takes no new users', async () => {
      const id = await createAgency(t, 'shelter');
      const res = await t.http
        .patch(`/api/agencies/${id}`)
        .set(...as('admin'))
        .send({ active: false });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(false);
      const list = await t.http.get('/api/agencies?limit=100&type=shelter').set(...as('admin'));
      expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
      const all = await t.http
        .get('/api/agencies?limit=100&type=shelter&includeInactive=true')
        .set(...as('admin'));
      expect(all.body.items.map((a: { id: string }) => a.id)).toContain(id);
      const user = await t.http
        .post('/api/users')
        .set(...as('admin'))
        .send({
          username: `shelter.${Date.now()}`,
          displayName: 'S',
          role: 'volunteer',
          agencyId: id,
        });
      expect(user.status).toBe(400);
      expect(user.body.errors[0].field).toBe('agencyId');
    });

    it('pages through agencies by name without repeats', async () => {
      const names: string[] = [];
      let after: string | null = null;
      do {
        const res: { body: { items: { name: string }[]; nextCursor: string | null } } = await t.http
          .get(`/api/agencies?limit=2${after ? `&after=${after}` : ''}`)
          .set(...as('caseworker'));
        names.push(...res.body.items.map((a: { name: string }) => a.name));
        after = res.body.nextCursor;
      } while (after);
      const [{ count }] = (await t.dataSource.query(
        'SELECT count(*)::int AS count FROM agencies WHERE active',
      )) as { count: number }[];
      expect(names).toHaveLength(count);
    });

    it('finds an agency by part of its name', async () => {
      const res = await t.http
        .get(`/api/agencies?q=${encodeURIComponent('Hải Châu')}`)
        .set(...as('caseworker'));
      expect(res.body.items.map((a: { id: string }) => a.id)).toContain(DEMO_AGENCIES.police.id);
    });
  });
});
