import type { RiskAssessmentView, RiskInstrumentView } from '@caunoi/shared/contracts';
import { addDaysToDate, vietnamDateOf } from '@caunoi/shared/domain';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { bearer, signedIn } from '../../../test-support/factories';
import { DEMO_AGENCIES } from '../seed/demo-data';
import type { MatrixActor, MatrixRow, MatrixSession } from '../../../test-support/case-matrix';
import {
  NO_CASE_ROLES as SILENT,
  NO_CASE_ROW as NO_CASE_ROLES,
  checkMatrix,
  signInMatrixActors,
} from '../../../test-support/case-matrix';
import { openCaseBody, walkIn } from '../../../test-support/intake-fixtures';

type S = MatrixSession;
type Actor = MatrixActor;
type Row = MatrixRow;

/**
 * Every role × own/other agency × assigned/unassigned, for every case endpoint that takes an id.
 * A record the caller may not see is a 404; one they see but may not change is a 403.
 */
describe('case permission matrix', () => {
  let t: TestApp;
  let actors: Record<Actor, S>;
  let ids: [string, string, string];

  beforeAll(async () => {
    t = await createTestApp();
    actors = await signInMatrixActors(t);
    const a = await walkIn(t, actors.cw1, openCaseBody());
    const b = await walkIn(t, actors.sup1, openCaseBody());
    await t.http
      .post(`/api/cases/${b.id}/assign`)
      .set(...bearer(actors.sup1))
      .send({ userId: null });
    const c = await walkIn(t, actors.cw3, openCaseBody());
    ids = [a.id, b.id, c.id];
  });
  afterAll(() => t.close());

  const check = (
    name: string,
    call: (s: S, id: string) => Promise<{ status: number }>,
    expected: Row,
  ) => checkMatrix(actors, ids, name, call, expected);

  it('GET /cases/:id', () =>
    check('read', (s, id) => t.http.get(`/api/cases/${id}`).set(...bearer(s)), {
      cw1: [200, 200, 404],
      cw2: [404, 200, 404],
      sup1: [200, 200, 404],
      cw3: [404, 404, 200],
      sup2: [404, 404, 200],
      ...NO_CASE_ROLES,
    }));

  it('PATCH /cases/:id', () =>
    check(
      'update',
      (s, id) =>
        t.http
          .patch(`/api/cases/${id}`)
          .set(...bearer(s))
          .send({ stage: 'intake' }),
      {
        cw1: [200, 403, 404],
        cw2: [404, 403, 404],
        sup1: [200, 200, 404],
        cw3: [404, 404, 200],
        sup2: [404, 404, 200],
        ...NO_CASE_ROLES,
      },
    ));

  it('POST /cases/:id/reveal-identity', () =>
    check('reveal', (s, id) => t.http.post(`/api/cases/${id}/reveal-identity`).set(...bearer(s)), {
      cw1: [200, 403, 404],
      cw2: [404, 403, 404],
      sup1: [200, 200, 404],
      cw3: [404, 404, 200],
      sup2: [404, 404, 200],
      ...NO_CASE_ROLES,
    }));

  it('POST /cases/:id/notes and GET notes', async () => {
    await check(
      'add note',
      (s, id) =>
        t.http
          .post(`/api/cases/${id}/notes`)
          .set(...bearer(s))
          .send({ body: 'synthetic note' }),
      {
        cw1: [201, 403, 404],
        cw2: [404, 403, 404],
        sup1: [201, 201, 404],
        cw3: [404, 404, 201],
        sup2: [404, 404, 201],
        ...NO_CASE_ROLES,
      },
    );
    await check('read notes', (s, id) => t.http.get(`/api/cases/${id}/notes`).set(...bearer(s)), {
      cw1: [200, 200, 404],
      cw2: [404, 200, 404],
      sup1: [200, 200, 404],
      cw3: [404, 404, 200],
      sup2: [404, 404, 200],
      ...NO_CASE_ROLES,
    });
  });

  it('GET /cases/:id/access-log', () =>
    check('access log', (s, id) => t.http.get(`/api/cases/${id}/access-log`).set(...bearer(s)), {
      cw1: [403, 403, 404],
      cw2: [404, 403, 404],
      sup1: [200, 200, 404],
      cw3: [404, 404, 403],
      sup2: [404, 404, 200],
      ...NO_CASE_ROLES,
    }));

  it('GET /cases/:id/timeline', () =>
    check('timeline', (s, id) => t.http.get(`/api/cases/${id}/timeline`).set(...bearer(s)), {
      cw1: [200, 200, 404],
      cw2: [404, 200, 404],
      sup1: [200, 200, 404],
      cw3: [404, 404, 200],
      sup2: [404, 404, 200],
      ...NO_CASE_ROLES,
    }));

  it('POST /cases/:id/consents', () =>
    check(
      'consent',
      (s, id) =>
        t.http
          .post(`/api/cases/${id}/consents`)
          .set(...bearer(s))
          .send({
            givenBy: 'survivor',
            method: 'verbal',
            agencyTypes: ['health'],
            dataCategories: ['incident_facts'],
          }),
      {
        cw1: [201, 403, 404],
        cw2: [404, 403, 404],
        sup1: [201, 201, 404],
        cw3: [404, 404, 201],
        sup2: [404, 404, 201],
        ...NO_CASE_ROLES,
      },
    ));

  it('POST and GET /cases/:id/assessments', async () => {
    const instruments = await t.http.get('/api/risk-instruments').set(...bearer(actors.cw1));
    const adult = (instruments.body as RiskInstrumentView[]).find((i) => i.audience === 'adult');
    const answers = Object.fromEntries(
      (adult as RiskInstrumentView).content.items.map((item) => [item.key, null]),
    );
    await check(
      'assess',
      (s, id) =>
        t.http
          .post(`/api/cases/${id}/assessments`)
          .set(...bearer(s))
          .send({ instrumentId: adult?.id, answers }),
      {
        cw1: [201, 403, 404],
        cw2: [404, 403, 404],
        sup1: [201, 201, 404],
        cw3: [404, 404, 201],
        sup2: [404, 404, 201],
        ...NO_CASE_ROLES,
      },
    );
    await check(
      'read assessments',
      (s, id) => t.http.get(`/api/cases/${id}/assessments`).set(...bearer(s)),
      {
        cw1: [200, 200, 404],
        cw2: [404, 200, 404],
        sup1: [200, 200, 404],
        cw3: [404, 404, 200],
        sup2: [404, 404, 200],
        ...NO_CASE_ROLES,
      },
    );
    // Each allowed correction starts from the latest version and turns one answer round.
    const item = (adult as RiskInstrumentView).content.items.find(
      (i) => i.kind === 'yes_no' && !i.critical,
    );
    const key = item?.key as string;
    const latest = async (id: string) => {
      const reader = id === ids[2] ? actors.sup2 : actors.sup1;
      const res = await t.http.get(`/api/cases/${id}/assessments`).set(...bearer(reader));
      return res.body[0] as RiskAssessmentView;
    };
    await check(
      'correct assessment',
      async (s, id) => {
        const a = await latest(id);
        return t.http
          .put(`/api/cases/${id}/assessments/${a.id}`)
          .set(...bearer(s))
          .send({
            answers: { ...a.answers, [key]: a.answers[key] !== true },
            reason: 'synthetic correction',
            version: a.version,
          });
      },
      {
        cw1: [200, 403, 404],
        cw2: [404, 403, 404],
        sup1: [200, 200, 404],
        cw3: [404, 404, 200],
        sup2: [404, 404, 200],
        ...NO_CASE_ROLES,
      },
    );
  });

  it('POST and GET /cases/:id/safety-plans', async () => {
    const reviewOn = addDaysToDate(vietnamDateOf(t.clock.now()), 7);
    // Each allowed save starts from the version it saw, so every call reads the latest first.
    const latest = async (id: string) => {
      const reader = id === ids[2] ? actors.sup2 : actors.sup1;
      const res = await t.http.get(`/api/cases/${id}/safety-plans`).set(...bearer(reader));
      return (res.body[0]?.version as number | undefined) ?? null;
    };
    await check(
      'save safety plan',
      async (s, id) =>
        t.http
          .post(`/api/cases/${id}/safety-plans`)
          .set(...bearer(s))
          .send({
            baseVersion: await latest(id),
            sections: { hotlines: `111 ${Math.random()}` },
            reviewOn,
          }),
      {
        cw1: [201, 403, 404],
        cw2: [404, 403, 404],
        sup1: [201, 201, 404],
        cw3: [404, 404, 201],
        sup2: [404, 404, 201],
        ...NO_CASE_ROLES,
      },
    );
    await check(
      'read safety plans',
      (s, id) => t.http.get(`/api/cases/${id}/safety-plans`).set(...bearer(s)),
      {
        cw1: [200, 200, 404],
        cw2: [404, 200, 404],
        sup1: [200, 200, 404],
        cw3: [404, 404, 200],
        sup2: [404, 404, 200],
        ...NO_CASE_ROLES,
      },
    );
  });

  it('POST and GET /cases/:id/follow-ups, POST …/follow-ups/:childId/outcome', async () => {
    const plannedOn = addDaysToDate(vietnamDateOf(t.clock.now()), 3);
    const updater = (id: string) =>
      id === ids[0] ? actors.cw1 : id === ids[1] ? actors.sup1 : actors.cw3;
    await check(
      'plan follow-up',
      (s, id) =>
        t.http
          .post(`/api/cases/${id}/follow-ups`)
          .set(...bearer(s))
          .send({ plannedOn, method: 'phone' }),
      {
        cw1: [201, 403, 404],
        cw2: [404, 403, 404],
        sup1: [201, 201, 404],
        cw3: [404, 404, 201],
        sup2: [404, 404, 201],
        ...NO_CASE_ROLES,
      },
    );
    await check(
      'read follow-ups',
      (s, id) => t.http.get(`/api/cases/${id}/follow-ups`).set(...bearer(s)),
      {
        cw1: [200, 200, 404],
        cw2: [404, 200, 404],
        sup1: [200, 200, 404],
        cw3: [404, 404, 200],
        sup2: [404, 404, 200],
        ...NO_CASE_ROLES,
      },
    );
    // Each allowed call records a fresh contact, planned by whoever may change the case.
    await check(
      'record follow-up outcome',
      async (s, id) => {
        const planned = await t.http
          .post(`/api/cases/${id}/follow-ups`)
          .set(...bearer(updater(id)))
          .send({ plannedOn, method: 'phone' });
        return t.http
          .post(`/api/cases/${id}/follow-ups/${planned.body.id as string}/outcome`)
          .set(...bearer(s))
          .send({ outcome: 'reached' });
      },
      {
        cw1: [201, 403, 404],
        cw2: [404, 403, 404],
        sup1: [201, 201, 404],
        cw3: [404, 404, 201],
        sup2: [404, 404, 201],
        ...NO_CASE_ROLES,
      },
    );
  });

  describe('perpetrator records (/cases/:id/perpetrators)', () => {
    const body = () => ({
      sex: 'male',
      ageGroup: '25_59',
      relationship: 'spouse',
      identity: {
        fullName: 'Người tổng hợp',
        aliases: [],
        phone: null,
        address: null,
        idNumber: null,
      },
      incidentIds: [],
    });
    const owner = (id: string) => (id === ids[2] ? actors.sup2 : actors.sup1);
    /** Each case's first record, and its current version (read by the case's supervisor). */
    const first = async (id: string): Promise<{ id: string; version: number }> => {
      const res = await t.http.get(`/api/cases/${id}/perpetrators`).set(...bearer(owner(id)));
      return res.body[0] as { id: string; version: number };
    };

    it('POST and GET', async () => {
      await check(
        'add perpetrator',
        (s, id) =>
          t.http
            .post(`/api/cases/${id}/perpetrators`)
            .set(...bearer(s))
            .send(body()),
        {
          cw1: [201, 403, 404],
          cw2: [404, 403, 404],
          sup1: [201, 201, 404],
          cw3: [404, 404, 201],
          sup2: [404, 404, 201],
          ...NO_CASE_ROLES,
        },
      );
      await check(
        'list perpetrators',
        (s, id) => t.http.get(`/api/cases/${id}/perpetrators`).set(...bearer(s)),
        {
          cw1: [200, 200, 404],
          cw2: [404, 200, 404],
          sup1: [200, 200, 404],
          cw3: [404, 404, 200],
          sup2: [404, 404, 200],
          ...NO_CASE_ROLES,
        },
      );
    });

    it('PUT /:perpetratorId and POST /:perpetratorId/reveal', async () => {
      await check(
        'update perpetrator',
        async (s, id) => {
          const p = await first(id);
          // Each edit changes something (an unchanged record is a 400 nothing_changed).
          const edit = body();
          edit.identity.fullName = `Người tổng hợp ${p.version}`;
          return t.http
            .put(`/api/cases/${id}/perpetrators/${p.id}`)
            .set(...bearer(s))
            .send({ ...edit, version: p.version, reason: 'Ghi nhầm tên' });
        },
        {
          cw1: [200, 403, 404],
          cw2: [404, 403, 404],
          sup1: [200, 200, 404],
          cw3: [404, 404, 200],
          sup2: [404, 404, 200],
          ...NO_CASE_ROLES,
        },
      );
      await check(
        'reveal perpetrator',
        async (s, id) =>
          t.http
            .post(`/api/cases/${id}/perpetrators/${(await first(id)).id}/reveal`)
            .set(...bearer(s)),
        {
          cw1: [200, 403, 404],
          cw2: [404, 403, 404],
          sup1: [200, 200, 404],
          cw3: [404, 404, 200],
          sup2: [404, 404, 200],
          ...NO_CASE_ROLES,
        },
      );
    });
  });

  describe('the case action plan (/cases/:id/plans)', () => {
    const dueOn = () => addDaysToDate(vietnamDateOf(t.clock.now()), 14);
    const content = () => ({
      needs: [{ domain: 'health', text: 'Khám thương tích' }],
      goals: [{ domain: 'health', text: 'Được chăm sóc y tế' }],
      actions: [
        {
          domain: 'health',
          text: 'Đưa đi khám',
          ownerAgencyId: null,
          dueOn: dueOn(),
          status: 'planned',
        },
      ],
    });
    /** Who may change each case: A its caseworker, B (unassigned) the supervisor, C centre 2's caseworker. */
    const updater = (id: string) =>
      id === ids[0] ? actors.cw1 : id === ids[1] ? actors.sup1 : actors.cw3;
    /** A second supervisor in each centre, who never submits: it clears what the matrix left waiting. */
    let clearers: [S, S];
    beforeAll(async () => {
      clearers = await Promise.all([
        signedIn(t, 'supervisor'),
        signedIn(t, 'supervisor', { agencyId: DEMO_AGENCIES.socialWorkCentreQuangNam.id }),
      ]);
    });
    const latest = async (id: string) => {
      const reader = id === ids[2] ? actors.sup2 : actors.sup1;
      const res = await t.http.get(`/api/cases/${id}/plans`).set(...bearer(reader));
      return res.body[0] as
        | { version: number; status: string; submittedByUserId: string | null }
        | undefined;
    };
    const save = (s: S, id: string, baseVersion: number | null, submit: boolean) =>
      t.http
        .post(`/api/cases/${id}/plans`)
        .set(...bearer(s))
        .send({ baseVersion, submit, ...content() });
    /** The latest version is in `status` before each call, made by the case's updater if needed. */
    /**
     * The latest version is in `status` before each call, submitted by the case's updater: another
     * waiting one is first returned by the centre's supervisor, then the updater saves (and submits).
     */
    const ready = async (id: string, status: 'draft' | 'submitted') => {
      let now = await latest(id);
      if (now?.status === 'draft' && status === 'draft') return now.version;
      if (now?.status === 'submitted' && status === 'submitted') {
        if (now.submittedByUserId === updater(id).id) return now.version;
      }
      if (now?.status === 'submitted') {
        await t.http
          .post(`/api/cases/${id}/plans/return`)
          .set(...bearer(id === ids[2] ? clearers[1] : clearers[0]))
          .send({ version: now.version, comment: 'Làm lại' });
        now = await latest(id);
      }
      await save(updater(id), id, now?.version ?? null, status === 'submitted');
      return (await latest(id))?.version ?? 0;
    };

    it('save, read', async () => {
      await check(
        'save case plan',
        async (s, id) => save(s, id, (await latest(id))?.version ?? null, false),
        {
          cw1: [201, 403, 404],
          cw2: [404, 403, 404],
          sup1: [201, 201, 404],
          cw3: [404, 404, 201],
          sup2: [404, 404, 201],
          ...NO_CASE_ROLES,
        },
      );
      await check(
        'read case plans',
        (s, id) => t.http.get(`/api/cases/${id}/plans`).set(...bearer(s)),
        {
          cw1: [200, 200, 404],
          cw2: [404, 200, 404],
          sup1: [200, 200, 404],
          cw3: [404, 404, 200],
          sup2: [404, 404, 200],
          ...NO_CASE_ROLES,
        },
      );
    });

    it('submit', () =>
      check(
        'submit case plan',
        async (s, id) =>
          t.http
            .post(`/api/cases/${id}/plans/submit`)
            .set(...bearer(s))
            .send({ version: await ready(id, 'draft') }),
        {
          cw1: [200, 403, 404],
          cw2: [404, 403, 404],
          sup1: [200, 200, 404],
          cw3: [404, 404, 200],
          sup2: [404, 404, 200],
          ...NO_CASE_ROLES,
        },
      ));

    // B's plan is submitted by sup1 (nobody else may change it): sup1 deciding it is their own (409).
    it.each(['approve', 'return'] as const)('%s', (step) =>
      check(
        `${step} case plan`,
        async (s, id) =>
          t.http
            .post(`/api/cases/${id}/plans/${step}`)
            .set(...bearer(s))
            .send({
              version: await ready(id, 'submitted'),
              ...(step === 'return' ? { comment: 'Thiếu hành động pháp lý' } : {}),
            }),
        {
          cw1: [403, 403, 404],
          cw2: [404, 403, 404],
          sup1: [200, 409, 404],
          cw3: [404, 404, 403],
          sup2: [404, 404, 200],
          ...NO_CASE_ROLES,
        },
      ),
    );
  });

  it('POST /cases/:id/assign (keeps each case with its current assignee)', async () => {
    const current = { [ids[0]]: actors.cw1.id, [ids[1]]: null, [ids[2]]: actors.cw3.id };
    await check(
      'assign',
      (s, id) =>
        t.http
          .post(`/api/cases/${id}/assign`)
          .set(...bearer(s))
          .send({ userId: current[id] ?? null }),
      {
        cw1: [403, 403, 404],
        cw2: [404, 403, 404],
        sup1: [200, 200, 404],
        cw3: [404, 404, 403],
        sup2: [404, 404, 200],
        ...NO_CASE_ROLES,
      },
    );
  });

  it('GET /team/caseload: supervisors only, each of their own centre', async () => {
    const got: Partial<Record<Actor, number>> = {};
    for (const actor of Object.keys(actors) as Actor[]) {
      got[actor] = (await t.http.get('/api/team/caseload').set(...bearer(actors[actor]))).status;
    }
    expect(got).toEqual({
      cw1: 403,
      cw2: 403,
      sup1: 200,
      cw3: 403,
      sup2: 200,
      ...Object.fromEntries(SILENT.map((r) => [r, 403])),
    });
    const people = async (s: S) =>
      (
        (await t.http.get('/api/team/caseload').set(...bearer(s))).body.rows as { userId: string }[]
      ).map((r) => r.userId);
    const [centre1, centre2] = [await people(actors.sup1), await people(actors.sup2)];
    expect(centre1).toEqual(expect.arrayContaining([actors.cw1.id, actors.cw2.id]));
    expect(centre1).not.toContain(actors.cw3.id);
    expect(centre2).toContain(actors.cw3.id);
    expect(centre2).not.toEqual(expect.arrayContaining([actors.cw1.id]));
  });

  it('lists hold exactly what the rules allow', async () => {
    const listed = async (s: S, scope: string) => {
      const res = await t.http.get(`/api/cases?limit=100&scope=${scope}`).set(...bearer(s));
      // The test clock stands still, so order within one instant is by id: compare as sets.
      return res.status === 200
        ? (res.body.items as { id: string }[])
            .map((c) => c.id)
            .filter((id) => ids.includes(id))
            .sort()
        : res.status;
    };
    expect(await listed(actors.cw1, 'mine')).toEqual([ids[0]]);
    expect(await listed(actors.cw1, 'unassigned')).toEqual([ids[1]]);
    expect(await listed(actors.cw1, 'all')).toEqual([ids[0], ids[1]].sort());
    expect(await listed(actors.cw2, 'all')).toEqual([ids[1]]);
    expect(await listed(actors.sup1, 'all')).toEqual([ids[0], ids[1]].sort());
    expect(await listed(actors.sup2, 'all')).toEqual([ids[2]]);
    for (const actor of [
      'hotline',
      'volunteer',
      'police',
      'health',
      'justice',
      'commune',
      'reporting',
      'admin',
    ] as const) {
      expect([actor, await listed(actors[actor], 'all')]).toEqual([actor, 403]);
      const search = await t.http
        .post('/api/cases/search')
        .set(...bearer(actors[actor]))
        .send({ phone: '0900000001' });
      expect([actor, search.status]).toEqual([actor, 403]);
      const intake = await t.http.get('/api/intake').set(...bearer(actors[actor]));
      expect([actor, intake.status]).toEqual([actor, 403]);
    }
  });

  it('filters by stage and risk, finds by survivor code, and pages without repeats', async () => {
    const code = (await t.http.get(`/api/cases/${ids[0]}`).set(...bearer(actors.cw1))).body
      .survivorCode as string;
    const byCode = await t.http
      .get(`/api/cases?scope=all&code=${code}`)
      .set(...bearer(actors.sup1));
    expect(byCode.body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(
      (await t.http.get('/api/cases?code=not-a-code').set(...bearer(actors.sup1))).status,
    ).toBe(400);
    const medium = await t.http
      .get('/api/cases?scope=all&riskLevel=medium&limit=100')
      .set(...bearer(actors.sup1));
    expect(medium.body.items.every((c: { riskLevel: string }) => c.riskLevel === 'medium')).toBe(
      true,
    );
    for (let i = 0; i < 4; i++) await walkIn(t, actors.sup1, openCaseBody({ incident: null }));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
        .get(`/api/cases?scope=all&limit=2${after ? `&after=${after}` : ''}`)
        .set(...bearer(actors.sup1));
      seen.push(...res.body.items.map((c) => c.id));
      after = res.body.nextCursor;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(6);
  });
});
