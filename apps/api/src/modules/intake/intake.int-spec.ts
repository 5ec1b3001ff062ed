import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import {
  callBody,
  dumpAllTables,
  HAI_CHAU,
  incident,
  openCaseBody,
  syntheticPhone,
  TAM_KY,
  walkIn,
} from '../../../test-support/intake-fixtures';
import { DEMO_AGENCIES } from '../seed/demo-data';

type S = TestUser & Session;

describe('confidential intake: calls, community referrals, cases', () => {
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

  async function count(table: string): Promise<number> {
    const [{ n }] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as {
      n: number;
    }[];
    return n;
  }

  describe('hotline call → hand-over → case', () => {
    it('links a repeat caller by phone without storing the number', async () => {
      const phone = syntheticPhone();
      const first = await t.http
        .post('/api/calls')
        .set(...bearer(operator))
        .send(callBody({ callerPhone: phone }));
      expect(first.status).toBe(201);
      expect(first.body.lineNumber).toBe('111');
      // Spaces and the +84 prefix are the same number.
      const spaced = `+84 ${phone.slice(1, 3)} ${phone.slice(3, 6)} ${phone.slice(6)}`;
      const second = await t.http
        .post('/api/calls')
        .set(...bearer(operator))
        .send(callBody({ callerPhone: spaced }));
      expect(second.status).toBe(201);
      expect(second.body.repeatCallerCallIds).toEqual([first.body.id]);
      expect(JSON.stringify(second.body)).not.toContain(phone);
      expect(await dumpAllTables(t)).not.toContain(phone.slice(1));
    });

    it('records an anonymous call with no phone', async () => {
      const res = await t.http
        .post('/api/calls')
        .set(...bearer(operator))
        .send(callBody({ callerType: 'anonymous', notes: null }));
      expect(res.status).toBe(201);
      expect(res.body.repeatCallerCallIds).toEqual([]);
    });

    it.each([
      [{ startedAt: new Date(Date.now() + 3600_000).toISOString() }, 'startedAt', 'in_future'],
      [{ endedAt: new Date(Date.now() - 3600_000).toISOString() }, 'endedAt', 'before_started'],
      [
        { chairmanNotificationMeans: null },
        'chairmanNotificationMeans',
        'required_with_notification',
      ],
      [{ callerPhone: '12ab' }, 'callerPhone', 'invalid_phone'],
      [{ communeCode: '99999' }, 'communeCode', 'not_found'],
      [{ channel: 'pigeon' }, 'channel', 'isIn'],
      [{ lineId: '00000000-0000-4000-8000-000000000000' }, 'lineId', 'not_found'],
    ])('rejects %j with 400 naming %s', async (patch, field, code) => {
      const before = await count('calls');
      const res = await t.http
        .post('/api/calls')
        .set(...bearer(operator))
        .send(callBody(patch));
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field, code });
      expect(await count('calls')).toBe(before);
    });

    it('hands a call to a centre, where a caseworker opens a case; the operator then sees only code and stage', async () => {
      const call = await t.http
        .post('/api/calls')
        .set(...bearer(operator))
        .send(callBody());
      const toPolice = await t.http
        .post(`/api/calls/${call.body.id}/hand-over`)
        .set(...bearer(operator))
        .send({ agencyId: DEMO_AGENCIES.police.id });
      expect(toPolice.status).toBe(400);
      expect(toPolice.body.errors[0]).toMatchObject({
        field: 'agencyId',
        code: 'not_social_work_centre',
      });

      const handed = await t.http
        .post(`/api/calls/${call.body.id}/hand-over`)
        .set(...bearer(operator))
        .send({ agencyId: DEMO_AGENCIES.socialWorkCentre.id });
      expect(handed.status).toBe(200);
      expect(handed.body).toMatchObject({
        outcome: 'handed_to_centre',
        notes: null,
        caseCode: null,
      });
      expect(
        (
          await t.http
            .post(`/api/calls/${call.body.id}/hand-over`)
            .set(...bearer(operator))
            .send({ agencyId: DEMO_AGENCIES.socialWorkCentre.id })
        ).status,
      ).toBe(409);
      expect(
        (
          await t.http
            .patch(`/api/calls/${call.body.id}`)
            .set(...bearer(operator))
            .send({ notes: 'late edit' })
        ).status,
      ).toBe(409);

      const queue = await t.http.get('/api/intake?limit=100').set(...bearer(caseworker));
      const item = queue.body.items.find(
        (i: { source: string; summary: string | null }) =>
          i.source === 'call' && i.summary === 'Synthetic operator notes',
      );
      expect(item).toMatchObject({ status: 'pending', dangerNow: true, communeCode: HAI_CHAU });
      // The other centre's queue does not have it.
      const otherQueue = await t.http
        .get('/api/intake?limit=100')
        .set(...bearer(otherCentreCaseworker));
      expect(otherQueue.body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
      expect(
        (
          await t.http
            .post(`/api/intake/${item.id}/open-case`)
            .set(...bearer(otherCentreCaseworker))
            .send(openCaseBody())
        ).status,
      ).toBe(404);

      // An intake item's source is its call: "referred by another agency" is for walk-ins only.
      const referred = await t.http
        .post(`/api/intake/${item.id}/open-case`)
        .set(...bearer(caseworker))
        .send({ ...openCaseBody(), referredByAgency: true });
      expect(referred.status).toBe(400);
      expect(JSON.stringify(referred.body.errors)).toContain('"field":"referredByAgency"');

      const opened = await t.http
        .post(`/api/intake/${item.id}/open-case`)
        .set(...bearer(caseworker))
        .send(openCaseBody());
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({
        source: 'call',
        stage: 'intake',
        assignedUserId: caseworker.id,
        agencyId: DEMO_AGENCIES.socialWorkCentre.id,
      });
      expect(opened.body.survivorCode).toMatch(/^DN-\d{4}-\d{6}$/);
      expect(
        (
          await t.http
            .post(`/api/intake/${item.id}/open-case`)
            .set(...bearer(caseworker))
            .send(openCaseBody())
        ).status,
      ).toBe(409);

      const seen = await t.http.get(`/api/calls/${call.body.id}`).set(...bearer(operator));
      expect(seen.body).toMatchObject({
        caseCode: opened.body.survivorCode,
        caseStage: 'intake',
        notes: null,
      });
      expect(
        (await t.http.get(`/api/cases/${opened.body.id}`).set(...bearer(operator))).status,
      ).toBe(404);
    });

    it("shows an opened item's notes, name and contact only to readers of its case", async () => {
      const colleague = await signedIn(t, 'caseworker');
      const notes = `Synthetic notes ${syntheticPhone()}`;
      const call = await t.http
        .post('/api/calls')
        .set(...bearer(operator))
        .send(callBody({ notes }));
      await t.http
        .post(`/api/calls/${call.body.id}/hand-over`)
        .set(...bearer(operator))
        .send({ agencyId: DEMO_AGENCIES.socialWorkCentre.id });
      const referral = await t.http
        .post('/api/community-referrals')
        .set(...bearer(volunteer))
        .send({
          survivorName: 'Chị Tên Giả Định',
          safeContactMethod: 'phone_call',
          safeContactDetails: 'Synthetic: chỉ gọi buổi sáng',
          communeCode: HAI_CHAU,
          whatHappened: notes,
          dangerNow: false,
          childInvolved: false,
          consentToContact: true,
        });
      expect(referral.status).toBe(201);
      const pending = await t.http.get('/api/intake?limit=100').set(...bearer(caseworker));
      const ours = pending.body.items.filter(
        (i: { summary: string | null }) => i.summary === notes,
      );
      expect(ours).toHaveLength(2);
      const caseIds: string[] = [];
      for (const item of ours) {
        const opened = await t.http
          .post(`/api/intake/${item.id}/open-case`)
          .set(...bearer(caseworker))
          .send(openCaseBody());
        expect(opened.status).toBe(201);
        caseIds.push(opened.body.id);
      }
      const ids = ours.map((i: { id: string }) => i.id);
      const openedFor = async (who: S) =>
        (
          await t.http.get('/api/intake?status=opened&limit=100').set(...bearer(who))
        ).body.items.filter((i: { id: string }) => ids.includes(i.id));

      // The colleague gets 404 on the cases, and the queue tells no more than where, when and the flags.
      for (const id of caseIds) {
        expect((await t.http.get(`/api/cases/${id}`).set(...bearer(colleague))).status).toBe(404);
      }
      const auditBefore = await count('audit_log');
      const seenByColleague = await openedFor(colleague);
      expect(seenByColleague).toHaveLength(2);
      for (const item of seenByColleague) {
        expect(item).toMatchObject({
          status: 'opened',
          communeCode: HAI_CHAU,
          summary: null,
          survivorName: null,
          safeContactMethod: null,
          safeContactDetails: null,
          caseId: null,
          detailsWithheld: true,
        });
      }
      expect(JSON.stringify(seenByColleague)).not.toMatch(/Tên Giả Định|buổi sáng|Synthetic notes/);
      // What was not shown was not read, so nothing is recorded as read.
      expect(await count('audit_log')).toBe(auditBefore);

      // The case's caseworker and the centre's supervisor read it as before.
      for (const reader of [caseworker, supervisor]) {
        const seen = await openedFor(reader);
        expect(seen.map((i: { summary: string }) => i.summary)).toEqual([notes, notes]);
        expect(seen.map((i: { detailsWithheld: boolean }) => i.detailsWithheld)).toEqual([
          false,
          false,
        ]);
        expect(seen.map((i: { caseId: string }) => i.caseId).sort()).toEqual([...caseIds].sort());
      }
      expect(
        (await openedFor(caseworker)).find((i: { survivorName: string | null }) => i.survivorName),
      ).toMatchObject({
        survivorName: 'Chị Tên Giả Định',
        safeContactDetails: 'Synthetic: chỉ gọi buổi sáng',
      });
    });

    it('operators of another hotline do not see the call', async () => {
      const call = await t.http
        .post('/api/calls')
        .set(...bearer(operator))
        .send(callBody());
      const otherHotline = (await t.dataSource.query(
        `INSERT INTO agencies (type, name, province_code) VALUES ('hotline', 'Synthetic other hotline', '48') RETURNING id`,
      )) as { id: string }[];
      const stranger = await signedIn(t, 'hotline_operator', { agencyId: otherHotline[0]?.id });
      expect((await t.http.get(`/api/calls/${call.body.id}`).set(...bearer(stranger))).status).toBe(
        404,
      );
      const list = await t.http.get('/api/calls?limit=100').set(...bearer(stranger));
      expect(list.body.items).toEqual([]);
      expect((await t.http.get('/api/hotline-lines').set(...bearer(stranger))).body).toEqual([]);
      expect(
        (await t.http.get('/api/hotline-lines').set(...bearer(operator))).body.map(
          (l: { number: string }) => l.number,
        ),
      ).toEqual(['111', '1800 1581']);
    });
  });

  describe('hotline numbers are configuration', () => {
    it('an admin adds, renames and retires a line; operators see only their active lines; others may not configure', async () => {
      const admin = await signedIn(t, 'admin');
      const number = `1900 ${Math.floor(1000 + Math.random() * 8999)}`;
      const created = await t.http
        .post('/api/hotline-lines')
        .set(...bearer(admin))
        .send({ agencyId: DEMO_AGENCIES.hotline.id, number, name: 'Đường dây thử nghiệm' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        number,
        active: true,
        agencyId: DEMO_AGENCIES.hotline.id,
      });
      const dup = await t.http
        .post('/api/hotline-lines')
        .set(...bearer(admin))
        .send({ agencyId: DEMO_AGENCIES.hotline.id, number, name: 'Trùng' });
      expect(dup.status).toBe(409);
      expect(dup.body.errors[0]).toMatchObject({ field: 'number', code: 'number_taken' });
      const toPolice = await t.http
        .post('/api/hotline-lines')
        .set(...bearer(admin))
        .send({ agencyId: DEMO_AGENCIES.police.id, number: '113', name: 'x' });
      expect(toPolice.body.errors[0]).toMatchObject({ field: 'agencyId', code: 'not_a_hotline' });
      const numbers = async () =>
        (await t.http.get('/api/hotline-lines').set(...bearer(operator))).body.map(
          (l: { number: string }) => l.number,
        );
      expect(await numbers()).toContain(number);
      const retired = await t.http
        .patch(`/api/hotline-lines/${created.body.id}`)
        .set(...bearer(admin))
        .send({ active: false });
      expect(retired.body.active).toBe(false);
      expect(await numbers()).not.toContain(number);
      expect(
        (await t.http.get('/api/hotline-lines').set(...bearer(admin))).body.map(
          (l: { id: string }) => l.id,
        ),
      ).toContain(created.body.id);
      expect(
        (
          await t.http
            .post('/api/hotline-lines')
            .set(...bearer(operator))
            .send({ agencyId: DEMO_AGENCIES.hotline.id, number: '1900 0000', name: 'x' })
        ).status,
      ).toBe(403);
    });
  });

  describe('community referral', () => {
    it("lands in the covering centre's queue; the volunteer sees only its status", async () => {
      const res = await t.http
        .post('/api/community-referrals')
        .set(...bearer(volunteer))
        .send({
          survivorName: 'Chị Bí Danh',
          safeContactMethod: 'through_trusted_person',
          safeContactDetails: 'Gọi qua cô tổ trưởng sau 21 giờ',
          communeCode: TAM_KY,
          whatHappened: 'Synthetic: bị chồng đánh',
          dangerNow: false,
          childInvolved: true,
          consentToContact: true,
        });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual([
        'id',
        'reference',
        'status',
        'submittedAt',
        'updatedAt',
      ]);
      expect(res.body.status).toBe('received');
      expect(res.body.reference).toMatch(/^CR-[0-9A-F]{6}$/);

      // Tam Kỳ is covered by the Tam Kỳ centre, not the city centre.
      const cityQueue = await t.http.get('/api/intake?limit=100').set(...bearer(caseworker));
      expect(cityQueue.body.items.map((i: { summary: string }) => i.summary)).not.toContain(
        'Synthetic: bị chồng đánh',
      );
      const queue = await t.http.get('/api/intake?limit=100').set(...bearer(otherCentreCaseworker));
      const item = queue.body.items.find(
        (i: { summary: string }) => i.summary === 'Synthetic: bị chồng đánh',
      );
      expect(item).toMatchObject({
        source: 'community_referral',
        survivorName: 'Chị Bí Danh',
        consentToContact: true,
        childInvolved: true,
      });

      const opened = await t.http
        .post(`/api/intake/${item.id}/open-case`)
        .set(...bearer(otherCentreCaseworker))
        .send(openCaseBody());
      expect(opened.status).toBe(201);
      expect(opened.body.childInvolved).toBe(true);

      const mine = await t.http.get('/api/community-referrals/mine').set(...bearer(volunteer));
      expect(mine.body.items[0]).toMatchObject({ id: res.body.id, status: 'accepted' });
      expect(JSON.stringify(mine.body)).not.toMatch(/Bí Danh|chồng|21 giờ/);
      // Never the content of a case, including the one made from what they sent.
      expect(
        (await t.http.get(`/api/cases/${opened.body.id}`).set(...bearer(volunteer))).status,
      ).toBe(404);
      expect((await t.http.get('/api/cases').set(...bearer(volunteer))).status).toBe(403);
      expect((await t.http.get('/api/intake').set(...bearer(volunteer))).status).toBe(403);
    });

    it('another volunteer does not see it', async () => {
      const other = await signedIn(t, 'volunteer');
      const mine = await t.http.get('/api/community-referrals/mine').set(...bearer(other));
      expect(mine.body.items).toEqual([]);
    });

    it('names the field of a bad referral', async () => {
      const res = await t.http
        .post('/api/community-referrals')
        .set(...bearer(volunteer))
        .send({
          survivorName: '',
          safeContactMethod: 'phone_call',
          safeContactDetails: 'x',
          communeCode: HAI_CHAU,
          whatHappened: 'x',
          dangerNow: false,
          childInvolved: false,
          consentToContact: true,
        });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('survivorName');
    });
  });

  describe('privacy of identity', () => {
    it("stores the survivor's name, phone, address and notes only encrypted", async () => {
      const phone = syntheticPhone();
      const body = openCaseBody({
        survivor: { fullName: 'Trần Thị Bảo Mật', phone, address: 'Số 99 đường Tổng Hợp' },
      });
      const created = await walkIn(t, caseworker, body);
      await t.http
        .post(`/api/cases/${created.id}/notes`)
        .set(...bearer(caseworker))
        .send({ body: 'Ghi chú tư vấn bí mật' });
      const dump = await dumpAllTables(t);
      for (const secret of [
        'Bảo Mật',
        phone,
        'Tổng Hợp',
        'tư vấn bí mật',
        'Synthetic description',
      ]) {
        expect(dump).not.toContain(secret);
      }
      const detail = await t.http.get(`/api/cases/${created.id}`).set(...bearer(caseworker));
      expect(JSON.stringify(detail.body)).not.toContain('Bảo Mật');
      expect(detail.body.identity).toMatchObject({
        anonymous: false,
        sex: 'female',
        ageGroup: '25_59',
      });
      expect(detail.body.identity.present).toMatchObject({
        fullName: true,
        phone: true,
        idNumber: false,
      });

      const revealed = await t.http
        .post(`/api/cases/${created.id}/reveal-identity`)
        .set(...bearer(caseworker));
      expect(revealed.status).toBe(200);
      expect(revealed.body).toMatchObject({
        fullName: 'Trần Thị Bảo Mật',
        phone,
        address: 'Số 99 đường Tổng Hợp',
      });
      const audit = (await t.dataSource.query(
        `SELECT action, fields FROM audit_log WHERE case_id = $1 AND action = 'survivor.reveal'`,
        [created.id],
      )) as { fields: string[] }[];
      expect(audit).toHaveLength(1);
      expect(audit[0]?.fields).toEqual(expect.arrayContaining(['fullName', 'phone']));
    });

    it('finds a case exactly by phone or by name + birth date (diacritics and spacing ignored), through POST only', async () => {
      const phone = syntheticPhone();
      const created = await walkIn(
        t,
        caseworker,
        openCaseBody({
          survivor: { fullName: 'Lê Thị Tìm Kiếm', dateOfBirth: '1985-02-03', phone },
        }),
      );
      const byPhone = await t.http
        .post('/api/cases/search')
        .set(...bearer(caseworker))
        .send({ phone: `${phone.slice(0, 4)} ${phone.slice(4)}` });
      expect(byPhone.status).toBe(200);
      expect(byPhone.body.map((c: { id: string }) => c.id)).toEqual([created.id]);
      const byName = await t.http
        .post('/api/cases/search')
        .set(...bearer(caseworker))
        .send({ fullName: '  le thi  TIM kiem ', dateOfBirth: '1985-02-03' });
      expect(byName.body.map((c: { id: string }) => c.id)).toEqual([created.id]);
      const wrongDob = await t.http
        .post('/api/cases/search')
        .set(...bearer(caseworker))
        .send({ fullName: 'Lê Thị Tìm Kiếm', dateOfBirth: '1985-02-04' });
      expect(wrongDob.body).toEqual([]);
      // Another centre's caseworker finds nothing: search is filtered by the same rules as lists.
      const other = await t.http
        .post('/api/cases/search')
        .set(...bearer(otherCentreCaseworker))
        .send({ phone });
      expect(other.body).toEqual([]);
      const audit = (await t.dataSource.query(
        `SELECT details::text AS d FROM audit_log WHERE action = 'case.search' ORDER BY id DESC LIMIT 3`,
      )) as { d: string }[];
      expect(audit.map((a) => a.d).join()).not.toContain(phone);
    });

    it('flags a possible duplicate to those who may see it, and only "ask your supervisor" to others', async () => {
      const phone = syntheticPhone();
      const first = await walkIn(t, caseworker, openCaseBody({ survivor: { phone } }));
      const again = await t.http
        .post('/api/cases')
        .set(...bearer(caseworker))
        .send(openCaseBody({ survivor: { phone, fullName: 'Tên Khác' } }));
      expect(again.body.possibleDuplicates).toEqual([
        { caseId: first.id, survivorCode: first.survivorCode, matchedOn: ['phone'] },
      ]);
      expect(again.body.hiddenDuplicateExists).toBe(false);
      const elsewhere = await t.http
        .post('/api/cases')
        .set(...bearer(otherCentreCaseworker))
        .send(openCaseBody({ survivor: { phone } }));
      expect(elsewhere.status).toBe(201);
      expect(elsewhere.body.possibleDuplicates).toEqual([]);
      expect(elsewhere.body.hiddenDuplicateExists).toBe(true);
      expect(JSON.stringify(elsewhere.body)).not.toContain(first.survivorCode);

      // The check could be used to probe a number: it is audited (counts only), and the supervisors of the
      // centre whose case matched are told, by their case's code and the checking centre's name.
      const checks = (await t.dataSource.query(
        `SELECT actor_user_id, details FROM audit_log
          WHERE action = 'survivor.duplicate_check' AND case_id = $1`,
        [elsewhere.body.id],
      )) as { actor_user_id: string; details: Record<string, number> }[];
      expect(checks).toEqual([
        { actor_user_id: otherCentreCaseworker.id, details: { matches: 2, hidden: 2 } },
      ]);
      expect(JSON.stringify(checks)).not.toContain(phone.slice(1));
      const told = await t.http.get('/api/notifications').set(...bearer(supervisor));
      const match = told.body.items.find(
        (n: { kind: string; link: string }) =>
          n.kind === 'case.duplicate_match' && n.link === `/cases/${first.id}`,
      );
      expect(match.params).toEqual({
        survivorCode: first.survivorCode,
        agencyName: DEMO_AGENCIES.socialWorkCentreQuangNam.name,
      });
      expect(JSON.stringify(told.body)).not.toContain(phone.slice(1));
      // The caseworker who could see the match was not told about their own check.
      const caseworkerTold = await t.http.get('/api/notifications').set(...bearer(caseworker));
      expect(
        caseworkerTold.body.items.filter(
          (n: { kind: string }) => n.kind === 'case.duplicate_match',
        ),
      ).toEqual([]);
    });
  });

  describe('consent', () => {
    const child = (age: number, consent: Record<string, unknown>) =>
      openCaseBody({ survivor: { dateOfBirth: null, age }, consent: consent as never });

    it.each([
      [10, { givenBy: 'survivor' }, 'guardian_consent_required'],
      [10, { givenBy: 'guardian', childAssent: false }, 'child_assent_required'],
      [
        10,
        { givenBy: 'guardian', guardianIsSuspect: true, childAssent: true },
        'guardian_is_suspect',
      ],
      [
        10,
        { givenBy: 'best_interest_decision', guardianIsSuspect: true },
        'best_interest_requires_supervisor',
      ],
      [30, { givenBy: 'guardian' }, 'adult_consents_for_self'],
    ])('a survivor aged %i with %j → 409 %s, nothing written', async (age, consent, code) => {
      const before = await count('cases');
      const res = await t.http
        .post('/api/cases')
        .set(...bearer(caseworker))
        .send(child(age, consent));
      expect(res.status).toBe(409);
      expect(res.body.errors[0].code).toBe(code);
      expect(res.body.message).toBeTruthy();
      expect(await count('cases')).toBe(before);
    });

    it("accepts a guardian's consent with the child's assent, and a supervisor's best-interest decision", async () => {
      expect(
        (
          await t.http
            .post('/api/cases')
            .set(...bearer(caseworker))
            .send(child(10, { givenBy: 'guardian', childAssent: true }))
        ).status,
      ).toBe(201);
      expect(
        (
          await t.http
            .post('/api/cases')
            .set(...bearer(caseworker))
            .send(child(5, { givenBy: 'guardian' }))
        ).status,
      ).toBe(201);
      const res = await t.http
        .post('/api/cases')
        .set(...bearer(supervisor))
        .send(
          child(12, {
            givenBy: 'best_interest_decision',
            guardianIsSuspect: true,
            bestInterestReason: 'Người giám hộ là nghi phạm',
          }),
        );
      expect(res.status).toBe(201);
      expect(res.body.childInvolved).toBe(true);
      expect(res.body.consents[0]).toMatchObject({
        kind: 'case_management',
        givenBy: 'best_interest_decision',
        guardianIsSuspect: true,
      });
    });

    it('without consent keeps only an anonymous record', async () => {
      const refused = await t.http
        .post('/api/cases')
        .set(...bearer(caseworker))
        .send(openCaseBody({ consent: { given: false } }));
      expect(refused.status).toBe(400);
      expect(
        refused.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      ).toEqual(
        expect.arrayContaining([
          ['survivor.fullName', 'consent_required'],
          ['survivor.phone', 'consent_required'],
        ]),
      );
      const anonymous = await t.http
        .post('/api/cases')
        .set(...bearer(caseworker))
        .send({
          consent: { given: false, givenBy: 'survivor', method: 'verbal' },
          survivor: { sex: 'female', age: 30 },
          incident: incident({ description: null }),
        });
      expect(anonymous.status).toBe(201);
      expect(anonymous.body.identity).toMatchObject({ anonymous: true, ageGroup: '25_59' });
      expect(anonymous.body.consents).toEqual([]);
      const note = await t.http
        .post(`/api/cases/${anonymous.body.id}/notes`)
        .set(...bearer(caseworker))
        .send({ body: 'story' });
      expect(note.status).toBe(409);
    });

    it('records consent to share, and its withdrawal; unknown case → 404', async () => {
      const created = await walkIn(t, caseworker);
      const consent = await t.http
        .post(`/api/cases/${created.id}/consents`)
        .set(...bearer(caseworker))
        .send({
          givenBy: 'survivor',
          method: 'written',
          agencyTypes: ['police', 'health'],
          dataCategories: ['incident_facts', 'safe_contact'],
        });
      expect(consent.status).toBe(201);
      const withdrawn = await t.http
        .post(`/api/cases/${created.id}/consents/${consent.body.id}/withdraw`)
        .set(...bearer(caseworker))
        .send({ reason: 'Đổi ý' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.withdrawnAt).toBeTruthy();
      expect(
        (
          await t.http
            .post(`/api/cases/${created.id}/consents/${consent.body.id}/withdraw`)
            .set(...bearer(caseworker))
            .send({ reason: 'again' })
        ).status,
      ).toBe(409);
      const unknown = await t.http
        .post('/api/cases/00000000-0000-4000-8000-000000000000/consents')
        .set(...bearer(caseworker))
        .send({
          givenBy: 'survivor',
          method: 'written',
          agencyTypes: ['police'],
          dataCategories: ['incident_facts'],
        });
      expect(unknown.status).toBe(404);
    });
  });

  describe('incidents', () => {
    it.each([
      [
        { discoveredAt: new Date(Date.now() + 3600_000 * 24).toISOString() },
        'incident.discoveredAt',
        'in_future',
      ],
      [
        { discoveredAt: new Date(Date.now() - 10 * 24 * 3600_000).toISOString() },
        'incident.discoveredAt',
        'before_occurred',
      ],
      [
        { classificationAnswers: { penetration: false, physical_assault: true } },
        'incident.classificationAnswers.sexual_contact',
        'classification_incomplete',
      ],
      [
        { classificationAnswers: {} },
        'incident.classificationAnswers.penetration',
        'classification_incomplete',
      ],
      [
        { classificationAnswers: { penetration: 'yes' } },
        'incident.classificationAnswers.penetration',
        'unknown_question',
      ],
      [{ serious: true, seriousReasons: [] }, 'incident.seriousReasons', 'serious_reason_required'],
      [{ dvForms: ['spiritual'] }, 'incident.dvForms', 'isIn'],
    ])(
      'open-case with incident %j → 400 on %s, nothing half-written',
      async (patch, field, code) => {
        const before = await Promise.all(
          ['cases', 'survivors', 'incidents', 'consent_records'].map(count),
        );
        const res = await t.http
          .post('/api/cases')
          .set(...bearer(caseworker))
          .send(openCaseBody({ incident: incident(patch as never) }));
        expect(res.status).toBe(400);
        expect(res.body.errors[0]).toMatchObject({ field, code });
        expect(
          await Promise.all(['cases', 'survivors', 'incidents', 'consent_records'].map(count)),
        ).toEqual(before);
      },
    );

    it('derives the GBVIMS type from the answers and marks the case serious', async () => {
      const created = await walkIn(t, caseworker, openCaseBody({ incident: null }));
      const res = await t.http
        .post(`/api/cases/${created.id}/incidents`)
        .set(...bearer(caseworker))
        .send(
          incident({
            classificationAnswers: { penetration: true },
            serious: true,
            seriousReasons: ['sexual_violence_against_child'],
          }),
        );
      expect(res.status).toBe(201);
      expect(res.body.gbvType).toBe('rape');
      expect(res.body.perpetrators[0]).toMatchObject({ relationship: 'spouse', family: true });
      const detail = await t.http.get(`/api/cases/${created.id}`).set(...bearer(caseworker));
      expect(detail.body.seriousIncident).toBe(true);
      const changed = await t.http
        .patch(`/api/cases/${created.id}/incidents/${res.body.id}`)
        .set(...bearer(caseworker))
        .send({ serious: false, seriousReasons: [] });
      expect(changed.status).toBe(400);
      expect(changed.body.errors[0]).toMatchObject({
        field: 'unmarkReason',
        code: 'reason_required',
      });
      const unmarked = await t.http
        .patch(`/api/cases/${created.id}/incidents/${res.body.id}`)
        .set(...bearer(caseworker))
        .send({
          serious: false,
          seriousReasons: [],
          unmarkReason: 'Đánh giá lại: không nghiêm trọng',
        });
      expect(unmarked.status).toBe(200);
      expect(
        (await t.http.get(`/api/cases/${created.id}`).set(...bearer(caseworker))).body
          .seriousIncident,
      ).toBe(false);
    });
  });

  describe('stages, assignment and the access log', () => {
    it('moves through IASC stages; invalid jumps are 400; closing goes through the closure request', async () => {
      const created = await walkIn(t, caseworker);
      const jump = await t.http
        .patch(`/api/cases/${created.id}`)
        .set(...bearer(caseworker))
        .send({ stage: 'follow_up' });
      expect(jump.status).toBe(400);
      expect(jump.body.errors[0]).toMatchObject({ field: 'stage', code: 'invalid_transition' });
      for (const stage of ['assessment', 'case_planning']) {
        expect(
          (
            await t.http
              .patch(`/api/cases/${created.id}`)
              .set(...bearer(caseworker))
              .send({ stage })
          ).status,
        ).toBe(200);
      }
      for (const session of [caseworker, supervisor]) {
        const close = await t.http
          .patch(`/api/cases/${created.id}`)
          .set(...bearer(session))
          .send({ stage: 'closure_pending' });
        expect(close.status).toBe(400);
        expect(close.body.errors[0].code).toBe('use_closure_request');
      }
      // The risk level is not set by hand: it follows the latest risk assessment.
      const risk = await t.http
        .patch(`/api/cases/${created.id}`)
        .set(...bearer(supervisor))
        .send({ stage: 'case_planning', riskLevel: 'low' });
      expect(risk.status).toBe(400);
      expect(risk.body.errors[0]).toMatchObject({ field: 'riskLevel' });
    });

    it('a supervisor reassigns a case: access moves with it', async () => {
      const created = await walkIn(t, caseworker);
      const colleague = await signedIn(t, 'caseworker');
      expect((await t.http.get(`/api/cases/${created.id}`).set(...bearer(colleague))).status).toBe(
        404,
      );
      expect(
        (
          await t.http
            .post(`/api/cases/${created.id}/assign`)
            .set(...bearer(caseworker))
            .send({ userId: colleague.id })
        ).status,
      ).toBe(403);
      const bad = await t.http
        .post(`/api/cases/${created.id}/assign`)
        .set(...bearer(supervisor))
        .send({ userId: otherCentreCaseworker.id });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'userId', code: 'not_a_caseworker_here' });
      expect(
        (
          await t.http
            .post(`/api/cases/${created.id}/assign`)
            .set(...bearer(supervisor))
            .send({ userId: colleague.id })
        ).status,
      ).toBe(200);
      expect((await t.http.get(`/api/cases/${created.id}`).set(...bearer(colleague))).status).toBe(
        200,
      );
      expect((await t.http.get(`/api/cases/${created.id}`).set(...bearer(caseworker))).status).toBe(
        404,
      );
    });

    it('the supervisor sees who read the file; a caseworker may not open the access log', async () => {
      const created = await walkIn(t, caseworker);
      await t.http.get(`/api/cases/${created.id}`).set(...bearer(caseworker));
      await t.http.post(`/api/cases/${created.id}/reveal-identity`).set(...bearer(caseworker));
      const log = await t.http
        .get(`/api/cases/${created.id}/access-log`)
        .set(...bearer(supervisor));
      expect(log.status).toBe(200);
      const actions = log.body.items.map(
        (e: { action: string; actorUserId: string }) =>
          `${e.actorUserId === caseworker.id ? 'cw' : '?'}:${e.action}`,
      );
      expect(actions).toEqual(
        expect.arrayContaining([
          'cw:case.create',
          'cw:survivor.create',
          'cw:incident.create',
          'cw:case.read',
          'cw:survivor.reveal',
        ]),
      );
      expect(log.body.items[0].actorName).toBeTruthy();
      expect(
        (await t.http.get(`/api/cases/${created.id}/access-log`).set(...bearer(caseworker))).status,
      ).toBe(403);
      expect(
        (
          await t.http.get(`/api/cases/${created.id}/access-log`).set(
            ...bearer(
              await signedIn(t, 'supervisor', {
                agencyId: DEMO_AGENCIES.socialWorkCentreQuangNam.id,
              }),
            ),
          )
        ).status,
      ).toBe(404);
    });
  });
});
