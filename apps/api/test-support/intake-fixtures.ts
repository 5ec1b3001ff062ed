import { randomInt } from 'node:crypto';
import type { CreateIncidentRequest, OpenCaseRequest } from '@caunoi/shared/contracts';
import { DEMO_HOTLINE_LINES } from '../src/modules/seed/demo-data';
import type { TestApp } from './test-app';
import { bearer } from './factories';

export const LINE_111 = DEMO_HOTLINE_LINES[0]?.id as string;
export const HAI_CHAU = '20242';
export const TAM_KY = '20341';

/** A synthetic, unique Vietnamese mobile number. */
export function syntheticPhone(): string {
  return `09${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

export function incident(overrides: Partial<CreateIncidentRequest> = {}): CreateIncidentRequest {
  const occurred = new Date(Date.now() - 3 * 24 * 3600_000);
  return {
    occurredAt: occurred.toISOString(),
    occurredPrecision: 'day',
    discoveredAt: new Date(occurred.getTime() + 24 * 3600_000).toISOString(),
    communeCode: HAI_CHAU,
    classificationAnswers: { penetration: false, sexual_contact: false, physical_assault: true },
    dvForms: ['physical'],
    contextFlags: ['domestic_violence'],
    perpetrators: [{ relationship: 'spouse', sex: 'male', ageGroup: '25_59' }],
    injuries: ['bruises_or_cuts'],
    serious: false,
    seriousReasons: [],
    description: 'Synthetic description for tests',
    ...overrides,
  };
}

export function openCaseBody(
  overrides: {
    survivor?: Partial<OpenCaseRequest['survivor']>;
    consent?: Partial<OpenCaseRequest['consent']>;
    incident?: CreateIncidentRequest | null;
  } = {},
): OpenCaseRequest {
  return {
    consent: { given: true, givenBy: 'survivor', method: 'verbal', ...overrides.consent },
    survivor: {
      // Unique per case, so name + birth date matches only where a test means them to.
      fullName: `Nguyễn Thị Thử Nghiệm ${randomInt(0, 1_000_000_000)}`,
      dateOfBirth: '1990-05-17',
      sex: 'female',
      phone: syntheticPhone(),
      address: 'Địa chỉ tổng hợp số 1',
      ...overrides.survivor,
    },
    incident: overrides.incident === undefined ? incident() : overrides.incident,
  };
}

export async function walkIn(
  t: TestApp,
  session: { accessToken: string },
  body: OpenCaseRequest = openCaseBody(),
): Promise<{ id: string; survivorCode: string }> {
  const res = await t.http
    .post('/api/cases')
    .set(...bearer(session))
    .send(body);
  if (res.status !== 201)
    throw new Error(`walk-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; survivorCode: string };
}

export function callBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    lineId: LINE_111,
    channel: 'phone',
    startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    endedAt: new Date(Date.now() - 2 * 60_000).toISOString(),
    callerType: 'survivor',
    survivorSex: 'female',
    survivorAgeGroup: '25_59',
    communeCode: HAI_CHAU,
    childInvolved: false,
    dangerNow: true,
    crimeSigns: false,
    chairmanNotifiedAt: new Date(Date.now() - 60_000).toISOString(),
    chairmanNotificationMeans: 'phone',
    outcome: 'counselling',
    notes: 'Synthetic operator notes',
    ...overrides,
  };
}

/** Every text-ish value in the database, for "this secret appears nowhere" checks. */
export async function dumpAllTables(t: TestApp): Promise<string> {
  const tables = (await t.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  )) as { table_name: string }[];
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = (await t.dataSource.query(`SELECT t::text AS row FROM "${table_name}" t`)) as {
      row: string;
    }[];
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}
