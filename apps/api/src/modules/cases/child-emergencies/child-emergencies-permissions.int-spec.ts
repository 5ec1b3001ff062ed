import type { ChildEmergencyView } from '@caunoi/shared/contracts';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import { bearer } from '../../../../test-support/factories';
import type { MatrixRow, MatrixSession } from '../../../../test-support/case-matrix';
import {
  NO_CASE_ROW as NO_CASE_ROLES,
  checkMatrix,
  signInMatrixActors,
} from '../../../../test-support/case-matrix';
import { openCaseBody, walkIn } from '../../../../test-support/intake-fixtures';

/** Whoever may change a case: its caseworker and the centre's supervisors. */
const CHANGE: Omit<MatrixRow, keyof typeof NO_CASE_ROLES> = {
  cw1: [201, 403, 404],
  cw2: [404, 403, 404],
  sup1: [201, 201, 404],
  cw3: [404, 404, 201],
  sup2: [404, 404, 201],
};
const REASON = 'Synthetic: the child is in serious danger';

/**
 * The child emergency endpoints, every role × own / other centre × assigned / unassigned, on three
 * children's cases. Another centre's case is a 404; a case seen but not changeable is a 403.
 */
describe('child emergency permission matrix', () => {
  let t: TestApp;
  let actors: Record<keyof MatrixRow, MatrixSession>;
  let ids: [string, string, string];

  const child = () =>
    openCaseBody({
      survivor: { dateOfBirth: '2016-03-01' },
      consent: { givenBy: 'guardian', childAssent: true },
    });
  const updater = (id: string) =>
    id === ids[0] ? actors.cw1 : id === ids[1] ? actors.sup1 : actors.cw3;
  const now = () => t.clock.now().toISOString();

  /** Records the intervention of any waiting emergency, so the next mark starts a fresh one. */
  async function settle(id: string): Promise<void> {
    const who = updater(id);
    const listed = await t.http.get(`/api/cases/${id}/child-emergencies`).set(...bearer(who));
    for (const e of listed.body as ChildEmergencyView[]) {
      if (e.intervention) continue;
      await t.http
        .post(`/api/cases/${id}/child-emergencies/${e.id}/intervention`)
        .set(...bearer(who))
        .send({ measure: 'safe_place', takenAt: now() });
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    actors = await signInMatrixActors(t);
    const a = await walkIn(t, actors.cw1, child());
    const b = await walkIn(t, actors.sup1, child());
    await t.http
      .post(`/api/cases/${b.id}/assign`)
      .set(...bearer(actors.sup1))
      .send({ userId: null });
    const c = await walkIn(t, actors.cw3, child());
    ids = [a.id, b.id, c.id];
  });
  afterAll(() => t.close());

  const check = (
    name: string,
    call: (s: MatrixSession, id: string) => Promise<{ status: number }>,
    expected: MatrixRow,
  ) => checkMatrix(actors, ids, name, call, expected);

  it('POST /cases/:id/child-emergencies (mark serious danger)', () =>
    check(
      'mark',
      async (s, id) => {
        await settle(id);
        return t.http
          .post(`/api/cases/${id}/child-emergencies`)
          .set(...bearer(s))
          .send({ reason: REASON });
      },
      { ...CHANGE, ...NO_CASE_ROLES },
    ));

  it('GET /cases/:id/child-emergencies', () =>
    check('list', (s, id) => t.http.get(`/api/cases/${id}/child-emergencies`).set(...bearer(s)), {
      cw1: [200, 200, 404],
      cw2: [404, 200, 404],
      sup1: [200, 200, 404],
      cw3: [404, 404, 200],
      sup2: [404, 404, 200],
      ...NO_CASE_ROLES,
    }));

  it('POST /cases/:id/child-emergencies/:childId/intervention', () =>
    check(
      'record intervention',
      async (s, id) => {
        await settle(id);
        const marked = await t.http
          .post(`/api/cases/${id}/child-emergencies`)
          .set(...bearer(updater(id)))
          .send({ reason: REASON });
        return t.http
          .post(`/api/cases/${id}/child-emergencies/${marked.body.id as string}/intervention`)
          .set(...bearer(s))
          .send({ measure: 'medical_care', takenAt: now() });
      },
      { ...CHANGE, ...NO_CASE_ROLES },
    ));
});
