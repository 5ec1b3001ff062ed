import type { SafetyPlanView } from '@caunoi/shared/contracts';
import { addDaysToDate, vietnamDateOf } from '@caunoi/shared/domain';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import type { Session, TestUser } from '../../../../test-support/factories';
import { bearer, signedIn } from '../../../../test-support/factories';
import { walkIn } from '../../../../test-support/intake-fixtures';

describe('safety plan: versions, stale saves, encryption', () => {
  let t: TestApp;
  let caseworker: TestUser & Session;
  let supervisor: TestUser & Session;

  beforeAll(async () => {
    t = await createTestApp();
    [caseworker, supervisor] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
    ]);
  });
  afterAll(() => t.close());

  const inDays = (days: number) => addDaysToDate(vietnamDateOf(t.clock.now()), days);
  const save = (caseId: string, body: Record<string, unknown>, who = caseworker) =>
    t.http
      .post(`/api/cases/${caseId}/safety-plans`)
      .set(...bearer(who))
      .send(body);

  it('every save is a new version from the one the editor saw; a stale save is a 409 and overwrites nothing', async () => {
    const c = await walkIn(t, caseworker);
    const first = await save(c.id, {
      baseVersion: null,
      sections: { safe_places: 'Nhà chị gái ở xã bên', code_word: 'mưa rào', hotlines: '111' },
      reviewOn: inDays(7),
    });
    expect(first.status).toBe(201);
    expect([first.body.version, first.body.changedSections]).toEqual([
      1,
      ['safe_places', 'code_word', 'hotlines'],
    ]);

    // The supervisor edits from version 1 first; the caseworker's edit, also from 1, is refused.
    const theirs = await save(
      c.id,
      {
        baseVersion: 1,
        sections: { ...first.body.sections, safe_places: 'Nhà văn hóa thôn' },
        reviewOn: inDays(7),
      },
      supervisor,
    );
    expect([theirs.status, theirs.body.version, theirs.body.changedSections]).toEqual([
      201,
      2,
      ['safe_places'],
    ]);
    const stale = await save(c.id, {
      baseVersion: 1,
      sections: { ...first.body.sections, hotlines: '111, 113' },
      reviewOn: inDays(7),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.errors).toEqual([
      expect.objectContaining({ field: 'baseVersion', code: 'stale_version' }),
    ]);

    const list = (await t.http.get(`/api/cases/${c.id}/safety-plans`).set(...bearer(caseworker)))
      .body as SafetyPlanView[];
    expect(list.map((p) => [p.version, p.sections.safe_places])).toEqual([
      [2, 'Nhà văn hóa thôn'],
      [1, 'Nhà chị gái ở xã bên'],
    ]);

    const stored = (await t.dataSource.query(
      `SELECT sections_enc FROM safety_plans WHERE case_id = $1`,
      [c.id],
    )) as { sections_enc: string }[];
    expect(JSON.stringify(stored)).not.toMatch(/mưa|Nhà/);
    const audit = (await t.dataSource.query(
      `SELECT fields FROM audit_log WHERE case_id = $1 AND action = 'safety_plan.save' ORDER BY id`,
      [c.id],
    )) as { fields: string[] }[];
    expect(audit.map((a) => a.fields)).toEqual([
      ['sections.safe_places', 'sections.code_word', 'sections.hotlines'],
      ['sections.safe_places'],
    ]);
  });

  it('refuses what a plan cannot hold, naming the field, and writes nothing', async () => {
    const c = await walkIn(t, caseworker);
    const cases: [Record<string, unknown>, string][] = [
      [{ baseVersion: null, sections: { weapons: 'x' }, reviewOn: inDays(7) }, 'sections.weapons'],
      [{ baseVersion: null, sections: {}, reviewOn: inDays(7) }, 'sections'],
      [{ baseVersion: null, sections: { hotlines: '111' }, reviewOn: inDays(0) }, 'reviewOn'],
      [{ baseVersion: null, sections: { hotlines: '111' }, reviewOn: inDays(400) }, 'reviewOn'],
      [{ baseVersion: null, sections: { hotlines: '111' }, reviewOn: '2026-02-30' }, 'reviewOn'],
      [{ baseVersion: 0, sections: { hotlines: '111' }, reviewOn: inDays(7) }, 'baseVersion'],
    ];
    for (const [body, field] of cases) {
      const res = await save(c.id, body);
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, field]);
    }
    const list = await t.http.get(`/api/cases/${c.id}/safety-plans`).set(...bearer(caseworker));
    expect(list.body).toEqual([]);
  });
});
