import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import { bearer } from '../../../../test-support/factories';
import type { MatrixActor, MatrixSession } from '../../../../test-support/case-matrix';
import { NO_CASE_ROLES as SILENT, signInMatrixActors } from '../../../../test-support/case-matrix';
import { incident, openCaseBody, walkIn } from '../../../../test-support/intake-fixtures';
import {
  POLICE,
  consentToShare,
  refer,
  referralInput,
} from '../../../../test-support/referral-fixtures';

type S = MatrixSession;
type Actor = MatrixActor;
/** `ok`: past the access checks (2xx, or 409 from the closure state machine). */
type Cell = 'ok' | 403 | 404;
type Row = Record<Actor, [Cell, Cell, Cell]>;

const NONE: [Cell, Cell, Cell] = [404, 404, 404];
const NO_CASE_ROLES = Object.fromEntries(SILENT.map((r) => [r, NONE])) as Record<
  (typeof SILENT)[number],
  typeof NONE
>;
const READ: Row = {
  cw1: ['ok', 'ok', 404],
  cw2: [404, 'ok', 404],
  sup1: ['ok', 'ok', 404],
  cw3: [404, 404, 'ok'],
  sup2: [404, 404, 'ok'],
  ...NO_CASE_ROLES,
};
const UPDATE: Row = {
  cw1: ['ok', 403, 404],
  cw2: [404, 403, 404],
  sup1: ['ok', 'ok', 404],
  cw3: [404, 404, 'ok'],
  sup2: [404, 404, 'ok'],
  ...NO_CASE_ROLES,
};
const APPROVE: Row = {
  cw1: [403, 403, 404],
  cw2: [404, 403, 404],
  sup1: ['ok', 'ok', 404],
  cw3: [404, 404, 403],
  sup2: [404, 404, 'ok'],
  ...NO_CASE_ROLES,
};

const REQUEST = {
  reason: 'needs_met',
  goalStatus: 'achieved',
  summary: 'Mục tiêu an toàn đã đạt (synthetic summary)',
};

