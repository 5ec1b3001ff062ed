import type {
  CaseReferralView,
  InboxReferralDetailView,
  InboxReferralView,
  InboxView,
  Page,
} from '@caunoi/shared/contracts';
import type { ReferralStatus, Role, ServiceType } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, createAgency, signedIn } from '../../../test-support/factories';
import { openCaseBody, walkIn } from '../../../test-support/intake-fixtures';
import {
  HEALTH,
  LEGAL_AID,
  OTHER_CENTRE,
  POLICE,
  POLICE_THANH_KHE,
  act,
  consentToShare,
  refer,
  referralInput,
  today,
} from '../../../test-support/referral-fixtures';

type S = TestUser & Session;

/** The four kinds of receiving agency a case is referred to. */
type Target = 'police' | 'health' | 'legalAid' | 'centre';
const TARGETS: readonly Target[] = ['police', 'health', 'legalAid', 'centre'];
const TARGET_OF: Readonly<Record<Target, { agencyId: string; service: ServiceType }>> = {
  police: { agencyId: POLICE, service: 'police_protection' },
  health: { agencyId: HEALTH, service: 'emergency_medical_care' },
  legalAid: { agencyId: LEGAL_AID, service: 'legal_aid' },
  centre: { agencyId: OTHER_CENTRE, service: 'psychosocial_counselling' },
};

const STATUSES = [
  'sent',
  'accepted',
  'in_service',
  'completed',
  'declined',
  'withdrawn',
] as const satisfies readonly ReferralStatus[];
type Status = (typeof STATUSES)[number];
/** While these, the receiving agency sees the packet; after, it does not. */
const OPEN: readonly Status[] = ['sent', 'accepted', 'in_service'];

type Step = 'accept' | 'decline' | 'services' | 'complete';
const STEPS: readonly Step[] = ['accept', 'decline', 'services', 'complete'];
/** The receiving agency's allowed steps: action, from, HTTP status, to. Every other pair is a 409. */
const ALLOWED: readonly [Step, Status, number, Status][] = [
  ['accept', 'sent', 200, 'accepted'],
  ['decline', 'sent', 200, 'declined'],
  ['services', 'accepted', 201, 'in_service'],
  ['services', 'in_service', 201, 'in_service'],
  ['complete', 'in_service', 200, 'completed'],
];
const isAllowed = (step: Step, from: Status): boolean =>
  ALLOWED.some(([s, f]) => s === step && f === from);
/** How the receiving agency brings a sent referral to each status (`withdrawn` is the sender's). */
const STEPS_TO: Readonly<Record<Status, readonly Step[]>> = {
  sent: [],
  accepted: ['accept'],
  in_service: ['accept', 'services'],
  completed: ['accept', 'services', 'complete'],
  declined: ['decline'],
  withdrawn: [],
};

/**
 * Who asks. `centre*` belong to the social-work centre the case is referred to (Quảng Nam); the
 * sender's centre is Đà Nẵng. `other*` are liaisons of the same sector at another agency.
 */
const ACTORS = [
  // The receiving agencies, with a receiving role.
  'police',
  'health',
  'justice',
  'centreCaseworker',
  'centreSupervisor',
  // The receiving centre's staff without a receiving role.
  'centreHotline',
  'centreAdmin',
  // Same sector, another agency.
  'policeThanhKhe',
  'otherHealth',
  'otherJustice',
  // The sending centre: the case's caseworker, another caseworker, the supervisor.
  'caseworker',
  'otherCaseworker',
  'supervisor',
  // No referral rights at all.
  'hotline',
  'volunteer',
  'commune',
  'reporting',
  'admin',
] as const;
type Actor = (typeof ACTORS)[number];

const RECEIVERS: Readonly<Record<Target, readonly Actor[]>> = {
  police: ['police'],
  health: ['health'],
  legalAid: ['justice'],
  centre: ['centreCaseworker', 'centreSupervisor'],
};
const receives = (actor: Actor, target: Target): boolean => RECEIVERS[target].includes(actor);
/** The roles that have no Referral rights: the guard stops them before any referral is looked up. */
const NO_REFERRAL_RIGHTS: readonly Actor[] = [
  'centreHotline',
  'centreAdmin',
  'hotline',
  'volunteer',
  'commune',
  'reporting',
  'admin',
];

