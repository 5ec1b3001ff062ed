import type {
  CaseReferralView,
  InboxReferralDetailView,
  InboxReferralView,
  Page,
} from '@caunoi/shared/contracts';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import { openCaseBody, walkIn } from '../../../test-support/intake-fixtures';
import {
  HEALTH,
  LEGAL_AID,
  OTHER_CENTRE,
  POLICE,
  POLICE_THANH_KHE,
  act,
  consentToShare,
  refer,
  referralInput,
  today,
} from '../../../test-support/referral-fixtures';

type S = TestUser & Session;

describe('inter-agency referral on real Postgres', () => {
  let t: TestApp;
  let caseworker: S;
  let supervisor: S;
  let police: S;
  let health: S;
  let justice: S;

  beforeAll(async () => {
    t = await createTestApp();
    [caseworker, supervisor, police, health, justice] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
      signedIn(t, 'police_liaison'),
      signedIn(t, 'health_liaison'),
      signedIn(t, 'justice_liaison'),
    ]);
  });
  afterAll(() => t.close());

  /** A case assigned to `caseworker`, with a known name and phone to look for in responses. */
  async function caseOf(): Promise<{ caseId: string; name: string; phone: string; code: string }> {
    const body = openCaseBody();
    const created = await walkIn(t, caseworker, body);
    await t.http
      .post(`/api/cases/${created.id}/assign`)
      .set(...bearer(supervisor))
      .send({ userId: caseworker.id })
      .expect(200);
    return {
      caseId: created.id,
      name: body.survivor.fullName as string,
      phone: body.survivor.phone as string,
      code: created.survivorCode,
    };
  }

  const countReferrals = async (caseId: string): Promise<number> =>
    (
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM referrals WHERE case_id = $1`, [
        caseId,
      ])) as { n: number }[]
    )[0].n;

  const notificationsOf = async (userId: string, kind: string) =>
    (await t.dataSource.query(
      `SELECT params, link, case_id FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY created_at`,
      [userId, kind],
    )) as { params: Record<string, unknown>; link: string; case_id: string | null }[];

  describe('consent gate', () => {
    it('refuses a referral with no consent naming the agency type: 409 on agencyId, nothing written', async () => {
      const { caseId } = await caseOf();
      const res = await t.http
        .post(`/api/cases/${caseId}/referrals`)
        .set(...bearer(caseworker))
        .send({ referrals: [referralInput(POLICE)] })
        .expect(409);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          field: 'referrals.0.agencyId',
          code: 'no_consent_for_agency_type',
          message: expect.stringContaining('police'),
        }),
      ]);
      expect(await countReferrals(caseId)).toBe(0);
    });

    it('names the packet categories consent does not cover; a batch with one bad referral sends none', async () => {
      const { caseId } = await caseOf();
      await consentToShare(t, caseworker, caseId, ['police', 'health'], ['incident_facts']);
      const res = await t.http
        .post(`/api/cases/${caseId}/referrals`)
        .set(...bearer(caseworker))
        .send({
          referrals: [
            referralInput(HEALTH, { services: ['emergency_medical_care'] }),
            referralInput(POLICE, { packet: ['incident_facts', 'perpetrator_info'] }),
          ],
        })
        .expect(409);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          field: 'referrals.1.packet',
          code: 'consent_missing',
          message: expect.stringContaining('perpetrator_info'),
        }),
      ]);
      expect(res.body.errors[0].message).not.toContain('incident_facts');
      expect(await countReferrals(caseId)).toBe(0);
    });

    it('refuses an agency that cannot take referrals, and the same agency twice (400)', async () => {
      const { caseId } = await caseOf();
      await consentToShare(t, caseworker, caseId, ['police'], ['incident_facts']);
      await t.dataSource.query(`UPDATE agencies SET accepting_referrals = false WHERE id = $1`, [
        POLICE_THANH_KHE,
      ]);
      try {
        const res = await t.http
          .post(`/api/cases/${caseId}/referrals`)
          .set(...bearer(caseworker))
          .send({
            referrals: [
              referralInput(POLICE_THANH_KHE),
              referralInput(POLICE),
              referralInput(POLICE),
              referralInput(caseworker.agencyId),
            ],
          })
          .expect(400);
        expect(
          res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        ).toEqual([
          ['referrals.0.agencyId', 'not_referable'],
          ['referrals.2.agencyId', 'duplicate_agency'],
          ['referrals.3.agencyId', 'not_referable'],
        ]);
      } finally {
        await t.dataSource.query(`UPDATE agencies SET accepting_referrals = true WHERE id = $1`, [
          POLICE_THANH_KHE,
        ]);
      }
    });

    it('refuses counselling notes in a packet and a missing reason (400 naming the field)', async () => {
      const { caseId } = await caseOf();
      const res = await t.http
        .post(`/api/cases/${caseId}/referrals`)
        .set(...bearer(caseworker))
        .send({
          referrals: [
            referralInput(POLICE, { packet: ['counselling_notes' as never], reason: '' }),
          ],
        })
        .expect(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['referrals.0.packet', 'referrals.0.reason']));
    });

    it('an override without consent is sent, marked, and tells the supervisors at once; a supervisor reviews it', async () => {
      const { caseId, code } = await caseOf();
      const short = await t.http
        .post(`/api/cases/${caseId}/referrals`)
        .set(...bearer(caseworker))
        .send({
          referrals: [
            referralInput(POLICE, {
              override: { reason: 'threat_to_life', justification: 'ngắn' },
            }),
          ],
        })
        .expect(400);
      expect(short.body.errors[0].field).toBe('referrals.0.override.justification');

      const [sent] = await refer(t, caseworker, caseId, [
        referralInput(POLICE, {
          urgency: 'emergency',
          override: {
            reason: 'threat_to_life',
            justification:
              'Người gây bạo lực đe dọa giết, nạn nhân không thể liên lạc để xin đồng ý',
          },
        }),
      ]);
      expect(sent.override).toMatchObject({ reason: 'threat_to_life', reviewedAt: null });
      const told = await notificationsOf(supervisor.id, 'referral.override');
      expect(told.at(-1)?.params).toEqual({
        referralCode: sent.code,
        survivorCode: code,
        reason: 'threat_to_life',
      });
      expect(JSON.stringify(told)).not.toContain('đe dọa giết');

      // Only a supervisor reviews; a second review is refused.
      await t.http
        .post(`/api/cases/${caseId}/referrals/${sent.id}/review-override`)
        .set(...bearer(caseworker))
        .expect(403);
      const reviewed = await t.http
        .post(`/api/cases/${caseId}/referrals/${sent.id}/review-override`)
        .set(...bearer(supervisor))
        .expect(200);
      expect(reviewed.body.override.reviewedAt).not.toBeNull();
      expect(reviewed.body.events.map((e: { event: string }) => e.event)).toEqual([
        'sent',
        'override_reviewed',
      ]);
      await t.http
        .post(`/api/cases/${caseId}/referrals/${sent.id}/review-override`)
        .set(...bearer(supervisor))
        .expect(409);
    });

    it('an override where consent already covers the referral is refused (400)', async () => {
      const { caseId } = await caseOf();
      await consentToShare(t, caseworker, caseId, ['police'], ['incident_facts']);
      const res = await t.http
        .post(`/api/cases/${caseId}/referrals`)
        .set(...bearer(caseworker))
        .send({
          referrals: [
            referralInput(POLICE, {
              override: { reason: 'legal_obligation', justification: 'x'.repeat(30) },
            }),
          ],
        })
        .expect(400);
      expect(res.body.errors[0]).toMatchObject({
        field: 'referrals.0.override',
        code: 'override_not_needed',
      });
    });
  });

  describe('minimum disclosure', () => {
    it('police and health each see only their packet, in the list and the detail; nothing else of the case', async () => {
      const { caseId, name, phone, code } = await caseOf();
      await consentToShare(t, caseworker, caseId, ['police'], ['incident_facts', 'risk_level']);
      await consentToShare(
        t,
        caseworker,
        caseId,
        ['health'],
        ['identity_contact', 'injuries_medical'],
      );
      const [toPolice, toHealth] = await refer(t, caseworker, caseId, [
        referralInput(POLICE, { packet: ['incident_facts', 'risk_level'] }),
        referralInput(HEALTH, {
          services: ['emergency_medical_care'],
          packet: ['identity_contact', 'injuries_medical'],
        }),
      ]);

      const policeList = await t.http
        .get('/api/referrals?view=action_needed')
        .set(...bearer(police))
        .expect(200);
      const listed = (policeList.body as Page<InboxReferralView>).items.find(
        (r) => r.id === toPolice.id,
      );
      expect(listed).toMatchObject({ packet: ['incident_facts', 'risk_level'], status: 'sent' });
      expect(Object.keys(listed as object).sort()).toEqual(
        [
          'code',
          'fromAgency',
          'id',
          'packet',
          'referredByName',
          'respondBy',
          'responseOverdue',
          'sentAt',
          'services',
          'status',
          'urgency',
        ].sort(),
      );
      expect((policeList.body as Page<InboxReferralView>).items.map((r) => r.id)).not.toContain(
        toHealth.id,
      );

      const policeDetail = (
        await t.http
          .get(`/api/referrals/${toPolice.id}`)
          .set(...bearer(police))
          .expect(200)
      ).body as InboxReferralDetailView;
      expect(Object.keys(policeDetail.packetData ?? {}).sort()).toEqual(['incidents', 'riskLevel']);
      expect(policeDetail.packetData?.incidents?.[0]).toMatchObject({
        gbvType: 'physical_assault',
        description: 'Synthetic description for tests',
      });
      const healthDetail = (
        await t.http
          .get(`/api/referrals/${toHealth.id}`)
          .set(...bearer(health))
          .expect(200)
      ).body as InboxReferralDetailView;
      expect(Object.keys(healthDetail.packetData ?? {}).sort()).toEqual(['identity', 'injuries']);
      expect(healthDetail.packetData?.identity).toMatchObject({ fullName: name, phone });
      expect(healthDetail.packetData?.injuries).toEqual(['bruises_or_cuts']);

      for (const body of [policeList.body, policeDetail]) {
        const text = JSON.stringify(body);
        expect(text).not.toContain(name);
        expect(text).not.toContain(phone);
        expect(text).not.toContain(code);
        expect(text).not.toContain(caseId);
        expect(text).not.toContain('spouse');
      }
      expect(JSON.stringify(healthDetail)).not.toContain('Synthetic description');

      // The case itself stays closed to liaisons, and the police cannot read the health referral.
      await t.http
        .get(`/api/cases/${caseId}`)
        .set(...bearer(police))
        .expect(404);
      await t.http
        .get(`/api/cases/${caseId}/referrals`)
        .set(...bearer(police))
        .expect(404);
      await t.http
        .get(`/api/referrals/${toHealth.id}`)
        .set(...bearer(police))
        .expect(404);
      await t.http
        .get(`/api/referrals/${toPolice.id}`)
        .set(...bearer(justice))
        .expect(404);
    });

    it('a liaison writing a case field is refused with 400 naming it, and nothing changes', async () => {
      const { caseId } = await caseOf();
      await consentToShare(t, caseworker, caseId, ['police'], ['incident_facts']);
      const [sent] = await refer(t, caseworker, caseId, [referralInput(POLICE)]);
      const res = await t.http
        .post(`/api/referrals/${sent.id}/accept`)
        .set(...bearer(police))
        .send({ riskLevel: 'high', identity: { fullName: 'x' } })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'identity',
        'riskLevel',
      ]);
      await t.http
        .patch(`/api/cases/${caseId}`)
        .set(...bearer(police))
        .send({ riskLevel: 'high' })
        .expect(404);
      const after = await t.http.get(`/api/referrals/${sent.id}`).set(...bearer(police));
      expect(after.body.status).toBe('sent');
    });

    it('the encrypted packet holds no clear text, and the survivor access log shows who read the referral', async () => {
      const { caseId, name } = await caseOf();
      await consentToShare(t, caseworker, caseId, ['health'], ['identity_contact']);
      const [sent] = await refer(t, caseworker, caseId, [
        referralInput(HEALTH, {
          services: ['emergency_medical_care'],
          packet: ['identity_contact'],
        }),
      ]);
      const [row] = (await t.dataSource.query(`SELECT * FROM referrals WHERE id = $1`, [
        sent.id,
      ])) as Record<string, unknown>[];
      expect(JSON.stringify(row)).not.toContain(name);
      expect(JSON.stringify(row)).not.toContain('synthetic reason');
      await t.http
        .get(`/api/referrals/${sent.id}`)
        .set(...bearer(health))
        .expect(200);
      const log = await t.http.get(`/api/cases/${caseId}/access-log`).set(...bearer(supervisor));
      expect(log.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            actorUserId: health.id,
            action: 'referral.read',
            fields: ['identity_contact'],
          }),
        ]),
      );
    });
  });

  describe('answers and the timeline', () => {
    it('police accept and record a summons; completion ends their access to the packet but not to their records', async () => {
      const { caseId, code } = await caseOf();
      await consentToShare(t, caseworker, caseId, ['police'], ['incident_facts']);
      const [sent] = await refer(t, caseworker, caseId, [referralInput(POLICE)]);
      expect(await notificationsOf(police.id, 'referral.received')).toEqual(
        expect.arrayContaining([
          {
            params: { referralCode: sent.code, urgency: 'urgent' },
            link: `/inbox/referrals/${sent.id}`,
            case_id: null,
          },
        ]),
      );

      const accepted = await act(t, police, sent.id, 'accept', { note: 'Sẽ liên hệ trong ngày' });
      expect(accepted.status).toBe('accepted');
      const toSender = await notificationsOf(caseworker.id, 'referral.accepted');
      expect(toSender.at(-1)).toMatchObject({
        params: {
          referralCode: sent.code,
          survivorCode: code,
          agencyName: 'Công an Phường Hải Châu',
        },
        link: `/cases/${caseId}`,
      });

      // Completing before any service is recorded is not a step the referral can take.
      await t.http
        .post(`/api/referrals/${sent.id}/complete`)
        .set(...bearer(police))
        .send({})
        .expect(409);
      const bad = await t.http
        .post(`/api/referrals/${sent.id}/services`)
        .set(...bearer(police))
        .send({
          serviceType: 'police_protection',
          providedOn: today(t),
          outcome: 'provided',
          sectorOutcome: { summonsToCommunePolice: true, examination: true },
        })
        .expect(400);
      expect(bad.body.errors).toEqual([
        expect.objectContaining({ field: 'sectorOutcome.examination', code: 'unknown_field' }),
      ]);
      const future = await t.http
        .post(`/api/referrals/${sent.id}/services`)
        .set(...bearer(police))
        .send({
          serviceType: 'police_protection',
          providedOn: '2999-01-01',
          outcome: 'provided',
          sectorOutcome: {},
        })
        .expect(400);
      expect(future.body.errors[0]).toMatchObject({ field: 'providedOn', code: 'in_future' });

      const served = await act(t, police, sent.id, 'services', {
        serviceType: 'police_protection',
        providedOn: today(t),
        outcome: 'provided',
        sectorOutcome: { summonsToCommunePolice: true, noContactOrder: 'requested' },
        note: 'Đã triệu tập người gây bạo lực',
      });
      expect(served.status).toBe('in_service');
      expect(served.serviceRecords[0]).toMatchObject({
        sectorOutcome: { summonsToCommunePolice: true, noContactOrder: 'requested' },
        outcome: 'provided',
      });
      const done = await act(t, police, sent.id, 'complete', {});
      expect(done).toMatchObject({ status: 'completed', packetData: null, reason: null });

      const again = await t.http
        .get(`/api/referrals/${sent.id}`)
        .set(...bearer(police))
        .expect(200);
      expect(again.body.packetData).toBeNull();
      expect(again.body.serviceRecords).toHaveLength(1);
      const [stored] = (await t.dataSource.query(
        `SELECT packet_enc, closed_at FROM referrals WHERE id = $1`,
        [sent.id],
      )) as { packet_enc: string | null; closed_at: Date | null }[];
      expect(stored).toEqual({ packet_enc: null, closed_at: expect.any(Date) });
      const records = await t.http
        .get('/api/service-records')
        .set(...bearer(police))
        .expect(200);
      expect(records.body.items.map((r: { referralCode: string }) => r.referralCode)).toContain(
        sent.code,
      );
      // Nobody else's agency sees those records.
      const healthRecords = await t.http.get('/api/service-records').set(...bearer(health));
      expect(
        healthRecords.body.items.map((r: { referralCode: string }) => r.referralCode),
      ).not.toContain(sent.code);

      const timeline = await t.http
        .get(`/api/cases/${caseId}/referrals`)
        .set(...bearer(caseworker))
        .expect(200);
      const view = (timeline.body as CaseReferralView[]).find((r) => r.id === sent.id);
      expect(view?.events.map((e) => e.event)).toEqual([
        'sent',
        'accepted',
        'service_recorded',
        'completed',
      ]);
      expect(view?.events[1]).toMatchObject({
        actorAgencyName: 'Công an Phường Hải Châu',
        note: 'Sẽ liên hệ trong ngày',
      });
      expect(view?.respondedOnTime).toBe(true);
      expect(view?.serviceRecords[0].note).toBe('Đã triệu tập người gây bạo lực');
    });

    it('health declines with a reason; a note is required for "other"; a declined referral cannot be accepted', async () => {
      const { caseId } = await caseOf();
      await consentToShare(t, caseworker, caseId, ['health'], ['injuries_medical']);
      const [sent] = await refer(t, caseworker, caseId, [
        referralInput(HEALTH, { services: ['forensic_examination'], packet: ['injuries_medical'] }),
      ]);
      const noNote = await t.http
        .post(`/api/referrals/${sent.id}/decline`)
        .set(...bearer(health))
        .send({ reason: 'other' })
        .expect(400);
      expect(noNote.body.errors[0]).toMatchObject({ field: 'note', code: 'required_for_other' });
      const declined = await act(t, health, sent.id, 'decline', { reason: 'no_capacity' });
      expect(declined).toMatchObject({
        status: 'declined',
        packetData: null,
        declineReason: 'no_capacity',
      });
      const conflict = await t.http
        .post(`/api/referrals/${sent.id}/accept`)
        .set(...bearer(health))
        .send({})
        .expect(409);
      expect(conflict.body.errors[0]).toMatchObject({
        field: 'status',
        code: 'invalid_transition',
      });
      const told = await notificationsOf(caseworker.id, 'referral.declined');
      expect(told.at(-1)?.params).toMatchObject({ referralCode: sent.code, reason: 'no_capacity' });
      const views = await t.http.get(`/api/cases/${caseId}/referrals`).set(...bearer(caseworker));
      expect(views.body[0]).toMatchObject({ status: 'declined', declineReason: 'no_capacity' });
    });

    it('the sender withdraws: the receiving agency loses the packet and is told; accepting then is a 409', async () => {
      const { caseId } = await caseOf();
      await consentToShare(t, caseworker, caseId, ['legal_aid'], ['incident_facts']);
      const [sent] = await refer(t, caseworker, caseId, [
        referralInput(LEGAL_AID, { services: ['legal_aid'] }),
      ]);
      const withdrawn = await t.http
        .post(`/api/cases/${caseId}/referrals/${sent.id}/withdraw`)
        .set(...bearer(caseworker))
        .send({ reason: 'survivor_request' })
        .expect(200);
      expect(withdrawn.body).toMatchObject({
        status: 'withdrawn',
        withdrawReason: 'survivor_request',
      });
      const seen = await t.http
        .get(`/api/referrals/${sent.id}`)
        .set(...bearer(justice))
        .expect(200);
      expect(seen.body).toMatchObject({ status: 'withdrawn', packetData: null, reason: null });
      expect((await notificationsOf(justice.id, 'referral.withdrawn')).at(-1)?.params).toEqual({
        referralCode: sent.code,
        reason: 'survivor_request',
      });
      await t.http
        .post(`/api/referrals/${sent.id}/accept`)
        .set(...bearer(justice))
        .send({})
        .expect(409);
      await t.http
        .post(`/api/cases/${caseId}/referrals/${sent.id}/withdraw`)
        .set(...bearer(caseworker))
        .send({ reason: 'no_longer_needed' })
        .expect(409);
      const [clock] = (await t.dataSource.query(
        `SELECT status FROM deadlines WHERE subject_id = $1`,
        [sent.id],
      )) as { status: string }[];
      expect(clock.status).toBe('cancelled');
    });

    it('withdrawing consent withdraws the open referrals it covered, and only those', async () => {
      const { caseId } = await caseOf();
      const policeConsent = await consentToShare(
        t,
        caseworker,
        caseId,
        ['police'],
        ['incident_facts'],
      );
      await consentToShare(t, caseworker, caseId, ['health'], ['injuries_medical']);
      const [toPolice, toHealth] = await refer(t, caseworker, caseId, [
        referralInput(POLICE),
        referralInput(HEALTH, {
          services: ['emergency_medical_care'],
          packet: ['injuries_medical'],
        }),
      ]);
      await act(t, police, toPolice.id, 'accept');
      await t.http
        .post(`/api/cases/${caseId}/consents/${policeConsent}/withdraw`)
        .set(...bearer(caseworker))
        .send({ reason: 'Người bị bạo lực không muốn công an tham gia' })
        .expect(200);
      const views = (await t.http.get(`/api/cases/${caseId}/referrals`).set(...bearer(caseworker)))
        .body as CaseReferralView[];
      expect(views.find((r) => r.id === toPolice.id)).toMatchObject({
        status: 'withdrawn',
        withdrawReason: 'consent_withdrawn',
      });
      expect(views.find((r) => r.id === toHealth.id)?.status).toBe('sent');
      const seen = await t.http.get(`/api/referrals/${toPolice.id}`).set(...bearer(police));
      expect(seen.body.packetData).toBeNull();
      await t.http
        .post(`/api/referrals/${toPolice.id}/services`)
        .set(...bearer(police))
        .send({
          serviceType: 'police_protection',
          providedOn: today(t),
          outcome: 'provided',
          sectorOutcome: {},
        })
        .expect(409);
    });
  });

  describe('service directory', () => {
    it('finds the agencies covering a commune, by name or whole province, and suggests one per type', async () => {
      const thanhKhe = await t.http
        .get('/api/agencies?type=police&coversCommune=20209&acceptingReferrals=true')
        .set(...bearer(caseworker))
        .expect(200);
      expect(thanhKhe.body.items.map((a: { id: string }) => a.id)).toEqual([POLICE_THANH_KHE]);
      const health24 = await t.http
        .get('/api/agencies?service=forensic_examination&coversCommune=20209')
        .set(...bearer(caseworker))
        .expect(200);
      expect(health24.body.items).toEqual([
        expect.objectContaining({ id: HEALTH, open24h: true, coversWholeProvince: true }),
      ]);
      const { caseId } = await caseOf();
      const suggestions = await t.http
        .get(`/api/cases/${caseId}/referral-suggestions`)
        .set(...bearer(caseworker))
        .expect(200);
      const byType = Object.fromEntries(
        suggestions.body.map((s: { agencyType: string; agency: { id: string } | null }) => [
          s.agencyType,
          s.agency?.id ?? null,
        ]),
      );
      expect(byType).toMatchObject({ police: POLICE, health: HEALTH, legal_aid: LEGAL_AID });
    });

    it('routes a community referral to the centre whose coverage names the commune, before one covering the whole province', async () => {
      const volunteer = await signedIn(t, 'volunteer');
      const tamKy = await signedIn(t, 'caseworker', { agencyId: OTHER_CENTRE });
      // Hội An (20410) has no centre of its own; the Tam Kỳ centre lists it in its coverage.
      await t.http
        .post('/api/community-referrals')
        .set(...bearer(volunteer))
        .send({
          survivorName: 'Chị Bí Danh Hội An',
          safeContactMethod: 'through_trusted_person',
          safeContactDetails: 'Qua tổ trưởng (tổng hợp)',
          communeCode: '20410',
          whatHappened: 'Synthetic: định tuyến theo địa bàn',
          dangerNow: false,
          childInvolved: false,
          consentToContact: true,
        })
        .expect(201);
      const summaries = async (session: S) =>
        (
          (await t.http.get('/api/intake?limit=100').set(...bearer(session))).body.items as {
            summary: string;
          }[]
        ).map((i) => i.summary);
      expect(await summaries(tamKy)).toContain('Synthetic: định tuyến theo địa bàn');
      expect(await summaries(caseworker)).not.toContain('Synthetic: định tuyến theo địa bàn');
    });

    it('an admin sets directory fields; hours are required unless open 24/7; communes must be in the province', async () => {
      const admin = await signedIn(t, 'admin');
      const base = {
        type: 'health',
        name: 'Trạm Y tế Phường Sơn Trà (tổng hợp)',
        provinceCode: '48',
        communeCode: '20263',
        services: ['emergency_medical_care'],
      };
      const noHours = await t.http
        .post('/api/agencies')
        .set(...bearer(admin))
        .send(base)
        .expect(400);
      expect(noHours.body.errors[0]).toMatchObject({
        field: 'openingHours',
        code: 'required_unless_24h',
      });
      const wrongCommune = await t.http
        .post('/api/agencies')
        .set(...bearer(admin))
        .send({ ...base, open24h: true, coverageCommuneCodes: ['99999'] })
        .expect(400);
      expect(wrongCommune.body.errors[0]).toMatchObject({
        field: 'coverageCommuneCodes',
        code: 'not_in_province',
      });
      const created = await t.http
        .post('/api/agencies')
        .set(...bearer(admin))
        .send({
          ...base,
          openingHours: 'Thứ 2–Thứ 7, 7:00–17:00',
          coverageCommuneCodes: ['20263'],
          capacityNote: '2 giường lưu',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        coverageCommuneCodes: ['20263'],
        acceptingReferrals: true,
        capacityNote: '2 giường lưu',
      });
      const paused = await t.http
        .patch(`/api/agencies/${created.body.id}`)
        .set(...bearer(admin))
        .send({ acceptingReferrals: false })
        .expect(200);
      expect(paused.body.acceptingReferrals).toBe(false);
    });
  });

  describe('response-time settings', () => {
    it('an admin changes a period and new referrals use it; others may not; bad hours name the row', async () => {
      const admin = await signedIn(t, 'admin');
      const listed = await t.http
        .get('/api/settings/referral-response-times')
        .set(...bearer(admin))
        .expect(200);
      expect(listed.body).toHaveLength(15);
      expect(listed.body).toEqual(
        expect.arrayContaining([{ agencyType: 'police', urgency: 'emergency', hours: 1 }]),
      );
      await t.http
        .put('/api/settings/referral-response-times')
        .set(...bearer(caseworker))
        .send({ settings: [{ agencyType: 'legal_aid', urgency: 'routine', hours: 96 }] })
        .expect(403);
      const bad = await t.http
        .put('/api/settings/referral-response-times')
        .set(...bearer(admin))
        .send({ settings: [{ agencyType: 'legal_aid', urgency: 'routine', hours: 0 }] })
        .expect(400);
      expect(bad.body.errors[0].field).toBe('settings.0.hours');
      await t.http
        .put('/api/settings/referral-response-times')
        .set(...bearer(admin))
        .send({ settings: [{ agencyType: 'legal_aid', urgency: 'routine', hours: 96 }] })
        .expect(200);
      try {
        const { caseId } = await caseOf();
        await consentToShare(t, caseworker, caseId, ['legal_aid'], ['incident_facts']);
        const [sent] = await refer(t, caseworker, caseId, [
          referralInput(LEGAL_AID, { services: ['legal_aid'], urgency: 'routine' }),
        ]);
        expect(new Date(sent.respondBy).getTime() - new Date(sent.sentAt).getTime()).toBe(
          96 * 3600_000,
        );
      } finally {
        await t.http
          .put('/api/settings/referral-response-times')
          .set(...bearer(admin))
          .send({ settings: [{ agencyType: 'legal_aid', urgency: 'routine', hours: 72 }] })
          .expect(200);
      }
    });
  });
});
