import type { CasePlanView } from '@caunoi/shared/contracts';
import { addDaysToDate, vietnamDateOf } from '@caunoi/shared/domain';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import type { Session, TestUser } from '../../../../test-support/factories';
import { bearer, signedIn } from '../../../../test-support/factories';
import { openCaseBody, walkIn } from '../../../../test-support/intake-fixtures';
import {
  HEALTH,
  POLICE,
  consentToShare,
  refer,
  referralInput,
} from '../../../../test-support/referral-fixtures';

type U = TestUser & Session;

describe('case action plan: versions, approval, stale saves', () => {
  let t: TestApp;
  let caseworker: U;
  let supervisor: U;
  let otherSupervisor: U;

  beforeAll(async () => {
    t = await createTestApp();
    [caseworker, supervisor, otherSupervisor] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
      signedIn(t, 'supervisor'),
    ]);
  });
  afterAll(() => t.close());

  const inDays = (days: number) => addDaysToDate(vietnamDateOf(t.clock.now()), days);
  const content = (over: Record<string, unknown> = {}) => ({
    needs: [{ domain: 'legal', text: 'Cần tư vấn ly hôn (synthetic)' }],
    goals: [{ domain: 'legal', text: 'Hiểu quyền khi ly hôn' }],
    actions: [
      {
        domain: 'legal',
        text: 'Gặp trợ giúp pháp lý',
        ownerAgencyId: null,
        dueOn: inDays(10),
        status: 'planned',
      },
    ],
    ...over,
  });
  const post = (who: U, path: string, body: object) =>
    t.http
      .post(`/api/cases/${path}`)
      .set(...bearer(who))
      .send(body);
  const list = async (caseId: string) =>
    (await t.http.get(`/api/cases/${caseId}/plans`).set(...bearer(caseworker)))
      .body as CasePlanView[];
  const notices = async (userId: string, kind: string, caseId: string) =>
    (await t.dataSource.query(
      `SELECT params, link FROM notifications WHERE user_id = $1 AND kind = $2 AND case_id = $3`,
      [userId, kind, caseId],
    )) as { params: Record<string, unknown>; link: string }[];

  it('draft → submit → return with a comment → new version → approve; never one’s own; hand-offs notified', async () => {
    const c = await walkIn(t, caseworker, openCaseBody({ incident: null }));
    const draft = await post(caseworker, `${c.id}/plans`, {
      baseVersion: null,
      submit: false,
      ...content(),
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      version: 1,
      status: 'draft',
      changedParts: ['needs', 'goals', 'actions'],
    });
    // Nothing to decide yet.
    expect(
      (await post(supervisor, `${c.id}/plans/approve`, { version: 1 })).body.errors[0],
    ).toMatchObject({ field: 'status', code: 'plan_not_submitted' });

    const submitted = await post(caseworker, `${c.id}/plans/submit`, { version: 1 });
    expect([submitted.status, submitted.body.status]).toEqual([200, 'submitted']);
    const waiting = await notices(supervisor.id, 'case_plan.submitted', c.id);
    expect(waiting).toHaveLength(1);
    expect(Object.keys(waiting[0]?.params ?? {})).toEqual(['survivorCode']);
    expect(waiting[0]?.link).toBe(`/cases/${c.id}`);

    // While it waits, nobody changes the plan.
    const meanwhile = await post(caseworker, `${c.id}/plans`, {
      baseVersion: 1,
      submit: false,
      ...content(),
    });
    expect([meanwhile.status, meanwhile.body.errors[0].code]).toEqual([409, 'plan_submitted']);

    const returned = await post(supervisor, `${c.id}/plans/return`, {
      version: 1,
      comment: 'Thiếu hành động về sức khỏe (synthetic)',
    });
    expect(returned.body).toMatchObject({
      status: 'returned',
      comment: 'Thiếu hành động về sức khỏe (synthetic)',
    });
    expect(await notices(caseworker.id, 'case_plan.returned', c.id)).toHaveLength(1);

    // The fix is a new version, submitted in the same step, by a supervisor: they may not decide it.
    // The editor sends the actions back with their ids (the same actions, not new ones).
    const fixed = await post(supervisor, `${c.id}/plans`, {
      baseVersion: 1,
      submit: true,
      ...content({
        goals: [
          { domain: 'legal', text: 'Hiểu quyền khi ly hôn' },
          { domain: 'health', text: 'Được khám thương tích' },
        ],
        actions: returned.body.content.actions,
      }),
    });
    expect(fixed.body).toMatchObject({ version: 2, status: 'submitted', changedParts: ['goals'] });
    const own = await post(supervisor, `${c.id}/plans/approve`, { version: 2 });
    expect([own.status, own.body.errors[0]]).toEqual([
      409,
      expect.objectContaining({ field: 'submittedBy', code: 'own_request' }),
    ]);
    // Approving a version other than the latest one seen is refused.
    expect((await post(otherSupervisor, `${c.id}/plans/approve`, { version: 1 })).status).toBe(409);
    const approved = await post(otherSupervisor, `${c.id}/plans/approve`, { version: 2 });
    expect([approved.status, approved.body.status]).toEqual([200, 'approved']);
    expect(await notices(supervisor.id, 'case_plan.approved', c.id)).toHaveLength(1);

    // A later change is a new version to approve again; the approved one stays in the history.
    const later = await post(caseworker, `${c.id}/plans`, {
      baseVersion: 2,
      submit: false,
      ...content({
        actions: [{ ...content().actions[0], status: 'done' }],
      }),
    });
    expect(later.body).toMatchObject({ version: 3, status: 'draft' });
    expect((await list(c.id)).map((p) => [p.version, p.status])).toEqual([
      [3, 'draft'],
      [2, 'approved'],
      [1, 'returned'],
    ]);

    const stored = (await t.dataSource.query(
      `SELECT content_enc, comment_enc FROM case_plans WHERE case_id = $1`,
      [c.id],
    )) as object[];
    expect(JSON.stringify(stored)).not.toMatch(/synthetic|ly hôn/);
    const audit = (await t.dataSource.query(
      `SELECT action FROM audit_log WHERE case_id = $1 AND action LIKE 'case_plan.%' AND action <> 'case_plan.read' ORDER BY id`,
      [c.id],
    )) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'case_plan.save',
      'case_plan.submit',
      'case_plan.return',
      'case_plan.save',
      'case_plan.approve',
      'case_plan.save',
    ]);
  });

  it('a stale save is a 409 that overwrites nothing', async () => {
    const c = await walkIn(t, caseworker, openCaseBody({ incident: null }));
    await post(caseworker, `${c.id}/plans`, { baseVersion: null, submit: false, ...content() });
    const theirs = await post(supervisor, `${c.id}/plans`, {
      baseVersion: 1,
      submit: false,
      ...content({ needs: [] }),
    });
    expect(theirs.body.version).toBe(2);
    const stale = await post(caseworker, `${c.id}/plans`, {
      baseVersion: 1,
      submit: false,
      ...content(),
    });
    expect([stale.status, stale.body.errors[0]]).toEqual([
      409,
      expect.objectContaining({ field: 'baseVersion', code: 'stale_version' }),
    ]);
    expect((await list(c.id)).map((p) => p.version)).toEqual([2, 1]);
  });

  it('an action belongs to the centre or to an agency the case is referred to', async () => {
    const c = await walkIn(t, caseworker);
    await consentToShare(t, caseworker, c.id, ['police'], ['incident_facts']);
    await refer(t, caseworker, c.id, [referralInput(POLICE)]);
    const action = (ownerAgencyId: string | null) =>
      content({ actions: [{ ...content().actions[0], ownerAgencyId }] });
    const notReferred = await post(caseworker, `${c.id}/plans`, {
      baseVersion: null,
      submit: false,
      ...action(HEALTH),
    });
    expect([notReferred.status, notReferred.body.errors[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'actions.0.ownerAgencyId', code: 'owner_not_referred' }),
    ]);
    const referred = await post(caseworker, `${c.id}/plans`, {
      baseVersion: null,
      submit: false,
      ...action(POLICE),
    });
    expect(referred.status).toBe(201);
    expect(referred.body.content.actions[0].ownerAgencyId).toBe(POLICE);
  });

  it('refuses what a plan cannot hold, naming the field', async () => {
    const c = await walkIn(t, caseworker, openCaseBody({ incident: null }));
    const cases: [Record<string, unknown>, string][] = [
      [content({ goals: [] }), 'goals'],
      [content({ actions: [] }), 'actions'],
      [content({ needs: [{ domain: 'weather', text: 'x' }] }), 'needs.0.domain'],
      [content({ actions: [{ ...content().actions[0], dueOn: inDays(400) }] }), 'actions.0.dueOn'],
      [content({ actions: [{ ...content().actions[0], dueOn: '2026-02-30' }] }), 'actions.0.dueOn'],
      [content({ actions: [{ ...content().actions[0], status: 'late' }] }), 'actions.0.status'],
    ];
    for (const [body, field] of cases) {
      const res = await post(caseworker, `${c.id}/plans`, {
        baseVersion: null,
        submit: false,
        ...body,
      });
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, field]);
    }
    expect(await list(c.id)).toEqual([]);
  });
});
