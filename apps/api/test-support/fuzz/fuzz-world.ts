import { randomUUID } from 'node:crypto';
import {
  DecideProtectiveMeasureDto,
  NoRenewalDto,
  ReportBreachDto,
  RequestProtectiveMeasureDto,
  RevokeProtectiveMeasureDto,
  SupervisionPlanDto,
} from '../../src/modules/protection/dto/protection.dto';
import type { Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import { DEMO_AGENCIES, DEMO_HOTLINE_LINES } from '../../src/modules/seed/demo-data';
import type { Session, TestUser } from '../factories';
import { bearer, createUser, login, signedIn } from '../factories';
import { HAI_CHAU, callBody, incident, openCaseBody, walkIn } from '../intake-fixtures';
import { POLICE, consentToShare, refer, referralInput } from '../referral-fixtures';
import type { TestApp } from '../test-app';
import { CreateAgencyDto, UpdateAgencyDto } from '../../src/modules/agencies/dto/agency.dto';
import { CreateCallDto, UpdateCallDto } from '../../src/modules/calls/dto/call.dto';
import { CreateIncidentDto, UpdateIncidentDto } from '../../src/modules/cases/dto/incident.dto';
import { OpenCaseDto } from '../../src/modules/cases/dto/open-case.dto';
import { CorrectSurvivorIdentityDto } from '../../src/modules/cases/corrections/case-correction.dto';
import { DismissIntakeItemDto } from '../../src/modules/intake/intake.dto';
import {
  SavePerpetratorDto,
  UpdatePerpetratorDto,
} from '../../src/modules/cases/perpetrators/perpetrator.dto';
import { SaveCasePlanDto } from '../../src/modules/cases/plans/case-plan.dto';
import {
  CancelConferenceDto,
  ConveneConferenceDto,
  CreateConferenceActionDto,
  RecordConferenceDto,
  RescheduleConferenceDto,
  UpdateConferenceActionStatusDto,
} from '../../src/modules/conferences/conference.dto';
import {
  MarkChildEmergencyDto,
  RecordChildInterventionDto,
} from '../../src/modules/cases/child-emergencies/child-emergency.dto';
import { CreateCommunityReferralDto } from '../../src/modules/community-referrals/community-referral.dto';
import { CreateReferralsDto } from '../../src/modules/referrals/dto/referral.dto';
import { StatisticsExportDto } from '../../src/modules/statistics/statistics.dto';

export type RoleSession = TestUser & Session;

/**
 * Real records for the fuzz test's path parameters, so a request gets past "not found" and its
 * body reaches the service: one serious case with an incident, a consent, a note, a referral to
 * the police, a call handed to the centre, a community referral, an incident report draft.
 */
export interface FuzzWorld {
  sessions: Record<Role, RoleSession>;
  /** Real values for `:name` on this route, best match first (empty: none known). */
  paramValues(path: string, name: string): string[];
  /** Every id above, for UUID fields of bodies and queries. */
  ids: string[];
  /** Real values by DTO field name, and valid bodies by DTO class (see FuzzContext). */
  known: Record<string, unknown[]>;
  examples: Map<new () => object, () => Record<string, unknown>>;
  /** Signs the role in again (a fuzzed logout or password change ends its session). */
  relogin(role: Role): Promise<void>;
}

export async function buildFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const sessions = {} as Record<Role, RoleSession>;
  for (const role of ROLES) sessions[role] = await signedIn(t, role);
  const cw = sessions.caseworker;
  const as = (role: Role) => bearer(sessions[role]);

  const cases: string[] = [];
  const incidents: string[] = [];
  for (let i = 0; i < 2; i++) {
    const created = await walkIn(
      t,
      cw,
      openCaseBody({
        incident: incident({ serious: true, seriousReasons: ['life_threatening_injury'] }),
      }),
    );
    cases.push(created.id);
    const detail = await t.http.get(`/api/cases/${created.id}`).set(...as('caseworker'));
    incidents.push(detail.body.incidents[0].id as string);
  }
  const [caseId, incidentId] = [cases[0] as string, incidents[0] as string];
  const consent = await consentToShare(t, cw, caseId, ['police'], ['incident_facts']);
  const note = await t.http
    .post(`/api/cases/${caseId}/notes`)
    .set(...as('caseworker'))
    .send({ body: 'Synthetic note' });
  const [referral] = await refer(t, cw, caseId, [referralInput(POLICE)]);
  const perpetratorBody = {
    sex: 'male',
    ageGroup: '25_59',
    relationship: 'spouse',
    identity: {
      fullName: 'Người tổng hợp',
      aliases: ['Bí danh'],
      phone: null,
      address: null,
      idNumber: null,
    },
    incidentIds: [incidentId],
  };
  const perpetrator = await t.http
    .post(`/api/cases/${caseId}/perpetrators`)
    .set(...as('caseworker'))
    .send(perpetratorBody);
  const report = await t.http
    .post(`/api/cases/${caseId}/incidents/${incidentId}/report`)
    .set(...as('caseworker'))
    .send({ servicesGiven: ['psychosocial_counselling'], narrative: 'Synthetic narrative' });

  // Two protective measures: a commune no-contact order (the committee's inbox) and a court order.
  const measureBody = {
    type: 'no_contact_commune',
    requestedBy: 'social_work_centre',
    victimConsent: true,
    grounds: 'Synthetic grounds',
  };
  const measures = await Promise.all(
    ['no_contact_commune', 'no_contact_court'].map(async (type) => {
      const res = await t.http
        .post(`/api/cases/${caseId}/protective-measures`)
        .set(...as('caseworker'))
        .send({ ...measureBody, type });
      return res.body.id as string;
    }),
  );
  const inDays = (n: number) => new Date(t.clock.now().getTime() + n * 86_400_000).toISOString();
  const conveneBody = {
    scheduledAt: inDays(1),
    agenda: 'Chương trình họp (synthetic)',
    invitedAgencyIds: [POLICE, DEMO_AGENCIES.health.id],
    reviewOn: null,
  };
  const conference = await t.http
    .post(`/api/cases/${caseId}/conferences`)
    .set(...as('supervisor'))
    .send(conveneBody);
  const actionBody = {
    ownerAgencyId: POLICE,
    description: 'Việc cần làm (synthetic)',
    dueOn: inDays(5).slice(0, 10),
  };
  const conferenceAction = await t.http
    .post(`/api/conferences/${conference.body.id}/actions`)
    .set(...as('supervisor'))
    .send(actionBody);
  // A child's case with an emergency waiting for its intervention (the child emergency routes).
  const childCase = await walkIn(
    t,
    cw,
    openCaseBody({
      survivor: { dateOfBirth: '2016-03-01' },
      consent: { givenBy: 'guardian', childAssent: true },
    }),
  );
  const emergency = await t.http
    .post(`/api/cases/${childCase.id}/child-emergencies`)
    .set(...as('caseworker'))
    .send({ reason: 'Synthetic reason: the child is in danger' });

  const calls: string[] = [];
  for (let i = 0; i < 3; i++) {
    const call = await t.http
      .post('/api/calls')
      .set(...as('hotline_operator'))
      .send(callBody());
    calls.push(call.body.id as string);
  }
  await t.http
    .post(`/api/calls/${calls[0]}/hand-over`)
    .set(...as('hotline_operator'))
    .send({ agencyId: DEMO_AGENCIES.socialWorkCentre.id });
  const community = await t.http
    .post('/api/community-referrals')
    .set(...as('volunteer'))
    .send({
      survivorName: 'Chị Bí Danh',
      safeContactMethod: 'through_trusted_person',
      safeContactDetails: 'Synthetic contact details',
      communeCode: HAI_CHAU,
      whatHappened: 'Synthetic account',
      dangerNow: false,
      childInvolved: false,
      consentToContact: true,
    });
  const intake = await t.http.get('/api/intake?limit=100').set(...as('caseworker'));
  const notifications = await t.http.get('/api/notifications').set(...as('caseworker'));
  const deadlines = await t.http.get(`/api/cases/${caseId}/deadlines`).set(...as('caseworker'));
  // Accounts the admin's fuzzed requests may disable or reset, never the fuzz test's own callers.
  const targets = await Promise.all(
    ['caseworker', 'police_liaison'].map((r) => createUser(t, r as Role)),
  );

  const idsOf = (body: unknown): string[] => {
    const items = Array.isArray(body) ? body : ((body as { items?: unknown[] })?.items ?? []);
    return items.map((i) => (i as { id?: string }).id).filter((id): id is string => !!id);
  };
  const groups: [RegExp, string, string[]][] = [
    [/\/incidents\/:childId/, 'childId', incidents],
    [/\/consents\/:childId/, 'childId', [consent]],
    [/\/referrals\/:referralId/, 'referralId', [referral?.id ?? '']],
    [/\/perpetrators\/:perpetratorId/, 'perpetratorId', [perpetrator.body.id as string]],
    [/\/protective-measures\/:childId/, 'childId', measures],
    [/^\/api\/protective-measures\/:id/, 'id', measures],
    [/\/actions\/:actionId/, 'actionId', [conferenceAction.body.id as string]],
    [/^\/api\/conferences\/:id/, 'id', [conference.body.id as string]],
    [/\/child-emergencies\/:childId/, 'childId', [emergency.body.id as string]],
    [/\/child-emergencies/, 'id', [childCase.id]],
    [/^\/api\/cases\/:id/, 'id', cases],
    [/^\/api\/referrals\/:id/, 'id', [referral?.id ?? '']],
    [/^\/api\/calls\/:id/, 'id', calls],
    [/^\/api\/intake\/:id/, 'id', idsOf(intake.body)],
    [/^\/api\/users\/:id/, 'id', targets.map((u) => u.id)],
    [/^\/api\/agencies\/:id/, 'id', Object.values(DEMO_AGENCIES).map((a) => a.id)],
    [/^\/api\/hotline-lines\/:id/, 'id', DEMO_HOTLINE_LINES.map((l) => l.id)],
    [/^\/api\/notifications\/:id/, 'id', idsOf(notifications.body)],
    [/^\/api\/community-referrals\/:id/, 'id', [community.body.id as string]],
    [/^\/api\/deadlines\/:id/, 'id', idsOf(deadlines.body)],
    [/^\/api\/incident-reports\/:id/, 'id', [report.body.id as string]],
    // A commune no other fixture uses: the admin's fuzzed requests may rename or retire it.
    [/^\/api\/administrative-units\/:code/, 'code', ['00004']],
    [/^\/api\/holidays\/:date/, 'date', ['2026-09-02', '2026-01-01']],
  ];
  const ids = [
    ...new Set(
      [
        ...groups.flatMap(([, , values]) => values),
        note.body.id as string,
        ...Object.values(sessions).map((s) => s.id),
      ].filter((v) => /^[0-9a-f-]{36}$/.test(v ?? '')),
    ),
  ];
  const daysAgo = (n: number) => new Date(t.clock.now().getTime() - n * 86_400_000).toISOString();
  const communityBody = {
    survivorName: 'Chị Bí Danh',
    safeContactMethod: 'through_trusted_person',
    safeContactDetails: 'Synthetic contact details',
    communeCode: HAI_CHAU,
    whatHappened: 'Synthetic account',
    dangerNow: false,
    childInvolved: false,
    consentToContact: true,
  };
  const agencyBody = {
    type: 'police',
    name: 'Công an phường (synthetic)',
    provinceCode: '48',
    communeCode: HAI_CHAU,
    services: ['police_protection'],
    coverageCommuneCodes: [HAI_CHAU],
  };
  const callUpdate = callBody();
  delete callUpdate['lineId'];
  const examples = new Map<new () => object, () => Record<string, unknown>>([
    [OpenCaseDto, () => ({ ...openCaseBody() })],
    [DismissIntakeItemDto, () => ({ reason: 'other', note: 'Synthetic: hỏi thông tin' })],
    [CreateIncidentDto, () => ({ ...incident() })],
    [UpdateIncidentDto, () => ({ ...incident() })],
    [CreateCallDto, () => callBody()],
    [UpdateCallDto, () => callUpdate],
    [CreateReferralsDto, () => ({ referrals: [referralInput(POLICE)] })],
    [CreateAgencyDto, () => agencyBody],
    [UpdateAgencyDto, () => agencyBody],
    // A fresh key each time: the sweep's variants are new submissions, not replays of one.
    [CreateCommunityReferralDto, () => ({ ...communityBody, idempotencyKey: randomUUID() })],
    [SavePerpetratorDto, () => ({ ...perpetratorBody })],
    [RequestProtectiveMeasureDto, () => ({ ...measureBody })],
    [
      DecideProtectiveMeasureDto,
      () => ({
        decision: 'granted',
        startsAt: t.clock.now().toISOString(),
        endsAt: daysAgo(-1),
        decisionNumber: '1/QĐ-UBND',
      }),
    ],
    [SupervisionPlanDto, () => ({ supervisingOfficer: 'Cán bộ tổng hợp', plan: 'Kế hoạch' })],
    [ReportBreachDto, () => ({ kind: 'within_100m', occurredAt: daysAgo(0.01) })],
    [RevokeProtectiveMeasureDto, () => ({ reasons: 'Nạn nhân đề nghị hủy (tổng hợp)' })],
    [NoRenewalDto, () => ({ reason: 'Không cần gia hạn (tổng hợp)' })],
    [CancelConferenceDto, () => ({ reason: 'Đổi kế hoạch (tổng hợp)' })],
    [RescheduleConferenceDto, () => ({ scheduledAt: daysAgo(-3), reason: 'Trùng lịch' })],
    [ConveneConferenceDto, () => ({ ...conveneBody })],
    [
      RecordConferenceDto,
      () => ({ attendance: [{ agencyId: POLICE, attendance: 'attended' }], minutes: 'Biên bản' }),
    ],
    [CreateConferenceActionDto, () => ({ ...actionBody })],
    [UpdateConferenceActionStatusDto, () => ({ status: 'done', note: null })],
    [MarkChildEmergencyDto, () => ({ reason: 'Synthetic reason: the child is in danger' })],
    // CSV: a fuzzed password is refused (400 on password) without encrypting a file per variant.
    [StatisticsExportDto, () => ({ period: 'year', year: 2025, format: 'csv' })],
    [
      RecordChildInterventionDto,
      () => ({ measure: 'safe_place', note: null, takenAt: t.clock.now().toISOString() }),
    ],
    [
      UpdatePerpetratorDto,
      () => ({ ...perpetratorBody, version: 1, reason: 'Ghi nhầm (synthetic)' }),
    ],
    [
      CorrectSurvivorIdentityDto,
      () => ({
        identity: { fullName: 'Người tổng hợp', phone: '0905 123 456', age: 30 },
        reason: 'Ghi nhầm (synthetic)',
        version: 1,
      }),
    ],
    [
      SaveCasePlanDto,
      () => ({
        baseVersion: null,
        submit: false,
        needs: [{ domain: 'health', text: 'Khám (synthetic)' }],
        goals: [{ domain: 'health', text: 'Được chăm sóc' }],
        actions: [
          {
            domain: 'health',
            text: 'Đưa đi khám',
            ownerAgencyId: null,
            dueOn: daysAgo(-10).slice(0, 10),
            status: 'planned',
          },
        ],
      }),
    ],
  ]);
  const known: Record<string, unknown[]> = {
    communeCode: [HAI_CHAU],
    provinceCode: ['48'],
    parentCode: ['48'],
    agencyId: [POLICE, DEMO_AGENCIES.health.id, DEMO_AGENCIES.socialWorkCentre.id],
    lineId: DEMO_HOTLINE_LINES.map((l) => l.id),
    userId: [sessions.caseworker.id, targets[0]?.id],
    coverageCommuneCodes: [[HAI_CHAU]],
    occurredAt: [daysAgo(3)],
    discoveredAt: [daysAgo(2)],
    startedAt: [daysAgo(1)],
    endedAt: [daysAgo(0.9)],
    chairmanNotifiedAt: [daysAgo(0.95)],
    dateOfBirth: ['1990-05-17'],
    providedOn: [daysAgo(0).slice(0, 10)],
    ownerAgencyId: [POLICE, DEMO_AGENCIES.health.id],
    invitedAgencyIds: [[POLICE, DEMO_AGENCIES.health.id]],
    classificationAnswers: [{ penetration: false, sexual_contact: false, physical_assault: true }],
  };
  return {
    sessions,
    ids,
    known,
    examples,
    paramValues: (path, name) =>
      groups
        .filter(([pattern, param]) => param === name && pattern.test(path))
        .flatMap(([, , values]) => values)
        .filter(Boolean),
    relogin: async (role) => {
      const session = sessions[role];
      Object.assign(session, await login(t, session.username));
    },
  };
}
