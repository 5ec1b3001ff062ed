import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import { TAM_KY, callBody, openCaseBody } from '../../../test-support/intake-fixtures';
import { DEMO_AGENCIES } from '../seed/demo-data';

type S = TestUser & Session;

describe('taking an item off the intake queue without a case', () => {
  let t: TestApp;
  let operator: S;
  let volunteer: S;
  let caseworker: S;
  let supervisor: S;
  let otherCentreCaseworker: S;

  beforeAll(async () => {
    t = await createTestApp();
    [operator, volunteer, caseworker, supervisor] = await Promise.all([
      signedIn(t, 'hotline_operator'),
      signedIn(t, 'volunteer'),
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
    ]);
    otherCentreCaseworker = await signedIn(t, 'caseworker', {
      agencyId: DEMO_AGENCIES.socialWorkCentreQuangNam.id,
    });
  });
  afterAll(() => t.close());

  /** A call handed to the city centre: its intake item id. */
  async function handedCall(notes: string): Promise<string> {
    const call = await t.http
      .post('/api/calls')
      .set(...bearer(operator))
      .send({ ...callBody(), notes });
    await t.http
      .post(`/api/calls/${call.body.id}/hand-over`)
      .set(...bearer(operator))
      .send({ agencyId: DEMO_AGENCIES.socialWorkCentre.id })
      .expect(200);
    const queue = await t.http.get('/api/intake?limit=100').set(...bearer(caseworker));
    return queue.body.items.find((i: { summary: string }) => i.summary === notes).id as string;
  }

  const dismiss = (who: S, id: string, body: Record<string, unknown>) =>
    t.http
      .post(`/api/intake/${id}/dismiss`)
      .set(...bearer(who))
      .send(body);

  const pendingIds = async (who: S): Promise<string[]> =>
    (await t.http.get('/api/intake?limit=100').set(...bearer(who))).body.items.map(
      (i: { id: string }) => i.id,
    );

  it('a duplicate leaves the queue, is listed as dismissed with its reason, audited, and cannot be opened or dismissed again', async () => {
    const id = await handedCall('Synthetic: gọi lại lần hai, cùng sự việc');
    const res = await dismiss(caseworker, id, { reason: 'duplicate' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'dismissed', dismissalReason: 'duplicate' });
    // The answer carries no call notes: the dismissal is not a read of them.
    expect(res.body.summary).toBeNull();

    expect(await pendingIds(caseworker)).not.toContain(id);
    const dismissed = await t.http
      .get('/api/intake?status=dismissed&limit=100')
      .set(...bearer(supervisor));
    expect(dismissed.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      dismissalReason: 'duplicate',
    });

    const [row] = await t.dataSource.query(
      `SELECT actor_user_id, details FROM audit_log
        WHERE action = 'intake_item.dismiss' AND subject_id = $1`,
      [id],
    );
    expect(row).toEqual({
      actor_user_id: caseworker.id,
      details: { reason: 'duplicate', source: 'call' },
    });

    const again = await dismiss(supervisor, id, { reason: 'test' });
    expect([again.status, again.body.errors]).toEqual([
      409,
      [expect.objectContaining({ field: 'id', code: 'intake_not_pending' })],
    ]);
    const open = await t.http
      .post(`/api/intake/${id}/open-case`)
      .set(...bearer(caseworker))
      .send(openCaseBody());
    expect(open.status).toBe(409);
  });

  it('"other" must say what it was; its note is stored encrypted', async () => {
    const id = await handedCall('Synthetic: hỏi thủ tục ly hôn');
    const bare = await dismiss(caseworker, id, { reason: 'other' });
    expect([bare.status, bare.body.errors[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'note' }),
    ]);
    const note = 'Synthetic: chỉ hỏi thông tin pháp lý, đã hướng dẫn';
    expect((await dismiss(caseworker, id, { reason: 'other', note })).status).toBe(200);
    const [stored] = await t.dataSource.query(
      'SELECT dismissal_note_enc FROM intake_items WHERE id = $1',
      [id],
    );
    expect(stored.dismissal_note_enc).toMatch(/^v1:/);
    expect(stored.dismissal_note_enc).not.toContain('pháp lý');
  });

  it.each([
    ['an unknown reason', { reason: 'bored' }, 'reason'],
    ['no reason', {}, 'reason'],
    ['a note too long', { reason: 'test', note: 'x'.repeat(1001) }, 'note'],
  ])('refuses %s, naming the field, and leaves the item pending', async (_name, body, field) => {
    const id = await handedCall(`Synthetic: ${field} ${JSON.stringify(body).length}`);
    const res = await dismiss(caseworker, id, body);
    expect([res.status, res.body.errors[0]?.field]).toEqual([400, field]);
    expect(await pendingIds(caseworker)).toContain(id);
  });

  it("another centre's caseworker and every role without the queue get 404 (the item is not theirs to know of); nothing changes", async () => {
    const id = await handedCall('Synthetic: hàng chờ của trung tâm thành phố');
    expect((await dismiss(otherCentreCaseworker, id, { reason: 'test' })).status).toBe(404);
    const otherCentreSupervisor = await signedIn(t, 'supervisor', {
      agencyId: DEMO_AGENCIES.socialWorkCentreQuangNam.id,
    });
    expect((await dismiss(otherCentreSupervisor, id, { reason: 'test' })).status).toBe(404);
    for (const role of [
      'hotline_operator',
      'volunteer',
      'police_liaison',
      'health_liaison',
      'justice_liaison',
      'reporting_officer',
      'admin',
    ] as const) {
      const who = role === 'hotline_operator' ? operator : await signedIn(t, role);
      expect([role, (await dismiss(who, id, { reason: 'test' })).status]).toEqual([role, 404]);
    }
    expect(await pendingIds(caseworker)).toContain(id);
  });

  it("a dismissed community referral shows the volunteer 'closed', and nothing else", async () => {
    const sent = await t.http
      .post('/api/community-referrals')
      .set(...bearer(volunteer))
      .send({
        survivorName: 'Chị Bí Danh Thử',
        safeContactMethod: 'through_trusted_person',
        safeContactDetails: 'Gọi qua cô tổ trưởng',
        communeCode: TAM_KY,
        whatHappened: 'Synthetic: gửi nhầm, đã gửi lại',
        dangerNow: false,
        childInvolved: false,
        consentToContact: true,
      });
    const queue = await t.http.get('/api/intake?limit=100').set(...bearer(otherCentreCaseworker));
    const item = queue.body.items.find(
      (i: { summary: string }) => i.summary === 'Synthetic: gửi nhầm, đã gửi lại',
    );
    expect((await dismiss(otherCentreCaseworker, item.id, { reason: 'duplicate' })).status).toBe(
      200,
    );
    const mine = await t.http.get('/api/community-referrals/mine').set(...bearer(volunteer));
    const status = mine.body.items.find((r: { id: string }) => r.id === sent.body.id);
    expect(status).toMatchObject({ status: 'closed' });
    expect(JSON.stringify(status)).not.toMatch(/duplicate|Bí Danh/);
  });
});
