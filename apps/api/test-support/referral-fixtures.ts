import type {
  CaseReferralView,
  CreateReferralInput,
  InboxReferralDetailView,
} from '@caunoi/shared/contracts';
import type { AgencyType, DataCategory } from '@caunoi/shared/domain';
import { vietnamDate } from '../src/common/vietnam-date';
import { DEMO_AGENCIES } from '../src/modules/seed/demo-data';
import type { TestApp } from './test-app';
import { bearer } from './factories';

export const POLICE = DEMO_AGENCIES.police.id;
export const POLICE_THANH_KHE = DEMO_AGENCIES.policeThanhKhe.id;
export const HEALTH = DEMO_AGENCIES.health.id;
export const LEGAL_AID = DEMO_AGENCIES.legalAid.id;
export const OTHER_CENTRE = DEMO_AGENCIES.socialWorkCentreQuangNam.id;

type Session = { accessToken: string };

/** Records the survivor's consent to share `categories` with agencies of `agencyTypes`. */
export async function consentToShare(
  t: TestApp,
  session: Session,
  caseId: string,
  agencyTypes: AgencyType[],
  categories: DataCategory[],
): Promise<string> {
  const res = await t.http
    .post(`/api/cases/${caseId}/consents`)
    .set(...bearer(session))
    .send({ givenBy: 'survivor', method: 'verbal', agencyTypes, dataCategories: categories });
  if (res.status !== 201)
    throw new Error(`consent failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export function referralInput(
  agencyId: string,
  overrides: Partial<CreateReferralInput> = {},
): CreateReferralInput {
  return {
    agencyId,
    services: ['police_protection'],
    urgency: 'urgent',
    reason: 'Cần bảo vệ khẩn (synthetic reason)',
    packet: ['incident_facts'],
    ...overrides,
  };
}

/** Sends referrals and expects them created. */
export async function refer(
  t: TestApp,
  session: Session,
  caseId: string,
  referrals: CreateReferralInput[],
): Promise<CaseReferralView[]> {
  const res = await t.http
    .post(`/api/cases/${caseId}/referrals`)
    .set(...bearer(session))
    .send({ referrals });
  if (res.status !== 201)
    throw new Error(`refer failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CaseReferralView[];
}

/** A receiving-agency step that must succeed. */
export async function act(
  t: TestApp,
  session: Session,
  referralId: string,
  step: 'accept' | 'decline' | 'services' | 'complete',
  body: Record<string, unknown> = {},
): Promise<InboxReferralDetailView> {
  const res = await t.http
    .post(`/api/referrals/${referralId}/${step}`)
    .set(...bearer(session))
    .send(body);
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`${step} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body as InboxReferralDetailView;
}

/** Today in Vietnam on the test's clock, as a service record's date. */
export function today(t: TestApp): string {
  return vietnamDate(t.clock.now());
}
