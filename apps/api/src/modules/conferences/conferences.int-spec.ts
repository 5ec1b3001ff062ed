import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { ConferenceActionView, ConferenceView } from '@caunoi/shared/contracts';
import { addDaysToDate, vietnamDateOf } from '@caunoi/shared/domain';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { TestClock } from '../../../test-support/test-clock';
import { testRedisUrl } from '../../../test-support/test-env';
import { eventually, startTestWorker } from '../../../test-support/test-worker';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, createAgency, login, signedIn } from '../../../test-support/factories';
import { walkIn } from '../../../test-support/intake-fixtures';
import { HEALTH, POLICE, POLICE_THANH_KHE } from '../../../test-support/referral-fixtures';

type S = TestUser & Session;
const DAY = 24 * 3600_000;
// A Redis database of its own: the worker's queues here are this suite's alone.
const REDIS_URL = testRedisUrl(8);
const AGENDA = 'Kế hoạch an toàn, bảo vệ khẩn cấp (tổng hợp)';
const MINUTES = 'Biên bản: công an tăng tuần tra, y tế khám lại (tổng hợp)';

describe('case conferences: convene, invite, minutes, actions with their clocks', () => {
  let t: TestApp;
  let clock: TestClock;
  let worker: INestApplicationContext | null = null;
  let caseworker: S;
  let supervisor: S;
  let police: S;
  let health: S;
  let otherPolice: S;
  let commune: string;

  beforeAll(async () => {
    clock = new TestClock();
    t = await createTestApp(
      { REDIS_URL, QUEUE_PREFIX: `conferences-${process.pid}`, RECONCILE_INTERVAL_MS: '200' },
      clock,
    );
    const redis = new Redis(REDIS_URL);
    await redis.flushdb();
    redis.disconnect();
    [caseworker, supervisor, police, health, otherPolice] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
      signedIn(t, 'police_liaison'),
      signedIn(t, 'health_liaison'),
      signedIn(t, 'police_liaison', { agencyId: POLICE_THANH_KHE }),
    ]);
    commune = await createAgency(t, 'commune_committee');
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const today = () => vietnamDateOf(clock.now());
  const convene = (caseId: string, body: Record<string, unknown> = {}, who: S = supervisor) =>
    t.http
      .post(`/api/cases/${caseId}/conferences`)
      .set(...bearer(who))
      .send({
        scheduledAt: new Date(clock.now().getTime() + DAY).toISOString(),
        agenda: AGENDA,
        invitedAgencyIds: [POLICE, HEALTH, commune],
        reviewOn: addDaysToDate(today(), 30),
        ...body,
      });
  const addAction = (id: string, body: Record<string, unknown>, who: S = supervisor) =>
    t.http
      .post(`/api/conferences/${id}/actions`)
      .set(...bearer(who))
      .send({
        description: 'Tuần tra quanh nhà (tổng hợp)',
        dueOn: addDaysToDate(today(), 7),
        ...body,
      });
  const setStatus = (id: string, actionId: string, who: S, body: Record<string, unknown>) =>
    t.http
      .put(`/api/conferences/${id}/actions/${actionId}/status`)
      .set(...bearer(who))
      .send(body);
  const record = (id: string, body: Record<string, unknown>) =>
    t.http
      .put(`/api/conferences/${id}/record`)
      .set(...bearer(supervisor))
      .send({
        attendance: [
          { agencyId: POLICE, attendance: 'attended' },
          { agencyId: HEALTH, attendance: 'absent' },
        ],
        minutes: MINUTES,
        ...body,
      });
  const get = (id: string, who: S) => t.http.get(`/api/conferences/${id}`).set(...bearer(who));

  async function convened(): Promise<{ caseId: string; conference: ConferenceView }> {
    const c = await walkIn(t, caseworker);
    const res = await convene(c.id);
    expect(res.status).toBe(201);
    return { caseId: c.id, conference: res.body as ConferenceView };
  }

  it('a supervisor convenes; the invitees are told by code; the agenda is encrypted; an invitee sees no case', async () => {
    const { caseId, conference } = await convened();
    expect(conference).toMatchObject({
      status: 'scheduled',
      agenda: AGENDA,
      viewer: 'convener',
      caseId,
      minutes: null,
      minutesRecorded: false,
    });
    expect(conference.code).toMatch(/^HLN-\d{4}-\d{4}$/);
    expect(conference.invitations.map((i) => [i.agencyId, i.attendance]).sort()).toEqual(
      [
        [POLICE, 'unknown'],
        [HEALTH, 'unknown'],
        [commune, 'unknown'],
      ].sort(),
    );
    const [stored] = await t.dataSource.query(
      `SELECT agenda_enc FROM case_conferences WHERE id = $1`,
      [conference.id],
    );
    expect(stored.agenda_enc).not.toContain('an toàn');

    const notices = (await t.dataSource.query(
      `SELECT kind, case_id, params, link FROM notifications WHERE user_id = $1 AND kind = 'conference.invited'
        AND params->>'conferenceCode' = $2`,
      [police.id, conference.code],
    )) as { case_id: string | null; params: Record<string, unknown>; link: string }[];
    expect(notices).toEqual([
      {
        kind: 'conference.invited',
        case_id: null,
        params: { conferenceCode: conference.code, scheduledAt: expect.any(String) },
        link: `/conferences/${conference.id}`,
      },
    ]);

    const seen = await get(conference.id, police);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      viewer: 'invitee',
      caseId: null,
      survivorCode: null,
      agenda: AGENDA,
    });
    expect(JSON.stringify(seen.body)).not.toContain(caseId);
    const inbox = await t.http.get('/api/conferences/inbox').set(...bearer(police));
    expect(inbox.status).toBe(200);
    expect((inbox.body as ConferenceView[]).map((c) => c.id)).toContain(conference.id);
    // Another police station, not invited: nothing to see.
    expect((await get(conference.id, otherPolice)).status).toBe(404);
    const otherInbox = await t.http.get('/api/conferences/inbox').set(...bearer(otherPolice));
    expect((otherInbox.body as ConferenceView[]).map((c) => c.id)).not.toContain(conference.id);

    const reads = async (action: string) =>
      (
        (await t.dataSource.query(
          `SELECT actor_user_id AS "actorId" FROM audit_log WHERE subject_id = $1 AND action = $2 ORDER BY id`,
          [conference.id, action],
        )) as { actorId: string }[]
      ).map((r) => r.actorId);
    // The convener's answer and the police's page are reads; so is the police's inbox list.
    expect(await reads('conference.convene')).toEqual([supervisor.id]);
    expect(await reads('conference.read')).toEqual([supervisor.id, police.id]);
    expect(await reads('conference.inbox_list')).toEqual([police.id]);
    // The other station's 404 is logged too (written after the answer, so waited for).
    await eventually(
      async () => (await reads('access.denied')).includes(otherPolice.id),
      5_000,
      'the denied read in the audit log',
    );
  });

  it('minutes are encrypted and read by attending agencies while actions are open, then by the centre alone', async () => {
    const { conference } = await convened();
    const recorded = await record(conference.id, {});
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      status: 'held',
      minutes: MINUTES,
      minutesRecorded: true,
    });
    const [stored] = await t.dataSource.query(
      `SELECT minutes_enc FROM case_conferences WHERE id = $1`,
      [conference.id],
    );
    expect(stored.minutes_enc).not.toContain('tuần tra');

    // No action open yet: only the convening centre reads them.
    expect((await get(conference.id, police)).body.minutes).toBeNull();
    const action = await addAction(conference.id, { ownerAgencyId: POLICE });
    expect(action.status).toBe(201);
    const policeView = (await get(conference.id, police)).body as ConferenceView;
    expect([policeView.minutes, policeView.minutesRecorded]).toEqual([MINUTES, true]);
    // Health was absent.
    expect((await get(conference.id, health)).body.minutes).toBeNull();
    expect((await get(conference.id, caseworker)).body.minutes).toBe(MINUTES);

    const done = await setStatus(conference.id, action.body.id, police, { status: 'done' });
    expect(done.status).toBe(200);
    expect((await get(conference.id, police)).body.minutes).toBeNull();
    expect((await get(conference.id, supervisor)).body.minutes).toBe(MINUTES);
    const fields = (await t.dataSource.query(
      `SELECT fields FROM audit_log WHERE subject_id = $1 AND action = 'conference.read' AND actor_user_id = $2 ORDER BY id`,
      [conference.id, police.id],
    )) as { fields: string[] }[];
    expect(fields.map((f) => f.fields.includes('minutes'))).toEqual([false, true, false]);
  });

  it('each action is the owner’s to close from its inbox; the invitee sees only its own; the plan screen lists all', async () => {
    const { caseId, conference } = await convened();
    const mine = await addAction(conference.id, { ownerAgencyId: POLICE });
    const theirs = await addAction(conference.id, {
      ownerAgencyId: HEALTH,
      dueOn: addDaysToDate(today(), 8),
    });
    const communes = await addAction(conference.id, {
      ownerAgencyId: commune,
      dueOn: addDaysToDate(today(), 9),
    });
    expect([mine.status, theirs.status, communes.status]).toEqual([201, 201, 201]);
    expect((mine.body as ConferenceActionView).dueAt).not.toBeNull();

    const inbox = (await t.http.get('/api/conferences/inbox').set(...bearer(police)))
      .body as ConferenceView[];
    const listed = inbox.find((c) => c.id === conference.id);
    expect(listed?.actions.map((a) => a.id)).toEqual([mine.body.id]);
    // Police may not close health's action; it does not see it at all.
    expect(
      (await setStatus(conference.id, theirs.body.id, police, { status: 'done' })).status,
    ).toBe(404);
    // The convening centre may cancel, never complete, another agency's action.
    expect(
      (await setStatus(conference.id, theirs.body.id, supervisor, { status: 'done' })).status,
    ).toBe(403);
    const cancelled = await setStatus(conference.id, theirs.body.id, supervisor, {
      status: 'cancelled',
      note: 'Không còn cần (tổng hợp)',
    });
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);

    const done = await setStatus(conference.id, mine.body.id, police, {
      status: 'done',
      note: 'Đã tuần tra (tổng hợp)',
    });
    expect([done.status, done.body.status, done.body.note]).toEqual([
      200,
      'done',
      'Đã tuần tra (tổng hợp)',
    ]);
    const again = await setStatus(conference.id, mine.body.id, police, { status: 'cancelled' });
    expect([again.status, again.body.errors?.[0]?.field, again.body.errors?.[0]?.code]).toEqual([
      409,
      'status',
      'action_closed',
    ]);
    const clocks = (await t.dataSource.query(
      `SELECT subject_id, status, cancel_reason FROM deadlines WHERE kind = 'conference_action' AND case_id = $1`,
      [caseId],
    )) as { subject_id: string; status: string; cancel_reason: string | null }[];
    const statusOf = (id: string) => clocks.find((c) => c.subject_id === id)?.status;
    expect([statusOf(mine.body.id), statusOf(theirs.body.id), statusOf(communes.body.id)]).toEqual([
      'met',
      'cancelled',
      'pending',
    ]);
    // The convener hears the police finished, by code.
    const [told] = await t.dataSource.query(
      `SELECT params FROM notifications WHERE user_id = $1 AND kind = 'conference.action_updated'
        AND params->>'conferenceCode' = $2`,
      [supervisor.id, conference.code],
    );
    expect(told.params).toMatchObject({ status: 'done', conferenceCode: conference.code });

    const forCase = await t.http.get(`/api/cases/${caseId}/conferences`).set(...bearer(caseworker));
    expect(forCase.status).toBe(200);
    expect(
      (forCase.body as ConferenceView[])[0]?.actions.map((a) => [a.ownerAgencyId, a.status]),
    ).toEqual([
      [POLICE, 'done'],
      [HEALTH, 'cancelled'],
      [commune, 'open'],
    ]);
  });

  it('refuses bad input naming the field: no owner, an owner not invited, bad invitations, past dates', async () => {
    const { conference } = await convened();
    const noOwner = await addAction(conference.id, {});
    expect([noOwner.status, noOwner.body.errors?.[0]?.field]).toEqual([400, 'ownerAgencyId']);
    const stranger = await addAction(conference.id, { ownerAgencyId: POLICE_THANH_KHE });
    expect([
      stranger.status,
      stranger.body.errors?.[0]?.field,
      stranger.body.errors?.[0]?.code,
    ]).toEqual([400, 'ownerAgencyId', 'owner_not_invited']);
    const past = await addAction(conference.id, {
      ownerAgencyId: POLICE,
      dueOn: addDaysToDate(today(), -1),
    });
    expect([past.status, past.body.errors?.[0]?.field]).toEqual([400, 'dueOn']);

    const c = await walkIn(t, caseworker);
    const self = await convene(c.id, { invitedAgencyIds: [POLICE, supervisor.agencyId] });
    expect([self.status, self.body.errors?.[0]?.field, self.body.errors?.[0]?.code]).toEqual([
      400,
      'invitedAgencyIds.1',
      'convener_invited',
    ]);
    const hotline = await t.dataSource.query(
      `SELECT id FROM agencies WHERE type = 'hotline' LIMIT 1`,
    );
    const notInvitable = await convene(c.id, { invitedAgencyIds: [hotline[0].id] });
    expect([notInvitable.status, notInvitable.body.errors?.[0]?.field]).toEqual([
      400,
      'invitedAgencyIds.0',
    ]);
    const none = await convene(c.id, { invitedAgencyIds: [] });
    expect([none.status, none.body.errors?.[0]?.field]).toEqual([400, 'invitedAgencyIds']);
    const yesterday = await convene(c.id, {
      scheduledAt: new Date(clock.now().getTime() - 2 * DAY).toISOString(),
    });
    expect([yesterday.status, yesterday.body.errors?.[0]?.field]).toEqual([400, 'scheduledAt']);
    const badAttendance = await record(conference.id, {
      attendance: [{ agencyId: POLICE_THANH_KHE, attendance: 'attended' }],
    });
    expect([badAttendance.status, badAttendance.body.errors?.[0]?.field]).toEqual([
      400,
      'attendance.0.agencyId',
    ]);
    // A caseworker may not convene (the supervisor does).
    expect((await convene(c.id, {}, caseworker)).status).toBe(403);
  });

  it('an overdue action reminds the owner, then tells the owner agency and the convener, each once', async () => {
    const { caseId, conference } = await convened();
    const action = await addAction(conference.id, {
      ownerAgencyId: POLICE,
      dueOn: addDaysToDate(today(), 2),
    });
    expect(action.status).toBe(201);

    // Five days pass. BullMQ delays run on real time, so the queued jobs are dropped and the
    // worker's reconciler rebuilds them from PostgreSQL on the moved clock (as after losing Redis).
    clock.advance(5 * DAY);
    const redis = new Redis(REDIS_URL);
    await redis.flushdb();
    redis.disconnect();
    worker = await startTestWorker(t.config, clock);
    const sent = async () =>
      (await t.dataSource.query(
        `SELECT n.user_id, s.stage, n.case_id, n.params, n.link FROM notifications n
           JOIN deadline_stages s ON s.id = n.deadline_stage_id
           JOIN deadlines d ON d.id = s.deadline_id
          WHERE d.subject_id = $1 ORDER BY s.stage, n.user_id`,
        [action.body.id],
      )) as {
        user_id: string;
        stage: string;
        case_id: string | null;
        params: Record<string, unknown>;
        link: string;
      }[];
    // The agency's other police users (other suites made many) hear it too: count this test's two.
    const ours = async () =>
      (await sent()).filter((n) => [police.id, supervisor.id].includes(n.user_id));
    await eventually(async () => (await ours()).length >= 3, 15_000, 'three conference stages');
    // A stage that fired twice would show by now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows = await ours();
    expect(rows.map((n) => [n.stage, n.user_id === police.id ? 'police' : 'convener'])).toEqual([
      ['escalation_due', 'police'],
      ['escalation_due_convener', 'convener'],
      ['reminder_1d', 'police'],
    ]);
    const toPolice = rows.find((r) => r.user_id === police.id);
    expect(toPolice?.case_id).toBeNull();
    expect(toPolice?.params).not.toHaveProperty('survivorCode');
    expect(toPolice?.link).toBe(`/conferences/${conference.id}`);
    const toConvener = rows.find((r) => r.user_id === supervisor.id);
    expect([toConvener?.case_id, typeof toConvener?.params['survivorCode']]).toEqual([
      caseId,
      'string',
    ]);

    // Sign in again after five days: the overdue action is on the centre's board.
    supervisor = { ...supervisor, ...(await login(t, supervisor.username)) };
    police = { ...police, ...(await login(t, police.username)) };
    const board = await t.http
      .get('/api/deadlines?bucket=overdue&limit=100')
      .set(...bearer(supervisor));
    expect(
      board.body.items.some(
        (d: { kind: string; subjectId: string }) =>
          d.kind === 'conference_action' && d.subjectId === action.body.id,
      ),
    ).toBe(true);
    const late = await setStatus(conference.id, action.body.id, police, { status: 'done' });
    expect(late.status).toBe(200);
    const [clockRow] = await t.dataSource.query(
      `SELECT status, met_at FROM deadlines WHERE subject_id = $1`,
      [action.body.id],
    );
    expect([clockRow.status, clockRow.met_at === null]).toEqual(['breached', false]);
  });

  const signInAgain = async () => {
    // The overdue test moved the clock days on: fresh tokens for the steps after it.
    caseworker = { ...caseworker, ...(await login(t, caseworker.username)) };
    supervisor = { ...supervisor, ...(await login(t, supervisor.username)) };
    police = { ...police, ...(await login(t, police.username)) };
    health = { ...health, ...(await login(t, health.username)) };
  };

  it('reschedules a conference not yet held: invitees get the code and the new date; the reason stays with the convener', async () => {
    await signInAgain();
    const { conference } = await convened();
    const url = `/api/conferences/${conference.id}/schedule`;
    const past = await t.http
      .put(url)
      .set(...bearer(supervisor))
      .send({ scheduledAt: new Date(clock.now().getTime() - 2 * DAY).toISOString(), reason: 'x' });
    expect([past.status, past.body.errors?.[0]?.field]).toEqual([400, 'scheduledAt']);
    const blank = await t.http
      .put(url)
      .set(...bearer(supervisor))
      .send({ scheduledAt: new Date(clock.now().getTime() + 3 * DAY).toISOString(), reason: ' ' });
    expect([blank.status, blank.body.errors?.[0]?.field]).toEqual([400, 'reason']);
    const when = new Date(clock.now().getTime() + 3 * DAY).toISOString();
    const res = await t.http
      .put(url)
      .set(...bearer(supervisor))
      .send({ scheduledAt: when, reason: 'Công an bận trực (tổng hợp)' });
    expect([res.status, res.body.scheduledAt, res.body.rescheduleReason]).toEqual([
      200,
      when,
      'Công an bận trực (tổng hợp)',
    ]);
    const seen = await get(conference.id, police);
    expect([seen.body.scheduledAt, seen.body.rescheduleReason, seen.body.rescheduledAt]).toEqual([
      when,
      null,
      expect.any(String),
    ]);
    const told = (await t.dataSource.query(
      `SELECT user_id, params, case_id FROM notifications WHERE kind = 'conference.rescheduled'
        AND params->>'conferenceCode' = $1`,
      [conference.code],
    )) as { user_id: string; params: Record<string, unknown>; case_id: string | null }[];
    expect(told.find((n) => n.user_id === police.id)).toEqual({
      user_id: police.id,
      params: { conferenceCode: conference.code, scheduledAt: when },
      case_id: null,
    });
    // Held: it no longer moves.
    await record(conference.id, {}).expect(200);
    const held = await t.http
      .put(url)
      .set(...bearer(supervisor))
      .send({ scheduledAt: when, reason: 'x' });
    expect([held.status, held.body.errors?.[0]?.code]).toEqual([409, 'conference_held']);
  });

  it('cancels a conference not yet held: its open actions and their clocks end, invitees are told by code, nothing more is taken', async () => {
    await signInAgain();
    const { conference, caseId } = await convened();
    const action = await addAction(conference.id, { ownerAgencyId: POLICE });
    expect(action.status).toBe(201);
    const res = await t.http
      .post(`/api/conferences/${conference.id}/cancellation`)
      .set(...bearer(supervisor))
      .send({ reason: 'Nạn nhân đã chuyển đến tỉnh khác (tổng hợp)' });
    expect([res.status, res.body.status, res.body.cancelReason]).toEqual([
      200,
      'cancelled',
      'Nạn nhân đã chuyển đến tỉnh khác (tổng hợp)',
    ]);
    expect(res.body.actions.map((a: ConferenceActionView) => a.status)).toEqual(['cancelled']);
    const [clockRow] = (await t.dataSource.query(
      `SELECT status, cancel_reason FROM deadlines WHERE subject_id = $1`,
      [action.body.id],
    )) as { status: string; cancel_reason: string }[];
    expect(clockRow).toEqual({ status: 'cancelled', cancel_reason: 'conference_cancelled' });
    const [raw] = (await t.dataSource.query(
      `SELECT cancel_reason_enc FROM case_conferences WHERE id = $1`,
      [conference.id],
    )) as { cancel_reason_enc: string }[];
    expect(raw.cancel_reason_enc).not.toContain('Nạn nhân');
    const told = (await t.dataSource.query(
      `SELECT user_id, params, case_id FROM notifications WHERE kind = 'conference.cancelled'
        AND params->>'conferenceCode' = $1`,
      [conference.code],
    )) as { user_id: string; params: Record<string, unknown>; case_id: string | null }[];
    expect(told.filter((n) => n.user_id === police.id || n.user_id === health.id)).toHaveLength(2);
    expect(told.every((n) => n.case_id === null && Object.keys(n.params).length === 1)).toBe(true);
    const seen = await get(conference.id, police);
    expect([seen.body.status, seen.body.cancelReason]).toEqual(['cancelled', null]);
    for (const step of [
      t.http
        .post(`/api/conferences/${conference.id}/cancellation`)
        .set(...bearer(supervisor))
        .send({ reason: 'x' }),
      record(conference.id, {}),
      addAction(conference.id, { ownerAgencyId: POLICE }),
    ]) {
      const r = await step;
      expect([r.status, r.body.errors?.[0]?.code]).toEqual([409, 'conference_cancelled']);
    }
    const timeline = await t.http.get(`/api/cases/${caseId}/timeline`).set(...bearer(caseworker));
    expect(
      (timeline.body.items as { action: string }[]).some((e) => e.action === 'conference.cancel'),
    ).toBe(true);
  });
});
