import type { AccountChangeDecisionView, AccountChangeView } from '@caunoi/shared/contracts';
import type { AgencyType, Role } from '@caunoi/shared/domain';
import { ONE_TIME_CODE_MAX_FAILURES, ROLES } from '@caunoi/shared/domain';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { HOUR } from '../../../test-support/test-clock';
import type { Session, TestUser } from '../../../test-support/factories';
import {
  HOME_AGENCY,
  TEST_PASSWORD,
  bearer,
  createUser,
  login,
  signedIn,
} from '../../../test-support/factories';
import { DEMO_AGENCIES } from '../seed/demo-data';

type S = TestUser & Session;

const NEW_PASSWORD = 'a passphrase the holder chose';
const CENTRE = DEMO_AGENCIES.socialWorkCentre.id;
const OTHER_CENTRE = DEMO_AGENCIES.socialWorkCentreQuangNam.id;

/**
 * The two-person rule on accounts (issue 9, finding 1): nobody changes their own role, agency or
 * disabled state; a new account, a new grant, enabling and a password reset wait for a different
 * person with authority; a reset never gives the admin a working password.
 */
describe('account changes: the two-person rule', () => {
  let t: TestApp;
  let adminA: S;
  let adminB: S;
  let supervisorHere: S;
  let supervisorThere: S;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    t.clock.set(new Date());
    // Fresh sessions each test: some tests move the clock past the session lifetime.
    adminA = await signedIn(t, 'admin');
    adminB = await signedIn(t, 'admin');
    supervisorHere = await signedIn(t, 'supervisor', { agencyId: CENTRE });
    supervisorThere = await signedIn(t, 'supervisor', { agencyId: OTHER_CENTRE });
  });
  afterAll(() => t.close());

  const newUsername = (prefix: string) =>
    `${prefix}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;

  async function createAccount(
    by: S,
    role: Role,
    agencyId: string,
  ): Promise<{ id: string; username: string; changeId: string }> {
    const username = newUsername(role.replace(/_/g, '-'));
    const res = await t.http
      .post('/api/users')
      .set(...bearer(by))
      .send({ username, displayName: `Synthetic ${role}`, role, agencyId });
    expect(res.status).toBe(201);
    return { id: res.body.id, username, changeId: res.body.pendingChanges[0].id };
  }

  const approve = (by: { accessToken: string }, changeId: string) =>
    t.http.post(`/api/account-changes/${changeId}/approve`).set(...bearer(by));
  const reject = (by: { accessToken: string }, changeId: string, reason = 'Không đúng người') =>
    t.http
      .post(`/api/account-changes/${changeId}/reject`)
      .set(...bearer(by))
      .send({ reason });
  const setPassword = (username: string, code: string, newPassword = NEW_PASSWORD) =>
    t.http.post('/api/account-setup/password').send({ username, code, newPassword });
  const tryLogin = (username: string, password: string) =>
    t.http.post('/api/auth/login').send({ username, password });

  async function approvedCode(by: S, changeId: string): Promise<string> {
    const res = await approve(by, changeId);
    expect(res.status).toBe(200);
    const body = res.body as AccountChangeDecisionView;
    expect(body.oneTimeCode?.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    return body.oneTimeCode?.code ?? '';
  }

  async function roleOf(id: string): Promise<{ role: string; agency_id: string }> {
    const [row] = (await t.dataSource.query(`SELECT role, agency_id FROM users WHERE id = $1`, [
      id,
    ])) as { role: string; agency_id: string }[];
    return row ?? { role: '', agency_id: '' };
  }

  describe('nobody changes their own role, agency or disabled state', () => {
    it('refuses an admin who makes themself a supervisor of a centre (403 naming role)', async () => {
      const res = await t.http
        .patch(`/api/users/${adminA.id}`)
        .set(...bearer(adminA))
        .send({ role: 'supervisor', agencyId: CENTRE });
      expect(res.status).toBe(403);
      expect(res.body.errors[0]).toMatchObject({ field: 'role', code: 'own_account' });
      expect(await roleOf(adminA.id)).toEqual({ role: 'admin', agency_id: adminA.agencyId });
      const pending = (await t.dataSource.query(
        `SELECT 1 FROM account_changes WHERE target_user_id = $1`,
        [adminA.id],
      )) as unknown[];
      expect(pending).toHaveLength(0);
    });

    it('refuses moving oneself to another agency (403 naming agencyId)', async () => {
      const centreAdmin = await signedIn(t, 'admin', { agencyId: CENTRE });
      const res = await t.http
        .patch(`/api/users/${centreAdmin.id}`)
        .set(...bearer(centreAdmin))
        .send({ agencyId: DEMO_AGENCIES.reportingAuthority.id });
      expect(res.status).toBe(403);
      expect(res.body.errors[0]).toMatchObject({ field: 'agencyId', code: 'own_account' });
    });

    it('refuses disabling, enabling or resetting oneself (403 naming id), allows renaming', async () => {
      for (const action of ['disable', 'enable', 'reset-password']) {
        const res = await t.http.post(`/api/users/${adminA.id}/${action}`).set(...bearer(adminA));
        expect([action, res.status, res.body.errors?.[0]?.code]).toEqual([
          action,
          403,
          'own_account',
        ]);
      }
      const renamed = await t.http
        .patch(`/api/users/${adminA.id}`)
        .set(...bearer(adminA))
        .send({ displayName: 'Quản trị tổng hợp' });
      expect(renamed.status).toBe(200);
      expect(renamed.body.displayName).toBe('Quản trị tổng hợp');
    });
  });

  describe('a new account', () => {
    it('cannot sign in until a second admin approves and the holder sets a password', async () => {
      const account = await createAccount(adminA, 'supervisor', CENTRE);
      const view = await t.http.get(`/api/users/${account.id}`).set(...bearer(adminA));
      expect(view.body).toMatchObject({
        role: 'supervisor',
        passwordSet: false,
        pendingChanges: [{ id: account.changeId, kind: 'create_account' }],
      });
      // No password exists that anyone could use: not a guess, not the test password.
      expect((await tryLogin(account.username, TEST_PASSWORD)).status).toBe(401);

      const own = await approve(adminA, account.changeId);
      expect(own.status).toBe(403);
      expect(own.body.errors[0]).toMatchObject({ field: 'id', code: 'own_request' });

      const code = await approvedCode(adminB, account.changeId);
      expect((await tryLogin(account.username, TEST_PASSWORD)).status).toBe(401);
      const after = await t.http.get(`/api/users/${account.id}`).set(...bearer(adminA));
      expect(after.body).toMatchObject({ passwordSet: false, pendingChanges: [] });
      expect(after.body.oneTimeCodeExpiresAt).toEqual(expect.any(String));

      expect((await setPassword(account.username, code)).status).toBe(204);
      const session = await login(t, account.username, NEW_PASSWORD);
      const me = await t.http.get('/api/auth/me').set(...bearer(session));
      expect(me.body.user).toMatchObject({ role: 'supervisor', mustChangePassword: false });
      expect(me.body.agency.id).toBe(CENTRE);
    });

    it('shows the code to the approver only: the requester’s answers never carry it', async () => {
      const username = newUsername('cw');
      const created = await t.http
        .post('/api/users')
        .set(...bearer(adminA))
        .send({ username, displayName: 'Synthetic', role: 'caseworker', agencyId: CENTRE });
      const changeId = created.body.pendingChanges[0].id as string;
      const decided = await approve(adminB, changeId);
      const code = decided.body.oneTimeCode.code as string;
      const list = await t.http
        .get(`/api/account-changes?status=approved&userId=${created.body.id}`)
        .set(...bearer(adminA));
      for (const body of [created.body, list.body]) {
        expect(JSON.stringify(body)).not.toContain(code);
      }
      const stored = (await t.dataSource.query(
        `SELECT encode(code_hash, 'hex') AS h FROM one_time_codes WHERE user_id = $1`,
        [created.body.id],
      )) as { h: string }[];
      expect(stored).toHaveLength(1);
      expect(stored[0]?.h).not.toContain(code.replace(/-/g, ''));
    });

    it('lets a supervisor of the account’s centre approve, not a supervisor of another centre', async () => {
      const account = await createAccount(adminA, 'caseworker', CENTRE);
      const there = await approve(supervisorThere, account.changeId);
      expect(there.status).toBe(404);
      const listThere = await t.http.get('/api/account-changes').set(...bearer(supervisorThere));
      expect(listThere.body.items.map((c: AccountChangeView) => c.id)).not.toContain(
        account.changeId,
      );
      const listHere = await t.http.get('/api/account-changes').set(...bearer(supervisorHere));
      expect(listHere.body.items.map((c: AccountChangeView) => c.id)).toContain(account.changeId);
      await approvedCode(supervisorHere as S, account.changeId);
    });

    it('leaves a new admin to another admin: a supervisor may not approve it', async () => {
      const centreAdmin = await createAccount(adminA, 'admin', CENTRE);
      const bySupervisor = await approve(supervisorHere, centreAdmin.changeId);
      expect(bySupervisor.status).toBe(403);
      expect(bySupervisor.body.errors[0]).toMatchObject({ field: 'id', code: 'admin_grant' });
      await approvedCode(adminB, centreAdmin.changeId);
    });

    it('is disabled when rejected, with the reason kept; a decided request is not decided again', async () => {
      const account = await createAccount(adminA, 'caseworker', CENTRE);
      const empty = await reject(adminB, account.changeId, '   ');
      expect(empty.status).toBe(400);
      expect(empty.body.errors[0]).toMatchObject({ field: 'reason', code: 'isNotEmpty' });

      const res = await reject(adminB, account.changeId, 'Người này không làm ở trung tâm');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'rejected',
        rejectionReason: 'Người này không làm ở trung tâm',
        decidedBy: { id: adminB.id },
      });
      const view = await t.http.get(`/api/users/${account.id}`).set(...bearer(adminA));
      expect(view.body).toMatchObject({ disabled: true, passwordSet: false, pendingChanges: [] });
      const again = await approve(supervisorHere, account.changeId);
      expect(again.status).toBe(409);
      expect(again.body.errors[0]).toMatchObject({ field: 'id', code: 'not_pending' });
    });

    it('takes no other request before its creation is decided (409 naming the field)', async () => {
      const account = await createAccount(adminA, 'caseworker', CENTRE);
      const reset = await t.http
        .post(`/api/users/${account.id}/reset-password`)
        .set(...bearer(adminB));
      expect(reset.status).toBe(409);
      expect(reset.body.errors[0]).toMatchObject({ field: 'id', code: 'creation_pending' });
      const move = await t.http
        .patch(`/api/users/${account.id}`)
        .set(...bearer(adminB))
        .send({ role: 'supervisor' });
      expect(move.status).toBe(409);
      expect(move.body.errors[0]).toMatchObject({ field: 'role', code: 'creation_pending' });
    });

    it('may be withdrawn by its requester (a rejection), never approved by them', async () => {
      const account = await createAccount(adminA, 'volunteer', DEMO_AGENCIES.trustedAddress.id);
      const res = await reject(adminA, account.changeId, 'Tạo nhầm');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('rejected');
    });

    it('tells the holder and the centre’s supervisors, and audits every step', async () => {
      const account = await createAccount(adminA, 'caseworker', CENTRE);
      await approvedCode(adminB, account.changeId);
      const notes = (await t.dataSource.query(
        `SELECT user_id, kind, params, link FROM notifications
          WHERE params->>'username' = $1 ORDER BY created_at`,
        [account.username],
      )) as { user_id: string; kind: string; params: Record<string, string>; link: string }[];
      const to = (kind: string) => notes.filter((n) => n.kind === kind).map((n) => n.user_id);
      expect(to('account_change.requested')).toEqual(
        expect.arrayContaining([account.id, supervisorHere.id, adminB.id]),
      );
      expect(to('account_change.requested')).not.toContain(adminA.id);
      expect(to('account_change.requested')).not.toContain(supervisorThere.id);
      expect(to('account_change.approved')).toEqual(
        expect.arrayContaining([account.id, supervisorHere.id, adminA.id]),
      );
      expect(to('account_change.approved')).not.toContain(adminB.id);
      expect(notes[0]?.params).toEqual({
        changeKind: 'create_account',
        username: account.username,
        role: 'caseworker',
      });

      await setPassword(account.username, 'WRONG-CODE-XXXX-YYYY');
      const actions = (await t.dataSource.query(
        `SELECT action, actor_user_id FROM audit_log WHERE subject_id = $1 ORDER BY id`,
        [account.id],
      )) as { action: string; actor_user_id: string | null }[];
      expect(actions).toEqual([
        { action: 'user.create', actor_user_id: adminA.id },
        { action: 'account_change.request', actor_user_id: adminA.id },
        { action: 'account_change.approve', actor_user_id: adminB.id },
        { action: 'account_code.issue', actor_user_id: adminB.id },
        { action: 'account_code.refused', actor_user_id: null },
      ]);
    });
  });

  describe('a change of role or agency', () => {
    it('keeps the old grant until approved, then ends the sessions of the old one', async () => {
      const moved = await signedIn(t, 'caseworker', { agencyId: CENTRE });
      const res = await t.http
        .patch(`/api/users/${moved.id}`)
        .set(...bearer(adminA))
        .send({ role: 'supervisor' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        role: 'caseworker',
        pendingChanges: [{ kind: 'change_grant' }],
      });
      const me = await t.http.get('/api/auth/me').set(...bearer(moved));
      expect(me.status).toBe(200);
      expect(me.body.user.role).toBe('caseworker');

      const again = await t.http
        .patch(`/api/users/${moved.id}`)
        .set(...bearer(adminA))
        .send({ role: 'supervisor' });
      expect(again.status).toBe(409);
      expect(again.body.errors[0]).toMatchObject({ field: 'role', code: 'change_pending' });

      const decided = await approve(supervisorHere, res.body.pendingChanges[0].id);
      expect(decided.status).toBe(200);
      expect(decided.body.oneTimeCode).toBeNull();
      expect(await roleOf(moved.id)).toEqual({ role: 'supervisor', agency_id: CENTRE });
      expect((await t.http.get('/api/auth/me').set(...bearer(moved))).status).toBe(401);
    });

    it('is decided by a supervisor of the centre the account moves to', async () => {
      const moved = await createUser(t, 'caseworker', { agencyId: CENTRE });
      const res = await t.http
        .patch(`/api/users/${moved.id}`)
        .set(...bearer(adminA))
        .send({ agencyId: OTHER_CENTRE });
      const changeId = res.body.pendingChanges[0].id as string;
      expect((await approve(supervisorHere, changeId)).status).toBe(404);
      expect((await approve(supervisorThere, changeId)).status).toBe(200);
      expect(await roleOf(moved.id)).toEqual({ role: 'caseworker', agency_id: OTHER_CENTRE });
    });
  });

  describe('enabling', () => {
    it('keeps the account disabled until another person approves', async () => {
      const user = await createUser(t, 'police_liaison');
      await t.http.post(`/api/users/${user.id}/disable`).set(...bearer(adminA));
      const res = await t.http.post(`/api/users/${user.id}/enable`).set(...bearer(adminA));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        disabled: true,
        pendingChanges: [{ kind: 'enable_account' }],
      });
      await expect(login(t, user.username)).rejects.toThrow(/401/);
      expect((await approve(adminB, res.body.pendingChanges[0].id)).status).toBe(200);
      await expect(login(t, user.username)).resolves.toBeDefined();
    });
  });

  describe('a password reset', () => {
    it('never gives the admin a working password: the old one works until approval, then a code only', async () => {
      const holder = await createUser(t, 'supervisor', { agencyId: CENTRE });
      const refused = await t.http
        .post(`/api/users/${holder.id}/reset-password`)
        .set(...bearer(adminA))
        .send({ newPassword: 'an admin chosen passphrase' });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0]).toMatchObject({
        field: 'newPassword',
        code: 'whitelistValidation',
      });

      const requested = await t.http
        .post(`/api/users/${holder.id}/reset-password`)
        .set(...bearer(adminA));
      expect(requested.status).toBe(202);
      expect(requested.body).toMatchObject({ kind: 'reset_password', status: 'pending' });
      expect(requested.body).not.toHaveProperty('oneTimeCode');
      expect(requested.body).not.toHaveProperty('password');
      // Nothing changed yet: the holder still works with their own password.
      const before = await login(t, holder.username);
      expect((await approve(adminA, requested.body.id)).status).toBe(403);

      const code = await approvedCode(adminB, requested.body.id);
      expect((await tryLogin(holder.username, TEST_PASSWORD)).status).toBe(401);
      expect((await t.http.get('/api/auth/me').set(...bearer(before))).status).toBe(401);
      // The requester knows no password that opens the account, and cannot set one without the code.
      expect((await setPassword(holder.username, 'ABCD-EFGH-JKMN-PQRS')).status).toBe(400);

      expect((await setPassword(holder.username, code.toLowerCase())).status).toBe(204);
      await expect(login(t, holder.username, NEW_PASSWORD)).resolves.toBeDefined();
    });

    it('waits for the holder’s own centre supervisor or another admin, never the holder', async () => {
      const requested = await t.http
        .post(`/api/users/${supervisorHere.id}/reset-password`)
        .set(...bearer(adminA));
      const own = await approve(supervisorHere, requested.body.id);
      expect(own.status).toBe(403);
      expect(own.body.errors[0]).toMatchObject({ code: 'own_account' });
      const duplicate = await t.http
        .post(`/api/users/${supervisorHere.id}/reset-password`)
        .set(...bearer(adminB));
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.errors[0]).toMatchObject({ field: 'id', code: 'change_pending' });
    });
  });

  describe('one-time codes', () => {
    async function resetCode(): Promise<{ username: string; code: string }> {
      const holder = await createUser(t, 'caseworker', { agencyId: CENTRE });
      const requested = await t.http
        .post(`/api/users/${holder.id}/reset-password`)
        .set(...bearer(adminA));
      return { username: holder.username, code: await approvedCode(adminB, requested.body.id) };
    }

    it('works once', async () => {
      const { username, code } = await resetCode();
      expect((await setPassword(username, code)).status).toBe(204);
      const second = await setPassword(username, code, 'another chosen passphrase');
      expect(second.status).toBe(400);
      expect(second.body.errors[0]).toMatchObject({ field: 'code', code: 'invalid_one_time_code' });
      await expect(login(t, username, NEW_PASSWORD)).resolves.toBeDefined();
    });

    it('expires after 24 hours', async () => {
      const { username, code } = await resetCode();
      t.clock.advance(24 * HOUR + 1000);
      const res = await setPassword(username, code);
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'code', code: 'invalid_one_time_code' });
    });

    it(`is void after ${ONE_TIME_CODE_MAX_FAILURES} wrong tries, even for the right code afterwards`, async () => {
      const { username, code } = await resetCode();
      for (let i = 0; i < ONE_TIME_CODE_MAX_FAILURES; i++) {
        expect((await setPassword(username, 'ABCD-EFGH-JKMN-PQRS')).status).toBe(400);
      }
      expect((await setPassword(username, code)).status).toBe(400);
      const [row] = (await t.dataSource.query(
        `SELECT c.failed_attempts, c.voided_at IS NOT NULL AS void FROM one_time_codes c
           JOIN users u ON u.id = c.user_id WHERE u.username = $1`,
        [username],
      )) as { failed_attempts: number; void: boolean }[];
      expect(row).toEqual({ failed_attempts: ONE_TIME_CODE_MAX_FAILURES, void: true });
    });

    it('keeps a good code when the new password is refused, and names the password', async () => {
      const { username, code } = await resetCode();
      const weak = await setPassword(username, code, 'short');
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0]).toMatchObject({ field: 'newPassword', code: 'too_short' });
      expect((await setPassword(username, code)).status).toBe(204);
    });

    it('answers an unknown username like a wrong code', async () => {
      const res = await setPassword('nobody.at.all', 'ABCD-EFGH-JKMN-PQRS');
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'code', code: 'invalid_one_time_code' });
      const bad = await t.http.post('/api/account-setup/password').send({ username: 'x' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['code', 'newPassword']),
      );
    });
  });

  describe('permission matrix: every role on every account-change endpoint, own and other agency', () => {
    /** A second agency of the same type as the role's home, for the "other agency" case. */
    const otherAgencyOf = new Map<AgencyType, string>();
    const typeOf = async (agencyId: string) => {
      const [row] = (await t.dataSource.query(`SELECT type FROM agencies WHERE id = $1`, [
        agencyId,
      ])) as { type: AgencyType }[];
      return row?.type as AgencyType;
    };
    /**
     * In Hà Nội: a second reporting authority in Đà Nẵng would take the demo province's incident
     * reports in other suites.
     */
    const agencyElsewhere = async (type: AgencyType): Promise<string> => {
      const [row] = (await t.dataSource.query(
        `INSERT INTO agencies (type, name, province_code) VALUES ($1, $2, '01') RETURNING id`,
        [type, `Synthetic ${type} elsewhere ${Date.now()}`],
      )) as { id: string }[];
      return row?.id ?? '';
    };
    async function pendingAt(role: Role, scope: 'own' | 'other'): Promise<string> {
      const home = HOME_AGENCY[role];
      let agencyId = home;
      if (scope === 'other') {
        const type = await typeOf(home);
        if (!otherAgencyOf.has(type)) otherAgencyOf.set(type, await agencyElsewhere(type));
        agencyId = otherAgencyOf.get(type) ?? home;
      }
      return (await createAccount(adminA, role, agencyId)).changeId;
    }
    const expected = (role: Role, scope: 'own' | 'other'): number =>
      role === 'admin' ? 200 : role === 'supervisor' ? (scope === 'own' ? 200 : 404) : 403;

    for (const role of ROLES) {
      for (const scope of ['own', 'other'] as const) {
        it(`${role}, ${scope} agency: approve, reject and list`, async () => {
          const decider = await signedIn(t, role);
          const toApprove = await pendingAt(role, scope);
          const toReject = await pendingAt(role, scope);
          expect((await approve(decider, toApprove)).status).toBe(expected(role, scope));
          expect((await reject(decider, toReject)).status).toBe(expected(role, scope));
          const list = await t.http
            .get('/api/account-changes?status=pending&limit=100')
            .set(...bearer(decider));
          expect(list.status).toBe(role === 'admin' || role === 'supervisor' ? 200 : 403);
        });
      }
    }

    it('the set-password page is public and answers everyone alike', async () => {
      const anonymous = await setPassword('nobody.at.all', 'ABCD-EFGH-JKMN-PQRS');
      const signed = await t.http
        .post('/api/account-setup/password')
        .set(...bearer(adminA))
        .send({
          username: 'nobody.at.all',
          code: 'ABCD-EFGH-JKMN-PQRS',
          newPassword: NEW_PASSWORD,
        });
      expect([anonymous.status, signed.status]).toEqual([400, 400]);
    });

    it('lists for a supervisor exactly their centre’s requests, for an admin every one', async () => {
      const here = await createAccount(adminA, 'caseworker', CENTRE);
      const there = await createAccount(adminA, 'caseworker', OTHER_CENTRE);
      const ids = async (s: S) => {
        const res = await t.http.get('/api/account-changes?limit=100').set(...bearer(s));
        return res.body.items.map((c: AccountChangeView) => c.id) as string[];
      };
      const sup = await ids(supervisorHere);
      expect(sup).toContain(here.changeId);
      expect(sup).not.toContain(there.changeId);
      expect(await ids(adminB)).toEqual(expect.arrayContaining([here.changeId, there.changeId]));
    });

    it('rejects bad input with 400 naming the field', async () => {
      const res = await t.http.get('/api/account-changes?status=maybe').set(...bearer(adminA));
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('status');
      const badId = await approve(adminA, 'not-a-uuid');
      expect(badId.status).toBe(400);
      expect(badId.body.errors[0].field).toBe('id');
      const cursor = await t.http.get('/api/account-changes?after=%%%').set(...bearer(adminA));
      expect(cursor.status).toBe(400);
      expect(cursor.body.errors[0].field).toBe('after');
    });
  });
});
