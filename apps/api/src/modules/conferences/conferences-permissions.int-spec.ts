import { addDaysToDate, vietnamDateOf } from '@caunoi/shared/domain';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { bearer } from '../../../test-support/factories';
import type { MatrixActor, MatrixSession } from '../../../test-support/case-matrix';
import { signInMatrixActors } from '../../../test-support/case-matrix';
import { openCaseBody, walkIn } from '../../../test-support/intake-fixtures';
import { DEMO_AGENCIES } from '../seed/demo-data';
import { HEALTH, LEGAL_AID, OTHER_CENTRE, POLICE } from '../../../test-support/referral-fixtures';

type S = MatrixSession;
type Actor = MatrixActor;
/** Expected status on [X: invites police, health, centre 2 and the commune committee; Y: invites legal aid only]. */
type Row = Record<Actor, [number, number]>;

/** Roles that never see a conference: no case, no inbox. */
const NONE: [number, number] = [404, 404];
const UNSEEN = { hotline: NONE, volunteer: NONE, reporting: NONE, admin: NONE };

/**
 * Every role × invited / not invited, for every conference endpoint. Both conferences are convened by
 * sup1 on a case of centre 1 assigned to cw1. A conference the caller may see from neither side
 * (its case, or its agency's invitation) is a 404; one they see but may not change is a 403.
 */