describe('case closure', () => {
  let t: TestApp;
  let actors: Record<Actor, S>;

  beforeAll(async () => {
    t = await createTestApp();
    actors = await signInMatrixActors(t);
  });
  afterAll(() => t.close());

  const post = (s: S, path: string, body: object = {}) =>
    t.http
      .post(`/api/cases/${path}`)
      .set(...bearer(s))
      .send(body);

  async function stageOf(id: string): Promise<string> {
    const [row] = (await t.dataSource.query(`SELECT stage FROM cases WHERE id = $1`, [id])) as {
      stage: string;
    }[];
    return row?.stage ?? 'missing';
  }

  async function notices(userId: string, kind: string) {
    return (await t.dataSource.query(
      `SELECT params, link, case_id FROM notifications WHERE user_id = $1 AND kind = $2`,
      [userId, kind],
    )) as { params: Record<string, unknown>; link: string; case_id: string }[];
  }

  describe('permission matrix (every role × own / other centre × assigned / unassigned)', () => {
    /** [A: centre 1, cw1's], [B: centre 1, unassigned, opened by sup1], [C: centre 2, cw3's]. */
    let ids: [string, string, string];

    beforeAll(async () => {
      const a = await walkIn(t, actors.cw1, openCaseBody({ incident: null }));
      const b = await walkIn(t, actors.sup1, openCaseBody({ incident: null }));
      await post(actors.sup1, `${b.id}/assign`, { userId: null });
      const c = await walkIn(t, actors.cw3, openCaseBody({ incident: null }));
      ids = [a.id, b.id, c.id];
    });

    async function check(
      name: string,
      call: (s: S, id: string) => Promise<{ status: number }>,
      expected: Row,
    ): Promise<void> {
      const got: Partial<Row> = {};
      for (const actor of Object.keys(expected) as Actor[]) {
        const cells: Cell[] = [];
        for (const id of ids) {
          const { status } = await call(actors[actor], id);
          cells.push(
            status === 403 || status === 404
              ? status
              : status < 300 || status === 409
                ? 'ok'
                : (status as Cell),
          );
        }
        got[actor] = cells as [Cell, Cell, Cell];
      }
      expect([name, got]).toEqual([name, expected]);
    }

    it('GET /cases/:id/closure', () =>
      check('history', (s, id) => t.http.get(`/api/cases/${id}/closure`).set(...bearer(s)), READ));

    it('POST /cases/:id/closure', () =>
      check('request', (s, id) => post(s, `${id}/closure`, REQUEST), UPDATE));

    it('POST /cases/:id/closure/return', () =>
      check('return', (s, id) => post(s, `${id}/closure/return`, { comment: 'thiếu' }), APPROVE));

    it('POST /cases/:id/closure/approve', async () => {
      // A and C wait again, asked by their caseworkers; B still waits on sup1's own request.
      await post(actors.cw1, `${ids[0]}/closure`, REQUEST);
      await post(actors.cw3, `${ids[2]}/closure`, REQUEST);
      await check('approve', (s, id) => post(s, `${id}/closure/approve`), APPROVE);
      expect(await Promise.all(ids.map(stageOf))).toEqual(['closed', 'closure_pending', 'closed']);
    });

    it('POST /cases/:id/reopen', () =>
      check('reopen', (s, id) => post(s, `${id}/reopen`, { reason: 'quay lại' }), APPROVE));
  });

  it('request → return with a comment → request → approve; clocks end; the hand-offs are notified', async () => {
    const created = await walkIn(t, actors.cw1, openCaseBody({ incident: null }));
    const id = created.id;
    await t.http
      .patch(`/api/cases/${id}`)
      .set(...bearer(actors.cw1))
      .send({ stage: 'assessment' });

    const first = await post(actors.cw1, `${id}/closure`, REQUEST);
    expect(first.status).toBe(201);
    expect(first.body[0]).toMatchObject({
      status: 'requested',
      reason: 'needs_met',
      summary: REQUEST.summary,
      previousStage: 'assessment',
    });
    expect(await stageOf(id)).toBe('closure_pending');
    const waiting = await notices(actors.sup1.id, 'case.closure_requested');
    const mine = waiting.filter((n) => n.case_id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.link).toBe(`/cases/${id}`);
    // Codes only: no summary, no identity.
    expect(Object.keys(mine[0]?.params ?? {}).sort()).toEqual(['reason', 'survivorCode']);
    expect(JSON.stringify(mine[0]?.params)).not.toContain('synthetic summary');

    const twice = await post(actors.cw1, `${id}/closure`, REQUEST);
    expect(twice.status).toBe(409);
    expect(twice.body.errors[0]).toMatchObject({ field: 'stage', code: 'closure_pending' });

    const noComment = await post(actors.sup1, `${id}/closure/return`, { comment: '' });
    expect(noComment.status).toBe(400);
    const returned = await post(actors.sup1, `${id}/closure/return`, {
      comment: 'Cần xác nhận nơi ở mới (synthetic)',
    });
    expect(returned.status).toBe(200);
    expect(returned.body[0]).toMatchObject({
      status: 'returned',
      comment: 'Cần xác nhận nơi ở mới (synthetic)',
      decidedByUserId: actors.sup1.id,
    });
    expect(await stageOf(id)).toBe('assessment');
    expect(
      (await notices(actors.cw1.id, 'case.closure_returned')).filter((n) => n.case_id === id),
    ).toHaveLength(1);

    expect(
      (await post(actors.cw1, `${id}/closure`, { ...REQUEST, reason: 'moved_away' })).status,
    ).toBe(201);
    const approved = await post(actors.sup1, `${id}/closure/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.map((r: { status: string }) => r.status)).toEqual([
      'approved',
      'returned',
    ]);
    expect(await stageOf(id)).toBe('closed');
    expect(
      (await notices(actors.cw1.id, 'case.closure_approved')).filter((n) => n.case_id === id),
    ).toHaveLength(1);

    // A closed case is read-only until a supervisor reopens it.
    const edit = await t.http
      .patch(`/api/cases/${id}`)
      .set(...bearer(actors.cw1))
      .send({ stage: 'assessment' });
    expect(edit.status).toBe(409);
    expect(edit.body.errors[0]).toMatchObject({ field: 'stage', code: 'case_closed' });
    const note = await post(actors.cw1, `${id}/notes`, { body: 'synthetic' });
    expect(note.status).toBe(409);

    const reopened = await post(actors.sup1, `${id}/reopen`, { reason: 'Có sự việc mới' });
    expect(reopened.status).toBe(200);
    expect(reopened.body[0]).toMatchObject({
      status: 'approved',
      reopenedByUserId: actors.sup1.id,
      reopenReason: 'Có sự việc mới',
    });
    expect(await stageOf(id)).toBe('reopened');
    const actions = (await t.dataSource.query(
      `SELECT action FROM audit_log WHERE case_id = $1 AND action LIKE 'case%' ORDER BY id`,
      [id],
    )) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'case_closure.request',
        'case_closure.return',
        'case_closure.approve',
        'case.reopen',
      ]),
    );
  });

  it('a supervisor never decides their own request', async () => {
    const created = await walkIn(t, actors.sup1, openCaseBody({ incident: null }));
    expect((await post(actors.sup1, `${created.id}/closure`, REQUEST)).status).toBe(201);
    for (const step of ['approve', 'return']) {
      const own = await post(actors.sup1, `${created.id}/closure/${step}`, { comment: 'x' });
      expect([step, own.status, own.body.errors?.[0]?.code]).toEqual([step, 409, 'own_request']);
    }
  });

  it('a plain stage change cannot close or reopen', async () => {
    const created = await walkIn(t, actors.cw1, openCaseBody({ incident: null }));
    for (const stage of ['closure_pending', 'closed']) {
      const res = await t.http
        .patch(`/api/cases/${created.id}`)
        .set(...bearer(actors.sup1))
        .send({ stage });
      expect([stage, res.status, res.body.errors[0].code]).toEqual([
        stage,
        400,
        'use_closure_request',
      ]);
    }
  });

  it('an open referral or an unsent serious-incident report blocks closure (409 naming it)', async () => {
    const created = await walkIn(
      t,
      actors.cw1,
      openCaseBody({ incident: incident({ serious: true, seriousReasons: ['child_victim'] }) }),
    );
    const id = created.id;
    const blocked = await post(actors.cw1, `${id}/closure`, REQUEST);
    expect(blocked.status).toBe(409);
    expect(blocked.body.errors.map((e: { code: string }) => e.code)).toEqual([
      'incident_report_open',
    ]);

    const plain = await walkIn(t, actors.cw1, openCaseBody());
    await consentToShare(t, actors.cw1, plain.id, ['police'], ['incident_facts']);
    const [referral] = await refer(t, actors.cw1, plain.id, [referralInput(POLICE)]);
    const byReferral = await post(actors.cw1, `${plain.id}/closure`, REQUEST);
    expect(byReferral.status).toBe(409);
    expect(byReferral.body.errors[0]).toMatchObject({ field: 'stage', code: 'referral_open' });
    expect(await stageOf(plain.id)).not.toBe('closure_pending');

    await post(actors.cw1, `${plain.id}/referrals/${referral?.id}/withdraw`, {
      reason: 'no_longer_needed',
    });
    expect((await post(actors.cw1, `${plain.id}/closure`, REQUEST)).status).toBe(201);
    const clocks = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM deadlines
        WHERE case_id = $1 AND kind = 'referral_response' AND status IN ('pending', 'breached')`,
      [plain.id],
    )) as { n: number }[];
    expect(clocks[0]?.n).toBe(0);
  });

  it('a serious-incident report submitted late no longer blocks closure (its clock stays breached, as the record)', async () => {
    const discovered = new Date(Date.now() - 15 * 24 * 3600_000);
    const created = await walkIn(
      t,
      actors.cw1,
      openCaseBody({
        incident: incident({
          occurredAt: new Date(discovered.getTime() - 3600_000).toISOString(),
          discoveredAt: discovered.toISOString(),
          serious: true,
          seriousReasons: ['child_victim'],
        }),
      }),
    );
    const detail = await t.http.get(`/api/cases/${created.id}`).set(...bearer(actors.cw1));
    const base = `/api/cases/${created.id}/incidents/${detail.body.incidents[0].id}/report`;
    await t.http
      .post(base)
      .set(...bearer(actors.cw1))
      .send({ servicesGiven: ['psychosocial_counselling'], narrative: 'Đã tư vấn.' });
    expect((await t.http.post(`${base}/approve`).set(...bearer(actors.sup1))).status).toBe(200);
    const submitted = await t.http.post(`${base}/submit`).set(...bearer(actors.cw1));
    expect([submitted.status, submitted.body.onTime]).toEqual([200, false]);

    expect((await post(actors.cw1, `${created.id}/closure`, REQUEST)).status).toBe(201);
    const [report] = (await t.dataSource.query(
      `SELECT status, met_at IS NOT NULL AS met FROM deadlines WHERE case_id = $1 AND kind = 'incident_report'`,
      [created.id],
    )) as { status: string; met: boolean }[];
    expect(report).toEqual({ status: 'breached', met: true });
  });
});
