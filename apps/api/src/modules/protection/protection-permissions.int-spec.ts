import type { Role } from '@caunoi/shared/domain';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, createAgency, signedIn } from '../../../test-support/factories';
import { walkIn } from '../../../test-support/intake-fixtures';
import { OTHER_CENTRE, POLICE_THANH_KHE } from '../../../test-support/referral-fixtures';

type S = TestUser & Session;

/**
 * Every role against every protection endpoint, as the addressee and not: the case's own caseworker
 * and supervisor; a caseworker of the same centre not assigned; another centre; the commune police
 * covering the commune and another station; the commune committee addressed and another; and one of
 * every other role. 404 where the record exists but is not theirs, 403 where the role may not act.
 */
const ACTORS = [
  'cw',
  'cwOther',
  'sup',
  'cw2',
  'sup2',
  'police',
  'policeTK',
  'commune',
  'communeOther',
  'volunteer',
  'hotline',
  'health',
  'justice',
  'reporting',
  'admin',
] as const;
type Actor = (typeof ACTORS)[number];

/** Expected statuses: the actors listed, and `rest` for everyone else. */
type Expect = Partial<Record<Actor, number>> & { rest: number };
const expected = (e: Expect, actor: Actor): number => e[actor] ?? e.rest;

describe('protection permission matrix (every role × addressee / not)', () => {
  let t: TestApp;
  let actors: Record<Actor, S>;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const otherCommittee = await createAgency(t, 'commune_committee');
    const specs: Record<Actor, [Role, string | undefined]> = {
      cw: ['caseworker', undefined],
      cwOther: ['caseworker', undefined],
      sup: ['supervisor', undefined],
      cw2: ['caseworker', OTHER_CENTRE],
      sup2: ['supervisor', OTHER_CENTRE],
      police: ['police_liaison', undefined],
      policeTK: ['police_liaison', POLICE_THANH_KHE],
      commune: ['commune_officer', undefined],
      communeOther: ['commune_officer', otherCommittee],
      volunteer: ['volunteer', undefined],
      hotline: ['hotline_operator', undefined],
      health: ['health_liaison', undefined],
      justice: ['justice_liaison', undefined],
      reporting: ['reporting_officer', undefined],
      admin: ['admin', undefined],
    };
    const entries = await Promise.all(
      ACTORS.map(async (key) => {
        const [role, agencyId] = specs[key];
        return [key, await signedIn(t, role, agencyId ? { agencyId } : {})] as const;
      }),
    );
    actors = Object.fromEntries(entries) as Record<Actor, S>;
    caseId = (await walkIn(t, actors.cw)).id;
    await t.http
      .post(`/api/cases/${caseId}/assign`)
      .set(...bearer(actors.sup))
      .send({ userId: actors.cw.id })
      .expect(200);
  });
  afterAll(() => t.close());

  const measureBody = (type = 'no_contact_commune') => ({
    type,
    requestedBy: 'social_work_centre',
    victimConsent: true,
    grounds: 'Synthetic grounds',
  });

  async function newMeasure(type = 'no_contact_commune'): Promise<string> {
    const res = await t.http
      .post(`/api/cases/${caseId}/protective-measures`)
      .set(...bearer(actors.cw))
      .send(measureBody(type));
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function grantedMeasure(): Promise<string> {
    const id = await newMeasure();
    const now = t.clock.now().getTime();
    await t.http
      .post(`/api/protective-measures/${id}/decision`)
      .set(...bearer(actors.commune))
      .send({
        decision: 'granted',
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 48 * 3600_000).toISOString(),
      })
      .expect(200);
    return id;
  }

  /**
   * Sends the request as every actor: the ones expected to fail first, on one shared record (a
   * refusal changes nothing), then each expected success on a fresh record of its own.
   */
  async function matrix(
    e: Expect,
    send: (actor: S, id: string) => Promise<{ status: number }>,
    fresh: () => Promise<string>,
  ): Promise<void> {
    const shared = await fresh();
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const actor of ACTORS) {
      const status = expected(e, actor);
      want[actor] = status;
      const id = status < 300 ? await fresh() : shared;
      got[actor] = (await send(actors[actor], id)).status;
    }
    expect(got).toEqual(want);
  }

  it('GET cases/:id/protective-measures: the case’s caseworker and supervisor', async () => {
    await matrix(
      { cw: 200, sup: 200, cwOther: 404, cw2: 404, sup2: 404, rest: 404 },
      (s) => t.http.get(`/api/cases/${caseId}/protective-measures`).set(...bearer(s)),
      async () => '',
    );
  });

  it('POST cases/:id/protective-measures: the case’s caseworker and supervisor request', async () => {
    await matrix(
      { cw: 201, sup: 201, cwOther: 404, cw2: 404, sup2: 404, rest: 404 },
      (s) =>
        t.http
          .post(`/api/cases/${caseId}/protective-measures`)
          .set(...bearer(s))
          .send(measureBody('legal_aid')),
      async () => '',
    );
  });

  it('POST cases/:id/protective-measures/:childId/decision: the centre records a court’s order', async () => {
    const start = t.clock.now().getTime();
    await matrix(
      { cw: 200, sup: 200, cwOther: 404, cw2: 404, sup2: 404, rest: 404 },
      (s, id) =>
        t.http
          .post(`/api/cases/${caseId}/protective-measures/${id}/decision`)
          .set(...bearer(s))
          .send({
            decision: 'granted',
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 30 * 24 * 3600_000).toISOString(),
          }),
      () => newMeasure('no_contact_court'),
    );
  });

  it('GET protective-measures/:id: the centre, the committee and the police addressed; 404 to the rest who read measures', async () => {
    await matrix(
      {
        cw: 200,
        sup: 200,
        police: 200,
        commune: 200,
        cwOther: 404,
        cw2: 404,
        sup2: 404,
        policeTK: 404,
        communeOther: 404,
        rest: 404,
      },
      (s, id) => t.http.get(`/api/protective-measures/${id}`).set(...bearer(s)),
      () => newMeasure(),
    );
  });

  it('GET protective-measures: each inbox lists exactly the measures addressed to it', async () => {
    const id = await newMeasure();
    const listed: Record<string, boolean | number> = {};
    for (const actor of ACTORS) {
      const res = await t.http
        .get('/api/protective-measures?view=requests')
        .set(...bearer(actors[actor]));
      listed[actor] =
        res.status === 200
          ? (res.body.items as { id: string }[]).some((m) => m.id === id)
          : res.status;
    }
    expect(listed).toEqual({
      cw: true,
      sup: true,
      police: true,
      commune: true,
      cwOther: false,
      cw2: false,
      sup2: false,
      policeTK: false,
      communeOther: false,
      volunteer: 403,
      hotline: 403,
      health: 403,
      justice: 403,
      reporting: 403,
      admin: 403,
    });
  });

  it('POST protective-measures/:id/decision: only the committee addressed decides', async () => {
    await matrix(
      {
        commune: 200,
        police: 403,
        cw: 403,
        sup: 403,
        cwOther: 404,
        cw2: 404,
        sup2: 404,
        policeTK: 404,
        communeOther: 404,
        volunteer: 404,
        rest: 404,
      },
      (s, id) =>
        t.http
          .post(`/api/protective-measures/${id}/decision`)
          .set(...bearer(s))
          .send({ decision: 'refused', reasons: 'Không đủ căn cứ (tổng hợp)' }),
      () => newMeasure(),
    );
  });

  it('POST protective-measures/:id/supervision-plan: only the commune police addressed', async () => {
    await matrix(
      {
        police: 200,
        commune: 403,
        cw: 403,
        sup: 403,
        cwOther: 404,
        cw2: 404,
        sup2: 404,
        policeTK: 404,
        communeOther: 404,
        volunteer: 404,
        rest: 404,
      },
      (s, id) =>
        t.http
          .post(`/api/protective-measures/${id}/supervision-plan`)
          .set(...bearer(s))
          .send({ supervisingOfficer: 'Cán bộ tổng hợp', plan: 'Kế hoạch tổng hợp' }),
      () => grantedMeasure(),
    );
  });

  it('POST protective-measures/:id/breaches: the caseworker, the supervisor and the commune police', async () => {
    await matrix(
      {
        cw: 201,
        sup: 201,
        police: 201,
        commune: 403,
        cwOther: 404,
        cw2: 404,
        sup2: 404,
        policeTK: 404,
        communeOther: 404,
        volunteer: 404,
        rest: 404,
      },
      (s, id) =>
        t.http
          .post(`/api/protective-measures/${id}/breaches`)
          .set(...bearer(s))
          .send({
            kind: 'within_100m',
            occurredAt: new Date(t.clock.now().getTime() - 60_000).toISOString(),
          }),
      () => grantedMeasure(),
    );
  });

  it('POST protective-measures/:id/revocation: only the committee addressed revokes its order', async () => {
    await matrix(
      {
        commune: 200,
        police: 403,
        cw: 403,
        sup: 403,
        cwOther: 404,
        cw2: 404,
        sup2: 404,
        policeTK: 404,
        communeOther: 404,
        volunteer: 404,
        rest: 404,
      },
      (s, id) =>
        t.http
          .post(`/api/protective-measures/${id}/revocation`)
          .set(...bearer(s))
          .send({ reasons: 'Nạn nhân đề nghị hủy (tổng hợp)' }),
      () => grantedMeasure(),
    );
  });

  async function courtOrder(): Promise<string> {
    const id = await newMeasure('no_contact_court');
    const start = t.clock.now().getTime();
    await t.http
      .post(`/api/cases/${caseId}/protective-measures/${id}/decision`)
      .set(...bearer(actors.cw))
      .send({
        decision: 'granted',
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 30 * 24 * 3600_000).toISOString(),
      })
      .expect(200);
    return id;
  }

  it('POST cases/:id/protective-measures/:childId/revocation: the case’s centre records a court’s revocation', async () => {
    await matrix(
      { cw: 200, sup: 200, cwOther: 404, cw2: 404, sup2: 404, rest: 404 },
      (s, id) =>
        t.http
          .post(`/api/cases/${caseId}/protective-measures/${id}/revocation`)
          .set(...bearer(s))
          .send({ reasons: 'Tòa án hủy (tổng hợp)' }),
      () => courtOrder(),
    );
  });

  it('POST cases/:id/protective-measures/:childId/no-renewal: the case’s caseworker and supervisor answer', async () => {
    await matrix(
      { cw: 200, sup: 200, cwOther: 404, cw2: 404, sup2: 404, rest: 404 },
      (s, id) =>
        t.http
          .post(`/api/cases/${caseId}/protective-measures/${id}/no-renewal`)
          .set(...bearer(s))
          .send({ reason: 'Không cần gia hạn (tổng hợp)' }),
      () => grantedMeasure(),
    );
  });

  it('GET protective-measures/breach-targets: the roles that report breaches, each its own orders', async () => {
    const id = await grantedMeasure();
    await t.dataSource.query(
      `UPDATE protective_measures SET referring_volunteer_id = $2 WHERE id = $1`,
      [id, actors.volunteer.id],
    );
    const listed: Record<string, boolean | number> = {};
    for (const actor of ACTORS) {
      const res = await t.http
        .get('/api/protective-measures/breach-targets')
        .set(...bearer(actors[actor]));
      listed[actor] =
        res.status === 200 ? (res.body as { id: string }[]).some((m) => m.id === id) : res.status;
    }
    expect(listed).toEqual({
      cw: true,
      sup: true,
      police: true,
      volunteer: true,
      cwOther: false,
      cw2: false,
      sup2: false,
      policeTK: false,
      commune: 403,
      communeOther: 403,
      hotline: 403,
      health: 403,
      justice: 403,
      reporting: 403,
      admin: 403,
    });
  });

  it('the volunteer who referred the survivor may report a breach, and reads nothing of the order', async () => {
    const id = await grantedMeasure();
    // The link a community referral makes (cases → intake item → community referral) set directly.
    await t.dataSource.query(
      `UPDATE protective_measures SET referring_volunteer_id = $2 WHERE id = $1`,
      [id, actors.volunteer.id],
    );
    const breach = await t.http
      .post(`/api/protective-measures/${id}/breaches`)
      .set(...bearer(actors.volunteer))
      .send({
        kind: 'contact_by_device',
        occurredAt: new Date(t.clock.now().getTime() - 60_000).toISOString(),
      });
    expect([breach.status, Object.keys(breach.body).sort()]).toEqual([
      201,
      ['code', 'reportedAt', 'status'],
    ]);
    const read = await t.http
      .get(`/api/protective-measures/${id}`)
      .set(...bearer(actors.volunteer));
    expect(read.status).toBe(404);
  });
});
