import { Client } from 'pg';
import type { Response } from 'supertest';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import { incident, openCaseBody, walkIn } from '../../../test-support/intake-fixtures';
import { databaseAdminUrl, runDatabase } from '../../../test-support/test-env';

type S = TestUser & Session;

/**
 * Concurrent edits of one incident on real PostgreSQL: a deadlock or serialization failure is
 * retried by the one place transactions run (RetryingDataSource), and never answered 500.
 */
describe('concurrent edits of one incident', () => {
  let t: TestApp;
  let caseworker: S;
  let supervisor: S;
  let other: Client;

  beforeAll(async () => {
    t = await createTestApp();
    [caseworker, supervisor] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
    ]);
    // A superuser on the run's database: it may lengthen its own deadlock_timeout (see below).
    const url = new URL(databaseAdminUrl());
    url.pathname = `/${runDatabase()?.name ?? ''}`;
    other = new Client({ connectionString: url.toString() });
    await other.connect();
  });
  afterAll(async () => {
    await other.end();
    await t.close();
  });

  async function seriousIncident(): Promise<{ caseId: string; incidentId: string }> {
    const created = await walkIn(
      t,
      caseworker,
      openCaseBody({
        incident: incident({ serious: true, seriousReasons: ['life_threatening_injury'] }),
      }),
    );
    const detail = await t.http.get(`/api/cases/${created.id}`).set(...bearer(caseworker));
    return { caseId: created.id, incidentId: detail.body.incidents[0].id as string };
  }

  async function deadlocksSoFar(): Promise<number> {
    const [row] = (
      await other.query('SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()')
    ).rows as { deadlocks: string }[];
    return Number(row?.deadlocks ?? 0);
  }

  /** Waits until some session waits for a lock on a statement that touches `table`. */
  async function untilBlockedOn(table: string): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      // Inside a transaction the statistics views keep their first snapshot unless it is cleared.
      await other.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await other.query(
        `SELECT 1 FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`,
        [`%${table}%`],
      );
      if (rows.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no session ever waited on ${table}`);
  }

  /**
   * Another transaction holds the incident's row, then waits for the case the edit has locked: a
   * lock cycle. The edit waits first and this session's deadlock_timeout is long, so PostgreSQL's
   * deadlock check picks the edit as the victim. Returns whether it did (under heavy load the
   * cycle may close too late for the edit's check, and this session is the victim instead).
   */
  async function deadlockAnEdit(
    caseId: string,
    incidentId: string,
    edit: () => void,
  ): Promise<boolean> {
    await other.query("SET deadlock_timeout = '3s'");
    await other.query('BEGIN');
    await other.query('SELECT 1 FROM incidents WHERE id = $1 FOR UPDATE', [incidentId]);
    edit();
    await untilBlockedOn('incidents');
    try {
      await other.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await other.query('COMMIT');
      return true;
    } catch (error) {
      await other.query('ROLLBACK');
      if ((error as { code?: string }).code !== '40P01') throw error;
      return false;
    } finally {
      await other.query('RESET deadlock_timeout');
    }
  }

  it('an edit PostgreSQL aborts as a deadlock victim is retried and answered 200', async () => {
    const { caseId, incidentId } = await seriousIncident();
    const before = await deadlocksSoFar();
    let res: Response | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      let pending: Promise<Response> | undefined;
      const editWasVictim = await deadlockAnEdit(caseId, incidentId, () => {
        pending = t.http
          .patch(`/api/cases/${caseId}/incidents/${incidentId}`)
          .set(...bearer(caseworker))
          .send({
            description: 'Changed while another transaction held the incident',
            correctionReason: 'Sửa lại theo lời kể',
          })
          .then((r) => r);
      });
      res = await pending;
      if (editWasVictim) break;
    }
    expect(await deadlocksSoFar()).toBeGreaterThan(before);
    expect(res?.status).toBe(200);
    expect(res?.body.description).toBe('Changed while another transaction held the incident');
  });

  it('many simultaneous edits and reads of one incident: every answer is 200 or 409, and at most one clock runs', async () => {
    const { caseId, incidentId } = await seriousIncident();
    const day = 86_400_000;
    const requests = Array.from({ length: 24 }, (_, i) => {
      const who = i % 2 ? caseworker : supervisor;
      if (i % 4 === 3) return t.http.get(`/api/cases/${caseId}`).set(...bearer(who));
      const body =
        i % 3 === 0
          ? { serious: false, seriousReasons: [], unmarkReason: 'Không còn nghiêm trọng' }
          : {
              serious: true,
              seriousReasons: ['life_threatening_injury'],
              discoveredAt: new Date(Date.now() - (1 + (i % 3)) * day).toISOString(),
              correctionReason: 'Ngày phát hiện chính xác hơn',
            };
      return t.http
        .patch(`/api/cases/${caseId}/incidents/${incidentId}`)
        .set(...bearer(who))
        .send(body);
    });
    const statuses = (await Promise.all(requests)).map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    // One clock at most is running for the incident, whatever order the edits landed in.
    const { rows } = await other.query(
      `SELECT count(*)::int AS n FROM deadlines
        WHERE subject_id = $1 AND kind = 'incident_report' AND status IN ('pending', 'breached')`,
      [incidentId],
    );
    expect((rows[0] as { n: number }).n).toBeLessThanOrEqual(1);
  });
});