/** Referrals of one case, one per target, all in the same status. */
interface Batch {
  caseId: string;
  ids: Partial<Record<Target, string>>;
}

/**
 * Inter-agency referrals: every role × referral to own / another agency × every status, for the
 * receiving agency's inbox and the sender's case file. A referral the caller may not see is a 404
 * (the route guard's 403 only where no id is involved), never a 200.
 */
describe('referral permission matrix', () => {
  let t: TestApp;
  let actors: Record<Actor, S>;
  /** One case per status, referred to all four targets and brought to that status; read-only. */
  let fixtures: Record<Status, Batch>;
  /** A case of the sender's centre with nobody assigned, referred to the police by the supervisor. */
  let unassigned: Batch;

  beforeAll(async () => {
    t = await createTestApp();
    // Homes for the "same sector, another agency" liaisons; nobody refers to them.
    const [otherHealthAgency, otherLegalAid] = await Promise.all([
      createAgency(t, 'health'),
      createAgency(t, 'legal_aid'),
    ]);
    await t.dataSource.query(
      `UPDATE agencies SET accepting_referrals = false WHERE id = ANY($1::uuid[])`,
      [[otherHealthAgency, otherLegalAid]],
    );
    const specs: Record<Actor, [Role, string | undefined]> = {
      police: ['police_liaison', POLICE],
      health: ['health_liaison', HEALTH],
      justice: ['justice_liaison', LEGAL_AID],
      centreCaseworker: ['caseworker', OTHER_CENTRE],
      centreSupervisor: ['supervisor', OTHER_CENTRE],
      centreHotline: ['hotline_operator', OTHER_CENTRE],
      centreAdmin: ['admin', OTHER_CENTRE],
      policeThanhKhe: ['police_liaison', POLICE_THANH_KHE],
      otherHealth: ['health_liaison', otherHealthAgency],
      otherJustice: ['justice_liaison', otherLegalAid],
      caseworker: ['caseworker', undefined],
      otherCaseworker: ['caseworker', undefined],
      supervisor: ['supervisor', undefined],
      hotline: ['hotline_operator', undefined],
      volunteer: ['volunteer', undefined],
      commune: ['commune_officer', undefined],
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

    const built = await Promise.all(STATUSES.map((status) => batchIn(status)));
    fixtures = Object.fromEntries(STATUSES.map((s, i) => [s, built[i]])) as Record<Status, Batch>;

    const { id } = await walkIn(t, actors.supervisor, openCaseBody());
    await t.http
      .post(`/api/cases/${id}/assign`)
      .set(...bearer(actors.supervisor))
      .send({ userId: null })
      .expect(200);
    await consentToShare(t, actors.supervisor, id, ['police'], ['incident_facts']);
    const [sent] = await refer(t, actors.supervisor, id, [referralInput(POLICE)]);
    unassigned = { caseId: id, ids: { police: sent.id } };
  });
  afterAll(() => t.close());

  /** The first receiver of each target drives its referral. */
  const driver = (target: Target): S => actors[RECEIVERS[target][0]];

  function stepBody(step: Step, target: Target): Record<string, unknown> {
    switch (step) {
      case 'decline':
        return { reason: 'no_capacity' };
      case 'services':
        return {
          serviceType: TARGET_OF[target].service,
          providedOn: today(t),
          outcome: 'provided',
          sectorOutcome: {},
        };
      default:
        return {};
    }
  }

  const post = (s: S, id: string, step: Step, target: Target) =>
    t.http
      .post(`/api/referrals/${id}/${step}`)
      .set(...bearer(s))
      .send(stepBody(step, target));

  const withdraw = (s: S, caseId: string, referralId: string) =>
    t.http
      .post(`/api/cases/${caseId}/referrals/${referralId}/withdraw`)
      .set(...bearer(s))
      .send({ reason: 'survivor_request' });

  /**
   * A fresh case assigned to the sender's caseworker, referred (with consent) to `targets`, each
   * referral then brought to `status` through the API.
   */
  async function batchIn(status: Status, targets: readonly Target[] = TARGETS): Promise<Batch> {
    const { caseworker, supervisor } = actors;
    const { id: caseId } = await walkIn(t, caseworker, openCaseBody());
    await t.http
      .post(`/api/cases/${caseId}/assign`)
      .set(...bearer(supervisor))
      .send({ userId: caseworker.id })
      .expect(200);
    await consentToShare(
      t,
      caseworker,
      caseId,
      ['police', 'health', 'legal_aid', 'social_work_centre'],
      ['incident_facts'],
    );
    const sent = await refer(
      t,
      caseworker,
      caseId,
      targets.map((target) =>
        referralInput(TARGET_OF[target].agencyId, { services: [TARGET_OF[target].service] }),
      ),
    );
    const ids: Batch['ids'] = {};
    for (const [i, target] of targets.entries()) {
      const id = sent[i].id;
      ids[target] = id;
      for (const step of STEPS_TO[status]) {
        await act(t, driver(target), id, step, stepBody(step, target));
      }
      if (status === 'withdrawn') await withdraw(caseworker, caseId, id).expect(200);
    }
    return { caseId, ids };
  }

  const idOf = (batch: Batch, target: Target): string => batch.ids[target] as string;

  /** Every fixture referral, with its target and status. */
  const everyFixture = (): { target: Target; status: Status; id: string }[] =>
    STATUSES.flatMap((status) =>
      TARGETS.map((target) => ({ target, status, id: idOf(fixtures[status], target) })),
    );

  /** Statuses and service-record counts straight from the database, to prove nothing changed. */
  async function stored(ids: string[]): Promise<Record<string, string>> {
    const rows = (await t.dataSource.query(
      `SELECT r.id, r.status, (SELECT count(*)::int FROM service_records s WHERE s.referral_id = r.id) AS n
         FROM referrals r WHERE r.id = ANY($1::uuid[])`,
      [ids],
    )) as { id: string; status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.id, `${r.status}/${r.n}`]));
  }

  /** Every id of the caller's inbox in one view, following the cursor to the end. */
  async function inboxIds(s: S, view: InboxView): Promise<string[] | number> {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const res = await t.http
        .get(`/api/referrals?view=${view}&limit=100${after ? `&after=${after}` : ''}`)
        .set(...bearer(s));
      if (res.status !== 200) return res.status;
      const page = res.body as Page<InboxReferralView>;
      ids.push(...page.items.map((r) => r.id));
      after = page.nextCursor;
    } while (after);
    return ids;
  }

  it('covers every role', () => {
    expect(new Set(ACTORS.map((a) => actors[a].role))).toEqual(new Set(ROLES));
  });

  describe('receiving side', () => {
    /** `404`, or `200 <status> +packet` / `200 <status> -packet`. */
    const cell = (res: { status: number; body: InboxReferralDetailView }): string =>
      res.status === 200
        ? `200 ${res.body.status} ${res.body.packetData ? '+' : '-'}packet`
        : String(res.status);

    it.each(ACTORS)(
      'GET /referrals/:id as %s: only the receiving agency reads it; the packet only while open',
      async (actor) => {
        const s = actors[actor];
        const got: Record<string, string> = {};
        const expected: Record<string, string> = {};
        await Promise.all(
          everyFixture().map(async ({ target, status, id }) => {
            const key = `${target} ${status}`;
            got[key] = cell(await t.http.get(`/api/referrals/${id}`).set(...bearer(s)));
            expected[key] = receives(actor, target)
              ? `200 ${status} ${OPEN.includes(status) ? '+' : '-'}packet`
              : '404';
          }),
        );
        expect(got).toEqual(expected);
      },
    );

    it.each(ACTORS)(
      'accept / decline / services / complete as %s on a referral to another agency: 404, nothing changes',
      async (actor) => {
        const s = actors[actor];
        const others = everyFixture().filter(({ target }) => !receives(actor, target));
        const before = await stored(others.map((f) => f.id));
        const got: Record<string, number> = {};
        await Promise.all(
          others.flatMap(({ target, status, id }) =>
            STEPS.map(async (step) => {
              got[`${step} ${target} ${status}`] = (await post(s, id, step, target)).status;
            }),
          ),
        );
        expect(Object.keys(got)).toHaveLength(others.length * STEPS.length);
        expect(got).toEqual(Object.fromEntries(Object.keys(got).map((k) => [k, 404])));
        expect(await stored(others.map((f) => f.id))).toEqual(before);
      },
    );

    it.each(ACTORS.filter((a) => TARGETS.some((target) => receives(a, target))))(
      '%s on its own referral: every step the state machine does not allow is a 409, nothing changes',
      async (actor) => {
        const s = actors[actor];
        const target = TARGETS.find((tg) => receives(actor, tg)) as Target;
        const ids = STATUSES.map((status) => idOf(fixtures[status], target));
        const before = await stored(ids);
        const got: Record<string, string> = {};
        const expected: Record<string, string> = {};
        for (const status of STATUSES) {
          for (const step of STEPS.filter((st) => !isAllowed(st, status))) {
            const res = await post(s, idOf(fixtures[status], target), step, target);
            got[`${step} ${status}`] = `${res.status} ${res.body.errors?.[0]?.code}`;
            expected[`${step} ${status}`] = '409 invalid_transition';
          }
        }
        expect(got).toEqual(expected);
        expect(Object.keys(got)).toHaveLength(STATUSES.length * STEPS.length - ALLOWED.length);
        expect(await stored(ids)).toEqual(before);
      },
    );

    it.each(ALLOWED)(
      '%s from %s: the receiving agency gets %i, the referral becomes %s, the sender sees it',
      async (step, from, code, to) => {
        const batch = await batchIn(from);
        const bySupervisor = await batchIn(from, ['centre']);
        const attempts: [S, Batch, Target][] = [
          ...TARGETS.map((target): [S, Batch, Target] => [driver(target), batch, target]),
          [actors.centreSupervisor, bySupervisor, 'centre'],
        ];
        for (const [s, b, target] of attempts) {
          const res = await post(s, idOf(b, target), step, target).expect(code);
          const body = res.body as InboxReferralDetailView;
          expect([target, body.status, body.packetData === null]).toEqual([
            target,
            to,
            !OPEN.includes(to),
          ]);
        }
        const caseFile = await t.http
          .get(`/api/cases/${batch.caseId}/referrals`)
          .set(...bearer(actors.caseworker))
          .expect(200);
        expect((caseFile.body as CaseReferralView[]).map((r) => r.status)).toEqual(
          TARGETS.map(() => to),
        );
      },
    );

    it.each(ACTORS)(
      'GET /referrals (each view) as %s: exactly its own agency’s referrals of that view',
      async (actor) => {
        const s = actors[actor];
        const views: Record<InboxView, readonly Status[]> = {
          action_needed: ['sent'],
          in_progress: ['accepted', 'in_service'],
          closed: ['completed', 'declined', 'withdrawn'],
        };
        const mine = new Set(everyFixture().map((f) => f.id));
        const got: Record<string, string[] | number> = {};
        const expected: Record<string, string[] | number> = {};
        for (const [view, statuses] of Object.entries(views) as [InboxView, Status[]][]) {
          const listed = await inboxIds(s, view);
          got[view] =
            typeof listed === 'number' ? listed : listed.filter((id) => mine.has(id)).sort();
          expected[view] = NO_REFERRAL_RIGHTS.includes(actor)
            ? 403
            : everyFixture()
                .filter((f) => receives(actor, f.target) && statuses.includes(f.status))
                .map((f) => f.id)
                .sort();
        }
        expect(got).toEqual(expected);
      },
    );
  });

  describe('sending side', () => {
    /** [a case assigned to `caseworker`, the unassigned case], both of the sender's centre. */
    const READ_CASE: Partial<Record<Actor, [number, number]>> = {
      caseworker: [200, 200],
      otherCaseworker: [404, 200],
      supervisor: [200, 200],
    };

    it.each(ACTORS)('GET /cases/:id/referrals as %s: only who may read the case', async (actor) => {
      const s = actors[actor];
      const got: [number, number] = [0, 0];
      for (const [i, batch] of [fixtures.sent, unassigned].entries()) {
        const res = await t.http.get(`/api/cases/${batch.caseId}/referrals`).set(...bearer(s));
        got[i] = res.status;
        if (res.status === 200) {
          expect((res.body as CaseReferralView[]).map((r) => r.id).sort()).toEqual(
            Object.values(batch.ids).sort(),
          );
        }
      }
      expect(got).toEqual(READ_CASE[actor] ?? [404, 404]);
    });

    it('the case’s caseworker and the supervisor see each referral in its current status', async () => {
      for (const actor of ['caseworker', 'supervisor'] as const) {
        for (const status of STATUSES) {
          const res = await t.http
            .get(`/api/cases/${fixtures[status].caseId}/referrals`)
            .set(...bearer(actors[actor]))
            .expect(200);
          expect([actor, (res.body as CaseReferralView[]).map((r) => r.status)]).toEqual([
            actor,
            TARGETS.map(() => status),
          ]);
        }
      }
    });

    it.each(ACTORS.filter((a) => a !== 'caseworker' && a !== 'supervisor'))(
      'withdraw as %s: refused in every status, nothing changes',
      async (actor) => {
        const s = actors[actor];
        const ids = [...everyFixture().map((f) => f.id), idOf(unassigned, 'police')];
        const before = await stored(ids);
        const got: Record<string, number> = {};
        await Promise.all(
          everyFixture().map(async ({ target, status, id }) => {
            got[`${target} ${status}`] = (await withdraw(s, fixtures[status].caseId, id)).status;
          }),
        );
        got['unassigned'] = (
          await withdraw(s, unassigned.caseId, idOf(unassigned, 'police'))
        ).status;
        const expected = Object.fromEntries(Object.keys(got).map((k) => [k, 404]));
        // A caseworker of the centre sees the unassigned case but may not change it.
        if (actor === 'otherCaseworker') expected['unassigned'] = 403;
        expect(got).toEqual(expected);
        expect(await stored(ids)).toEqual(before);
      },
    );

    it.each(['caseworker', 'supervisor'] as const)(
      'withdraw as %s: sent and accepted referrals are withdrawn; the agency loses the packet',
      async (actor) => {
        for (const status of ['sent', 'accepted'] as const) {
          const batch = await batchIn(status);
          for (const target of TARGETS) {
            const res = await withdraw(actors[actor], batch.caseId, idOf(batch, target)).expect(
              200,
            );
            expect([status, target, res.body.status]).toEqual([status, target, 'withdrawn']);
            const seen = await t.http
              .get(`/api/referrals/${idOf(batch, target)}`)
              .set(...bearer(driver(target)))
              .expect(200);
            expect([status, target, seen.body.status, seen.body.packetData]).toEqual([
              status,
              target,
              'withdrawn',
              null,
            ]);
          }
        }
      },
    );

    it.each(['caseworker', 'supervisor'] as const)(
      'withdraw as %s: in service, completed, declined or withdrawn is a 409, nothing changes',
      async (actor) => {
        const closed = ['in_service', 'completed', 'declined', 'withdrawn'] as const;
        const ids = closed.flatMap((status) => TARGETS.map((tg) => idOf(fixtures[status], tg)));
        const before = await stored(ids);
        const got: Record<string, string> = {};
        const expected: Record<string, string> = {};
        for (const status of closed) {
          for (const target of TARGETS) {
            const res = await withdraw(
              actors[actor],
              fixtures[status].caseId,
              idOf(fixtures[status], target),
            );
            got[`${target} ${status}`] = `${res.status} ${res.body.errors?.[0]?.code}`;
            expected[`${target} ${status}`] = '409 invalid_transition';
          }
        }
        expect(got).toEqual(expected);
        expect(await stored(ids)).toEqual(before);
      },
    );

    it('on an unassigned case a caseworker may not withdraw (403); the supervisor may', async () => {
      const { id: caseId } = await walkIn(t, actors.supervisor, openCaseBody());
      await t.http
        .post(`/api/cases/${caseId}/assign`)
        .set(...bearer(actors.supervisor))
        .send({ userId: null })
        .expect(200);
      await consentToShare(t, actors.supervisor, caseId, ['health'], ['incident_facts']);
      const [sent] = await refer(t, actors.supervisor, caseId, [
        referralInput(HEALTH, { services: ['emergency_medical_care'] }),
      ]);
      await withdraw(actors.caseworker, caseId, sent.id).expect(403);
      await withdraw(actors.otherCaseworker, caseId, sent.id).expect(403);
      expect(await stored([sent.id])).toEqual({ [sent.id]: 'sent/0' });
      const res = await withdraw(actors.supervisor, caseId, sent.id).expect(200);
      expect(res.body.status).toBe('withdrawn');
    });

    it('a referral cannot be withdrawn through another case the caller may change (404)', async () => {
      const id = idOf(fixtures.sent, 'police');
      await withdraw(actors.caseworker, fixtures.accepted.caseId, id).expect(404);
      await withdraw(actors.supervisor, fixtures.accepted.caseId, id).expect(404);
      expect(await stored([id])).toEqual({ [id]: 'sent/0' });
    });
  });
});
