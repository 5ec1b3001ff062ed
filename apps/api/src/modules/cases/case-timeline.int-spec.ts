import type { CaseTimelineEntry, Page } from '@caunoi/shared/contracts';
import { addDaysToDate, vietnamDateOf } from '@caunoi/shared/domain';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import { walkIn } from '../../../test-support/intake-fixtures';

type S = TestUser & Session;

describe('the case timeline (GET /cases/:id/timeline)', () => {
  let t: TestApp;
  let caseworker: S;
  let supervisor: S;

  beforeAll(async () => {
    t = await createTestApp();
    [caseworker, supervisor] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
    ]);
  });
  afterAll(() => t.close());

  it('lists what was done to the case, newest first, with who and field names, never reads or values', async () => {
    const c = await walkIn(t, caseworker);
    await t.http.get(`/api/cases/${c.id}`).set(...bearer(caseworker));
    const note = 'Ghi chú bí mật về chị (synthetic)';
    expect(
      (
        await t.http
          .post(`/api/cases/${c.id}/notes`)
          .set(...bearer(caseworker))
          .send({ body: note })
      ).status,
    ).toBe(201);
    const plannedOn = addDaysToDate(vietnamDateOf(t.clock.now()), 3);
    expect(
      (
        await t.http
          .post(`/api/cases/${c.id}/follow-ups`)
          .set(...bearer(caseworker))
          .send({ plannedOn, method: 'phone' })
      ).status,
    ).toBe(201);

    const res = await t.http.get(`/api/cases/${c.id}/timeline`).set(...bearer(supervisor));
    expect(res.status).toBe(200);
    const page = res.body as Page<CaseTimelineEntry>;
    const actions = page.items.map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['follow_up.schedule', 'case_note.create']);
    expect(actions).toContain('case.create');
    expect(actions.some((a) => a.endsWith('.read'))).toBe(false);
    expect(page.items.every((e) => typeof e.actorName === 'string')).toBe(true);
    expect(page.nextCursor).toBeNull();
    // Names and dates only: nothing of the note, the plan date or the identity.
    expect(JSON.stringify(page)).not.toContain('bí mật');
    expect(JSON.stringify(page)).not.toContain(plannedOn);

    const [read] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND action = 'case.timeline_read'`,
      [c.id],
    );
    expect(read.n).toBe(1);
  });
});