describe('conference permission matrix', () => {
  let t: TestApp;
  let actors: Record<Actor, S>;
  let caseId: string;
  let ids: [string, string];
  const today = () => vietnamDateOf(t.clock.now());

  const convene = (invitedAgencyIds: string[], who: S) =>
    t.http
      .post(`/api/cases/${caseId}/conferences`)
      .set(...bearer(who))
      .send({
        scheduledAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
        agenda: 'Chương trình họp (tổng hợp)',
        invitedAgencyIds,
      });
  const addAction = (conferenceId: string, ownerAgencyId: string, who: S) =>
    t.http
      .post(`/api/conferences/${conferenceId}/actions`)
      .set(...bearer(who))
      .send({
        ownerAgencyId,
        description: 'Việc cần làm (tổng hợp)',
        dueOn: addDaysToDate(today(), 5),
      });

  beforeAll(async () => {
    t = await createTestApp();
    actors = await signInMatrixActors(t);
    caseId = (await walkIn(t, actors.cw1, openCaseBody())).id;
    const x = await convene(
      [POLICE, HEALTH, OTHER_CENTRE, DEMO_AGENCIES.communeCommittee.id],
      actors.sup1,
    );
    const y = await convene([LEGAL_AID], actors.sup1);
    ids = [x.body.id, y.body.id];
  });
  afterAll(() => t.close());

  async function check(
    name: string,
    call: (s: S, conferenceId: string, index: number) => Promise<{ status: number }>,
    expected: Row,
  ): Promise<void> {
    const got: Partial<Row> = {};
    for (const actor of Object.keys(expected) as Actor[]) {
      const statuses: number[] = [];
      for (const [i, id] of ids.entries()) statuses.push((await call(actors[actor], id, i)).status);
      got[actor] = statuses as [number, number];
    }
    expect([name, got]).toEqual([name, expected]);
  }

  it('GET /conferences/:id', () =>
    check('read', (s, id) => t.http.get(`/api/conferences/${id}`).set(...bearer(s)), {
      cw1: [200, 200],
      cw2: [404, 404],
      sup1: [200, 200],
      cw3: [200, 404],
      sup2: [200, 404],
      police: [200, 404],
      health: [200, 404],
      commune: [200, 404],
      justice: [404, 200],
      ...UNSEEN,
    }));

  it('PUT /conferences/:id/record', () =>
    check(
      'record',
      (s, id) =>
        t.http
          .put(`/api/conferences/${id}/record`)
          .set(...bearer(s))
          .send({ attendance: [], minutes: 'Biên bản (tổng hợp)' }),
      {
        cw1: [403, 403],
        cw2: [404, 404],
        sup1: [200, 200],
        cw3: [403, 404],
        sup2: [403, 404],
        police: [403, 404],
        health: [403, 404],
        commune: [403, 404],
        justice: [404, 403],
        ...UNSEEN,
      },
    ));

  it('POST /conferences/:id/actions', () =>
    check('add action', (s, id) => addAction(id, actors.sup1.agencyId, s), {
      cw1: [403, 403],
      cw2: [404, 404],
      sup1: [201, 201],
      cw3: [403, 404],
      sup2: [403, 404],
      police: [403, 404],
      health: [403, 404],
      commune: [403, 404],
      justice: [404, 403],
      ...UNSEEN,
    }));

  it('PUT /conferences/:id/actions/:actionId/status (a fresh action owned by the police on X, by legal aid on Y)', () =>
    check(
      'close action',
      async (s, id, i) => {
        const action = await addAction(id, i === 0 ? POLICE : LEGAL_AID, actors.sup1);
        return t.http
          .put(`/api/conferences/${id}/actions/${action.body.id}/status`)
          .set(...bearer(s))
          .send({ status: 'done' });
      },
      {
        cw1: [403, 403],
        cw2: [404, 404],
        sup1: [403, 403],
        cw3: [404, 404],
        sup2: [404, 404],
        police: [200, 404],
        health: [404, 404],
        commune: [404, 404],
        justice: [404, 200],
        ...UNSEEN,
      },
    ));

  /** Like `check`, on a fresh conference of each kind per call (the step changes it for good). */
  async function checkFresh(
    name: string,
    call: (s: S, conferenceId: string) => Promise<{ status: number }>,
    expected: Row,
  ): Promise<void> {
    const invites = [
      [POLICE, HEALTH, OTHER_CENTRE, DEMO_AGENCIES.communeCommittee.id],
      [LEGAL_AID],
    ];
    const got: Partial<Row> = {};
    for (const actor of Object.keys(expected) as Actor[]) {
      const statuses: number[] = [];
      for (const invited of invites) {
        const fresh = await convene(invited, actors.sup1);
        statuses.push((await call(actors[actor], fresh.body.id as string)).status);
      }
      got[actor] = statuses as [number, number];
    }
    expect([name, got]).toEqual([name, expected]);
  }

  const convenerOnly: Row = {
    cw1: [403, 403],
    cw2: [404, 404],
    sup1: [200, 200],
    cw3: [403, 404],
    sup2: [403, 404],
    police: [403, 404],
    health: [403, 404],
    commune: [403, 404],
    justice: [404, 403],
    ...UNSEEN,
  };

  it('POST /conferences/:id/cancellation', () =>
    checkFresh(
      'cancel',
      (s, id) =>
        t.http
          .post(`/api/conferences/${id}/cancellation`)
          .set(...bearer(s))
          .send({ reason: 'Đổi kế hoạch (tổng hợp)' }),
      convenerOnly,
    ));

  it('PUT /conferences/:id/schedule', () =>
    checkFresh(
      'reschedule',
      (s, id) =>
        t.http
          .put(`/api/conferences/${id}/schedule`)
          .set(...bearer(s))
          .send({
            scheduledAt: new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString(),
            reason: 'Trùng lịch (tổng hợp)',
          }),
      convenerOnly,
    ));

  it('GET /conferences/inbox: whoever works an inbox gets their agency’s invitations only', async () => {
    const got: Partial<Record<Actor, [number, boolean, boolean]>> = {};
    for (const actor of Object.keys(actors) as Actor[]) {
      const res = await t.http.get('/api/conferences/inbox').set(...bearer(actors[actor]));
      const listed = res.status === 200 ? (res.body as { id: string }[]).map((c) => c.id) : [];
      got[actor] = [res.status, listed.includes(ids[0]), listed.includes(ids[1])];
    }
    expect(got).toEqual({
      cw1: [200, false, false],
      cw2: [200, false, false],
      sup1: [200, false, false],
      cw3: [200, true, false],
      sup2: [200, true, false],
      police: [200, true, false],
      health: [200, true, false],
      commune: [200, true, false],
      justice: [200, false, true],
      hotline: [403, false, false],
      volunteer: [403, false, false],
      reporting: [403, false, false],
      admin: [403, false, false],
    });
  });

  it('GET and POST /cases/:id/conferences: the case’s readers list them, its centre’s supervisors convene', async () => {
    const got: Partial<Record<Actor, [number, number]>> = {};
    for (const actor of Object.keys(actors) as Actor[]) {
      const s = actors[actor];
      const list = await t.http.get(`/api/cases/${caseId}/conferences`).set(...bearer(s));
      got[actor] = [list.status, (await convene([POLICE], s)).status];
    }
    expect(got).toEqual({
      cw1: [200, 403],
      cw2: [404, 404],
      sup1: [200, 201],
      cw3: [404, 404],
      sup2: [404, 404],
      police: [404, 404],
      health: [404, 404],
      commune: [404, 404],
      justice: [404, 404],
      ...UNSEEN,
    });
  });
});
