import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import { incident, openCaseBody, walkIn } from '../../../test-support/intake-fixtures';
import {
  act,
  consentToShare,
  POLICE,
  refer,
  referralInput,
  today,
} from '../../../test-support/referral-fixtures';

type S = TestUser & Session;

interface AuditRow {
  actor_user_id: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  case_id: string | null;
  details: Record<string, unknown>;
}

describe('every read of case data and every refused attempt is audited', () => {
  let t: TestApp;
  let caseworker: S;
  let colleague: S;
  let supervisor: S;
  let admin: S;
  let police: S;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    [caseworker, colleague, supervisor, admin, police] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
      signedIn(t, 'admin'),
      signedIn(t, 'police_liaison'),
    ]);
    caseId = (
      await walkIn(
        t,
        caseworker,
        openCaseBody({
          incident: incident({ serious: true, seriousReasons: ['life_threatening_injury'] }),
        }),
      )
    ).id;
  });
  afterAll(() => t.close());

  async function rowsSince(id: number, actor: S): Promise<AuditRow[]> {
    return (await t.dataSource.query(
      `SELECT actor_user_id, action, subject_type, subject_id, case_id, details
         FROM audit_log WHERE id > $1 AND actor_user_id = $2 ORDER BY id`,
      [id, actor.id],
    )) as AuditRow[];
  }
  async function lastId(): Promise<number> {
    const [row] = (await t.dataSource.query(
      `SELECT coalesce(max(id), 0)::int AS id FROM audit_log`,
    )) as { id: number }[];
    return row?.id ?? 0;
  }

  it("a colleague's 404 on a case and an admin's 403 are recorded, and the case's supervisor sees the attempt", async () => {
    const before = await lastId();
    expect((await t.http.get(`/api/cases/${caseId}`).set(...bearer(colleague))).status).toBe(404);
    expect((await t.http.get(`/api/cases/${caseId}/notes`).set(...bearer(colleague))).status).toBe(
      404,
    );
    expect((await t.http.get('/api/cases').set(...bearer(admin))).status).toBe(403);

    expect(await rowsSince(before, colleague)).toEqual([
      expect.objectContaining({
        action: 'access.denied',
        subject_type: 'cases',
        subject_id: caseId,
        case_id: caseId,
        details: { status: 404, method: 'GET', route: '/api/cases/:id' },
      }),
      expect.objectContaining({
        action: 'access.denied',
        case_id: caseId,
        details: { status: 404, method: 'GET', route: '/api/cases/:id/notes' },
      }),
    ]);
    expect(await rowsSince(before, admin)).toEqual([
      expect.objectContaining({
        action: 'access.denied',
        subject_id: null,
        case_id: null,
        details: { status: 403, method: 'GET', route: '/api/cases' },
      }),
    ]);

    const log = await t.http.get(`/api/cases/${caseId}/access-log`).set(...bearer(supervisor));
    expect(log.status).toBe(200);
    const attempts = (log.body.items as { action: string; actorUserId?: string }[]).filter(
      (r) => r.action === 'access.denied',
    );
    expect(attempts.length).toBeGreaterThanOrEqual(2);
  });

  it('a 404 on a case that does not exist is recorded with the id tried', async () => {
    const before = await lastId();
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.http.get(`/api/cases/${missing}`).set(...bearer(colleague))).status).toBe(404);
    expect(await rowsSince(before, colleague)).toEqual([
      expect.objectContaining({ action: 'access.denied', subject_id: missing }),
    ]);
  });

  it("the case's clocks, the referral suggestions and the deadline board are reads of the case", async () => {
    const before = await lastId();
    expect(
      (await t.http.get(`/api/cases/${caseId}/deadlines`).set(...bearer(caseworker))).status,
    ).toBe(200);
    expect(
      (await t.http.get(`/api/cases/${caseId}/referral-suggestions`).set(...bearer(caseworker)))
        .status,
    ).toBe(200);
    const board = await t.http.get('/api/deadlines?limit=100').set(...bearer(supervisor));
    expect(board.status).toBe(200);
    expect(board.body.items.length).toBeGreaterThan(0);

    expect(await rowsSince(before, caseworker)).toEqual([
      expect.objectContaining({
        action: 'deadline.read',
        case_id: caseId,
        details: { via: 'case_file' },
      }),
      expect.objectContaining({
        action: 'case.read',
        case_id: caseId,
        details: { via: 'referral_suggestions' },
      }),
    ]);
    const boardRows = await rowsSince(before, supervisor);
    expect(boardRows).toHaveLength(board.body.items.length);
    expect(boardRows.map((r) => r.action)).toEqual(boardRows.map(() => 'deadline.read'));
    // One row per clock shown, each naming the case the clock belongs to (the board holds every
    // suite's clocks of the centre, so this case's own may lie beyond the first page).
    const byCase = (ids: (string | null)[]) =>
      [...ids].sort((a, b) => String(a).localeCompare(String(b)));
    expect(byCase(boardRows.map((r) => r.case_id))).toEqual(
      byCase(board.body.items.map((i: { caseId: string | null }) => i.caseId)),
    );
  });

  it("a liaison's list of its own service records is audited, one row per record", async () => {
    await consentToShare(t, caseworker, caseId, ['police'], ['incident_facts']);
    const [sent] = await refer(t, caseworker, caseId, [referralInput(POLICE)]);
    if (!sent) throw new Error('no referral was created');
    await act(t, police, sent.id, 'accept');
    await act(t, police, sent.id, 'services', {
      serviceType: 'police_protection',
      providedOn: today(t),
      outcome: 'provided',
      sectorOutcome: { summonsToCommunePolice: true, noContactOrder: 'requested' },
    });
    const before = await lastId();
    const list = await t.http.get('/api/service-records?limit=100').set(...bearer(police));
    expect(list.status).toBe(200);
    const rows = await rowsSince(before, police);
    expect(rows).toHaveLength(list.body.items.length);
    expect(rows.every((r) => r.action === 'service_record.read')).toBe(true);
    expect(rows.map((r) => r.details['referralId'])).toContain(sent.id);
  });
});
