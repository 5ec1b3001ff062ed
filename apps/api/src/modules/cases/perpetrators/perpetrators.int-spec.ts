import type {
  CaseDetailView,
  InboxReferralDetailView,
  PerpetratorView,
  RevealedPerpetratorView,
} from '@caunoi/shared/contracts';
import type { TestApp } from '../../../../test-support/test-app';
import { createTestApp } from '../../../../test-support/test-app';
import type { Session, TestUser } from '../../../../test-support/factories';
import { bearer, signedIn } from '../../../../test-support/factories';
import { walkIn } from '../../../../test-support/intake-fixtures';
import {
  POLICE,
  POLICE_THANH_KHE,
  consentToShare,
  refer,
  referralInput,
} from '../../../../test-support/referral-fixtures';

type S = TestUser & Session;

describe('perpetrator records: encrypted identity, audited reads, the packet category', () => {
  let t: TestApp;
  let caseworker: S;
  let supervisor: S;
  let police: S;
  let policeThanhKhe: S;

  beforeAll(async () => {
    t = await createTestApp();
    [caseworker, supervisor, police, policeThanhKhe] = await Promise.all([
      signedIn(t, 'caseworker'),
      signedIn(t, 'supervisor'),
      signedIn(t, 'police_liaison'),
      signedIn(t, 'police_liaison', { agencyId: POLICE_THANH_KHE }),
    ]);
  });
  afterAll(() => t.close());

  const NAME = 'Trần Văn Giả Định';
  const ID_NUMBER = '079123456789';
  const body = (incidentIds: string[], overrides: Record<string, unknown> = {}) => ({
    sex: 'male',
    ageGroup: '25_59',
    relationship: 'spouse',
    identity: {
      fullName: `  ${NAME} `,
      aliases: ['Anh Ba', ' '],
      phone: '0900000001',
      address: 'Thôn tổng hợp 3',
      idNumber: ID_NUMBER,
    },
    incidentIds,
    ...overrides,
  });

  /** A case assigned to the caseworker, its incident, and one perpetrator linked to it. */
  async function caseWithPerpetrator(): Promise<{
    caseId: string;
    incidentId: string;
    perpetrator: PerpetratorView;
  }> {
    const c = await walkIn(t, caseworker);
    await t.http
      .post(`/api/cases/${c.id}/assign`)
      .set(...bearer(supervisor))
      .send({ userId: caseworker.id })
      .expect(200);
    const view = (await t.http.get(`/api/cases/${c.id}`).set(...bearer(caseworker)))
      .body as CaseDetailView;
    const incidentId = view.incidents[0]?.id as string;
    const created = await t.http
      .post(`/api/cases/${c.id}/perpetrators`)
      .set(...bearer(caseworker))
      .send(body([incidentId]));
    expect(created.status).toBe(201);
    return { caseId: c.id, incidentId, perpetrator: created.body as PerpetratorView };
  }

  const auditRows = (caseId: string, action: string) =>
    t.dataSource.query(
      `SELECT actor_user_id AS "actorId", subject_id AS "subjectId", fields FROM audit_log
        WHERE case_id = $1 AND action = $2 ORDER BY id`,
      [caseId, action],
    ) as Promise<{ actorId: string; subjectId: string | null; fields: string[] }[]>;

  it('stores the identity encrypted apart from the survivor; lists show codes only; a reveal is audited', async () => {
    const { caseId, incidentId, perpetrator } = await caseWithPerpetrator();
    expect(perpetrator).toMatchObject({
      version: 1,
      sex: 'male',
      ageGroup: '25_59',
      relationship: 'spouse',
      incidentIds: [incidentId],
      identityRecorded: true,
    });
    expect(JSON.stringify(perpetrator)).not.toContain(NAME);

    const [stored] = (await t.dataSource.query(
      `SELECT p.identity_enc, s.identity_enc AS survivor_enc FROM perpetrators p
         JOIN cases c ON c.id = p.case_id JOIN survivors s ON s.id = c.survivor_id
        WHERE p.id = $1`,
      [perpetrator.id],
    )) as { identity_enc: string; survivor_enc: string }[];
    expect(stored?.identity_enc).not.toContain(NAME);
    expect(stored?.identity_enc).not.toContain(ID_NUMBER);
    expect(stored?.identity_enc).not.toBe(stored?.survivor_enc);

    const list = await t.http.get(`/api/cases/${caseId}/perpetrators`).set(...bearer(caseworker));
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(NAME);
    expect(await auditRows(caseId, 'perpetrator.list')).toHaveLength(1);

    const revealed = await t.http
      .post(`/api/cases/${caseId}/perpetrators/${perpetrator.id}/reveal`)
      .set(...bearer(caseworker));
    expect(revealed.status).toBe(200);
    expect((revealed.body as RevealedPerpetratorView).identity).toEqual({
      fullName: NAME,
      aliases: ['Anh Ba'],
      phone: '0900000001',
      address: 'Thôn tổng hợp 3',
      idNumber: ID_NUMBER,
    });
    const reveals = await auditRows(caseId, 'perpetrator.reveal');
    expect(reveals).toEqual([
      {
        actorId: caseworker.id,
        subjectId: perpetrator.id,
        fields: [
          'identity.fullName',
          'identity.aliases',
          'identity.phone',
          'identity.address',
          'identity.idNumber',
        ],
      },
    ]);
    // No audit row carries the identity itself.
    const [dump] = (await t.dataSource.query(
      `SELECT string_agg(row_to_json(a)::text, '') AS text FROM audit_log a WHERE case_id = $1`,
      [caseId],
    )) as { text: string }[];
    expect(dump?.text).not.toContain(NAME);
  });

  it('an edit keeps the values it replaced with who, when and why; identity only for who may reveal it', async () => {
    const { caseId, incidentId, perpetrator } = await caseWithPerpetrator();
    const url = `/api/cases/${caseId}/perpetrators/${perpetrator.id}`;
    const noReason = await t.http
      .put(url)
      .set(...bearer(caseworker))
      .send({ ...body([incidentId]), version: 1 });
    expect([noReason.status, noReason.body.errors?.[0]?.field]).toEqual([400, 'reason']);
    const unchanged = await t.http
      .put(url)
      .set(...bearer(caseworker))
      .send({ ...body([incidentId]), version: 1, reason: 'Không đổi gì' });
    expect([unchanged.status, unchanged.body.errors?.[0]?.code]).toEqual([400, 'nothing_changed']);
    const edited = await t.http
      .put(url)
      .set(...bearer(caseworker))
      .send({
        ...body([incidentId], { relationship: 'former_spouse' }),
        identity: {
          fullName: 'Trần Văn Khác',
          aliases: [],
          phone: null,
          address: null,
          idNumber: ID_NUMBER,
        },
        version: 1,
        reason: 'Chị cho biết tên đúng',
      });
    expect([edited.status, edited.body.version]).toEqual([200, 2]);

    const history = (who: S) =>
      t.http
        .get(`/api/cases/${caseId}/corrections?subjectType=Perpetrator&subjectId=${perpetrator.id}`)
        .set(...bearer(who));
    const seen = await history(supervisor);
    expect(seen.status).toBe(200);
    expect(seen.body).toHaveLength(1);
    expect(seen.body[0]).toMatchObject({
      changedFields: [
        'relationship',
        'identity.fullName',
        'identity.aliases',
        'identity.phone',
        'identity.address',
      ],
      previous: {
        relationship: 'spouse',
        'identity.fullName': NAME,
        'identity.aliases': ['Anh Ba'],
        'identity.phone': '0900000001',
        'identity.address': 'Thôn tổng hợp 3',
      },
      reason: 'Chị cho biết tên đúng',
      correctedByName: expect.any(String),
    });
    const [row] = (await t.dataSource.query(
      `SELECT previous_enc, reason_enc FROM case_corrections WHERE subject_id = $1`,
      [perpetrator.id],
    )) as { previous_enc: string; reason_enc: string }[];
    expect(row?.previous_enc).not.toContain('Giả Định');
    expect(row?.reason_enc).not.toContain('tên đúng');
    const [update] = await auditRows(caseId, 'perpetrator.update');
    expect(update?.fields).toEqual(seen.body[0].changedFields);

    // Unassigned, the case is read by the centre's caseworkers, who may not reveal identities:
    // they see that the name changed, and why, never the name it had.
    await t.http
      .post(`/api/cases/${caseId}/assign`)
      .set(...bearer(supervisor))
      .send({ userId: null })
      .expect(200);
    const masked = await history(caseworker);
    expect(masked.status).toBe(200);
    expect(masked.body[0].changedFields).toContain('identity.fullName');
    expect(masked.body[0].previous).toEqual({ relationship: 'spouse' });
    expect(JSON.stringify(masked.body)).not.toContain('Giả Định');
  });

  it('refuses an incident of another case (400 on the item) and a stale update (409)', async () => {
    const { caseId, incidentId, perpetrator } = await caseWithPerpetrator();
    const other = await caseWithPerpetrator();
    const foreign = await t.http
      .post(`/api/cases/${caseId}/perpetrators`)
      .set(...bearer(caseworker))
      .send(body([incidentId, other.incidentId]));
    expect([foreign.status, foreign.body.errors?.[0]?.field]).toEqual([400, 'incidentIds.1']);

    const url = `/api/cases/${caseId}/perpetrators/${perpetrator.id}`;
    const first = await t.http
      .put(url)
      .set(...bearer(supervisor))
      .send({ ...body([]), relationship: 'former_spouse', version: 1, reason: 'Sửa quan hệ' });
    expect([first.status, first.body.version, first.body.incidentIds]).toEqual([200, 2, []]);
    const stale = await t.http
      .put(url)
      .set(...bearer(caseworker))
      .send({ ...body([incidentId]), version: 1, reason: 'Sửa lại vụ việc' });
    expect([stale.status, stale.body.errors?.[0]?.code]).toEqual([409, 'stale_version']);
    const [update] = await auditRows(caseId, 'perpetrator.update');
    expect(update?.fields).toEqual(['relationship', 'incidentIds']);
  });

  it('a packet without consent for `perpetrator` never carries it; with consent the police see it', async () => {
    const { caseId } = await caseWithPerpetrator();
    await consentToShare(t, caseworker, caseId, ['police'], ['incident_facts', 'perpetrator_info']);

    // Asking for the category without consent naming it is refused, nothing sent.
    const refused = await t.http
      .post(`/api/cases/${caseId}/referrals`)
      .set(...bearer(caseworker))
      .send({ referrals: [referralInput(POLICE, { packet: ['incident_facts', 'perpetrator'] })] });
    expect(refused.status).toBe(409);

    const [without] = await refer(t, caseworker, caseId, [
      referralInput(POLICE, { packet: ['incident_facts', 'perpetrator_info'] }),
    ]);
    const seenWithout = (
      await t.http
        .get(`/api/referrals/${without?.id}`)
        .set(...bearer(police))
        .expect(200)
    ).body as InboxReferralDetailView;
    expect(seenWithout.packetData?.perpetratorRecords).toBeUndefined();
    expect(seenWithout.packetData?.perpetrators).toEqual([
      expect.objectContaining({ relationship: expect.any(String) }),
    ]);
    const [stored] = (await t.dataSource.query(`SELECT packet_enc FROM referrals WHERE id = $1`, [
      without?.id,
    ])) as { packet_enc: string }[];
    expect(stored?.packet_enc).not.toContain(NAME);

    await consentToShare(t, caseworker, caseId, ['police'], ['perpetrator']);
    const [withConsent] = await refer(t, caseworker, caseId, [
      referralInput(POLICE_THANH_KHE, { packet: ['perpetrator'] }),
    ]);
    const seen = await t.http
      .get(`/api/referrals/${withConsent?.id}`)
      .set(...bearer(policeThanhKhe));
    expect((seen.body as InboxReferralDetailView).packetData).toEqual({
      perpetratorRecords: [
        {
          sex: 'male',
          ageGroup: '25_59',
          relationship: 'spouse',
          identity: expect.objectContaining({ fullName: NAME, idNumber: ID_NUMBER }),
        },
      ],
    });
    const reads = (await t.dataSource.query(
      `SELECT fields FROM audit_log WHERE action = 'referral.read' AND subject_id = $1`,
      [withConsent?.id],
    )) as { fields: string[] }[];
    expect(reads.at(-1)?.fields).toContain('perpetrator');
  });

  it('a recorded override carries the category without consent', async () => {
    const { caseId } = await caseWithPerpetrator();
    const [sent] = await refer(t, caseworker, caseId, [
      referralInput(POLICE, {
        urgency: 'emergency',
        packet: ['perpetrator'],
        override: {
          reason: 'threat_to_life',
          justification: 'Người gây bạo lực đe dọa giết, cần công an bảo vệ ngay (tổng hợp)',
        },
      }),
    ]);
    const seen = await t.http.get(`/api/referrals/${sent?.id}`).set(...bearer(police));
    expect(
      (seen.body as InboxReferralDetailView).packetData?.perpetratorRecords?.[0]?.identity.fullName,
    ).toBe(NAME);
  });
});
