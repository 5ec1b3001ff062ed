import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import { HAI_CHAU, openCaseBody } from '../../../test-support/intake-fixtures';

type S = TestUser & Session;

/** A referral as a volunteer's phone sends it, with the key it made when the volunteer pressed "send". */
function referral(idempotencyKey: string | undefined, what = `Synthetic ${randomUUID()}`) {
  return {
    survivorName: 'Chị Bí Danh',
    safeContactMethod: 'through_trusted_person',
    safeContactDetails: 'Gọi qua cô tổ trưởng sau 21 giờ',
    communeCode: HAI_CHAU,
    whatHappened: what,
    dangerNow: false,
    childInvolved: false,
    consentToContact: true,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  };
}

describe('community referrals sent from a phone that was offline', () => {
  let t: TestApp;
  let volunteer: S;
  let otherVolunteer: S;
  let caseworker: S;

  beforeAll(async () => {
    t = await createTestApp();
    [volunteer, otherVolunteer, caseworker] = await Promise.all([
      signedIn(t, 'volunteer'),
      signedIn(t, 'volunteer'),
      signedIn(t, 'caseworker'),
    ]);
  });
  afterAll(() => t.close());

  const send = (who: S, body: object) =>
    t.http
      .post('/api/community-referrals')
      .set(...bearer(who))
      .send(body);

  /** The volunteer's referrals as they see them, and the intake items made from them. */
  async function rows(): Promise<{ referrals: number; intake: number }> {
    const [r] = (await t.dataSource.query(
      `SELECT count(*)::int AS intake FROM community_referrals cr
         JOIN intake_items i ON i.community_referral_id = cr.id
        WHERE cr.submitted_by_user_id = $1`,
      [volunteer.id],
    )) as { intake: number }[];
    const mine = await t.http
      .get('/api/community-referrals/mine?limit=100')
      .set(...bearer(volunteer));
    return { referrals: (mine.body.items as unknown[]).length, intake: r.intake };
  }

  async function notificationsOf(
    who: S,
  ): Promise<{ kind: string; params: object; link: string }[]> {
    const res = await t.http.get('/api/notifications').set(...bearer(who));
    return res.body.items;
  }

  it('a replay with the same key answers 200 with the first referral and creates nothing', async () => {
    const key = randomUUID();
    const before = await rows();
    const first = await send(volunteer, referral(key));
    expect(first.status).toBe(201);
    const afterFirst = await rows();
    expect(afterFirst).toEqual({
      referrals: before.referrals + 1,
      intake: before.intake + 1,
    });
    const notified = (await notificationsOf(volunteer)).length;

    // The phone did not hear the answer and sends again, even with its text edited in between.
    const replay = await send(volunteer, referral(key, 'Synthetic text changed on the phone'));
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(await rows()).toEqual(afterFirst);
    expect((await notificationsOf(volunteer)).length).toBe(notified);
  });

  it('two replays racing each other still make one referral', async () => {
    const key = randomUUID();
    const before = await rows();
    const answers = await Promise.all([1, 2, 3].map(() => send(volunteer, referral(key))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect((await rows()).intake).toBe(before.intake + 1);
  });

  it("another volunteer's use of the same key is a new referral of their own, never the first one", async () => {
    const key = randomUUID();
    const first = await send(volunteer, referral(key));
    expect(first.status).toBe(201);
    const other = await send(otherVolunteer, referral(key));
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(other.body.reference).not.toBe(first.body.reference);
    const theirs = await t.http.get('/api/community-referrals/mine').set(...bearer(otherVolunteer));
    expect(theirs.body.items.map((i: { id: string }) => i.id)).not.toContain(first.body.id);
  });

  it('without a key every submission is a new referral (older clients)', async () => {
    const body = referral(undefined);
    const a = await send(volunteer, body);
    const b = await send(volunteer, body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it.each([['not-a-uuid'], [''], [42], [null], [['x']]])(
    'a key that is not a UUID (%j) is a 400 naming idempotencyKey, and nothing is written',
    async (bad) => {
      const before = await rows();
      const res = await send(volunteer, { ...referral(undefined), idempotencyKey: bad });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['idempotencyKey']);
      expect(await rows()).toEqual(before);
    },
  );

  it('the volunteer hears of each status change in the bell: reference only, linked to their referrals', async () => {
    const what = `Synthetic ${randomUUID()}`;
    const sent = await send(volunteer, referral(randomUUID(), what));
    expect(sent.status).toBe(201);
    const reference = sent.body.reference as string;
    const about = async () =>
      (await notificationsOf(volunteer)).filter(
        (n) => (n.params as { reference?: string }).reference === reference,
      );
    expect((await about()).map((n) => n.kind)).toEqual(['community_referral.received']);

    const queue = await t.http.get('/api/intake?limit=100').set(...bearer(caseworker));
    const item = queue.body.items.find((i: { summary: string }) => i.summary === what);
    const opened = await t.http
      .post(`/api/intake/${item.id}/open-case`)
      .set(...bearer(caseworker))
      .send(openCaseBody());
    expect(opened.status).toBe(201);

    const told = await about();
    expect(told.map((n) => n.kind).sort()).toEqual([
      'community_referral.accepted',
      'community_referral.received',
    ]);
    for (const n of told) {
      expect(n.link).toBe('/community');
      expect(JSON.stringify(n)).not.toMatch(/Bí Danh|21 giờ|Synthetic/);
      expect(JSON.stringify(n)).not.toContain(opened.body.id);
    }
    // No one else is told of this volunteer's referral.
    expect(JSON.stringify(await notificationsOf(otherVolunteer))).not.toContain(reference);
  });
});
