import type { RiskInstrumentView } from '@caunoi/shared/contracts';
import type { CaseloadRow } from '@caunoi/shared/contracts';
import { addDaysToDate, vietnamDateOf } from '@caunoi/shared/domain';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import { TestClock } from '../../../../test-support/test-clock';
import type { Session, TestUser } from '../../../../test-support/factories';
import { bearer, login, signedIn } from '../../../../test-support/factories';
import { walkIn } from '../../../../test-support/intake-fixtures';
import { DEMO_AGENCIES } from '../../seed/demo-data';

type S = TestUser & Session;
const DAY = 24 * 3600_000;

describe('the supervisor team view (GET /team/caseload)', () => {
  let t: TestApp;
  let clock: TestClock;
  let cw: S;
  let idle: S;
  let sup: S;
  let otherCentre: S;

  beforeAll(async () => {
    clock = new TestClock();
    t = await createTestApp({}, clock);
    [cw, idle, sup, otherCentre] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
      signedIn(t, 'caseworker', { agencyId: DEMO_AGENCIES.socialWorkCentreQuangNam.id }),
    ]);
  });
  afterAll(() => t.close());

  const post = (s: S, path: string, body: object) =>
    t.http
      .post(`/api/cases/${path}`)
      .set(...bearer(s))
      .send(body);
  const caseload = async (s: S) => {
    const res = await t.http.get('/api/team/caseload').set(...bearer(s));
    expect(res.status).toBe(200);
    return res.body.rows as CaseloadRow[];
  };

  it('counts each caseworker’s open cases, high risk, overdue clocks, and plans and closures waiting', async () => {
    const list = await t.http.get('/api/risk-instruments').set(...bearer(cw));
    const adult = (list.body as RiskInstrumentView[]).find((i) => i.audience === 'adult');
    const answers = Object.fromEntries(
      (adult as RiskInstrumentView).content.items.map((item) => [
        item.key,
        item.kind === 'yes_no' ? item.key === 'weapon' : 0,
      ]),
    );
    const [a, b, c] = [await walkIn(t, cw), await walkIn(t, cw), await walkIn(t, cw)];
    expect(
      (await post(cw, `${a.id}/assessments`, { instrumentId: adult?.id, answers })).status,
    ).toBe(201);
    const today = vietnamDateOf(clock.now());
    expect(
      (await post(cw, `${a.id}/follow-ups`, { plannedOn: today, method: 'phone' })).status,
    ).toBe(201);
    const plan = await post(cw, `${b.id}/plans`, {
      baseVersion: null,
      submit: true,
      needs: [{ domain: 'health', text: 'Khám' }],
      goals: [{ domain: 'health', text: 'Được chăm sóc' }],
      actions: [
        {
          domain: 'health',
          text: 'Đưa đi khám',
          ownerAgencyId: null,
          dueOn: addDaysToDate(today, 30),
          status: 'planned',
        },
      ],
    });
    expect(plan.status).toBe(201);
    const closure = await post(cw, `${c.id}/closure`, {
      reason: 'needs_met',
      goalStatus: 'achieved',
      summary: 'Mục tiêu đã đạt (synthetic)',
    });
    expect(closure.status).toBe(201);
    await walkIn(t, otherCentre);
    const unassigned = await walkIn(t, sup);
    expect((await post(sup, `${unassigned.id}/assign`, { userId: null })).status).toBe(200);

    // Five days on (past a weekend too), the follow-up planned for today is overdue.
    clock.advance(5 * DAY);
    sup = { ...sup, ...(await login(t, sup.username)) };
    const rows = await caseload(sup);
    expect(rows.find((r) => r.userId === cw.id)).toEqual({
      userId: cw.id,
      displayName: expect.any(String),
      openCases: 3,
      highRiskCases: 1,
      overdueClocks: 1,
      plansWaiting: 1,
      closuresWaiting: 1,
    });
    // A caseworker with nothing assigned is listed too, with zeros; another centre's never.
    expect(rows.find((r) => r.userId === idle.id)).toMatchObject({
      openCases: 0,
      overdueClocks: 0,
    });
    expect(rows.some((r) => r.userId === otherCentre.id)).toBe(false);
    // The unassigned cases come last.
    expect(rows.at(-1)).toMatchObject({ userId: null, displayName: null });
    expect(rows.at(-1)?.openCases).toBeGreaterThanOrEqual(1);
  });
});
