import { randomUUID } from 'node:crypto';
import type { AgencyType, Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import type { TokenResponse } from '@caunoi/shared/contracts';
import { PasswordHasher } from '../src/modules/auth/password-hasher';
import { DEMO_AGENCIES } from '../src/modules/seed/demo-data';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'a long synthetic test passphrase';

let cachedHash: Promise<string> | null = null;
function testPasswordHash(): Promise<string> {
  cachedHash ??= new PasswordHasher().hash(TEST_PASSWORD);
  return cachedHash;
}

/** The demo agency each role naturally belongs to. */
export const HOME_AGENCY: Readonly<Record<Role, string>> = {
  hotline_operator: DEMO_AGENCIES.hotline.id,
  volunteer: DEMO_AGENCIES.trustedAddress.id,
  caseworker: DEMO_AGENCIES.socialWorkCentre.id,
  supervisor: DEMO_AGENCIES.socialWorkCentre.id,
  police_liaison: DEMO_AGENCIES.police.id,
  health_liaison: DEMO_AGENCIES.health.id,
  justice_liaison: DEMO_AGENCIES.legalAid.id,
  reporting_officer: DEMO_AGENCIES.reportingAuthority.id,
  admin: DEMO_AGENCIES.reportingAuthority.id,
};

export { ROLES };

export interface TestUser {
  id: string;
  username: string;
  role: Role;
  agencyId: string;
}

/** Inserts a user directly (fast: the password hash is computed once per run). */
export async function createUser(
  t: TestApp,
  role: Role,
  options: { agencyId?: string; mustChangePassword?: boolean } = {},
): Promise<TestUser> {
  const username = `t.${role.replace(/_/g, '-')}.${randomUUID().slice(0, 8)}`;
  const agencyId = options.agencyId ?? HOME_AGENCY[role];
  const [row] = (await t.dataSource.query(
    `INSERT INTO users (username, display_name, role, agency_id, password_hash, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      username,
      `Synthetic ${role}`,
      role,
      agencyId,
      await testPasswordHash(),
      options.mustChangePassword ?? false,
    ],
  )) as { id: string }[];
  return { id: row.id, username, role, agencyId };
}

export async function createAgency(
  t: TestApp,
  type: AgencyType,
  name = `Synthetic ${type} ${randomUUID().slice(0, 6)}`,
): Promise<string> {
  const [row] = (await t.dataSource.query(
    `INSERT INTO agencies (type, name, province_code, commune_code) VALUES ($1, $2, '48', '20242') RETURNING id`,
    [type, name],
  )) as { id: string }[];
  return row.id;
}

export interface Session {
  accessToken: string;
  refreshCookie: string;
  body: TokenResponse;
}

export async function login(
  t: TestApp,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await t.http.post('/api/auth/login').send({ username, password });
  if (res.status !== 200)
    throw new Error(`login failed for ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    accessToken: res.body.accessToken,
    refreshCookie: refreshCookieOf(res.headers),
    body: res.body,
  };
}

/** A fresh user of the role, signed in. */
export async function signedIn(
  t: TestApp,
  role: Role,
  options: { agencyId?: string } = {},
): Promise<TestUser & Session> {
  const user = await createUser(t, role, options);
  return { ...user, ...(await login(t, user.username)) };
}

export function refreshCookieOf(headers: Record<string, unknown>): string {
  const raw = headers['set-cookie'];
  const cookies = Array.isArray(raw) ? (raw as string[]) : [];
  const cookie = cookies.find((c) => c.startsWith('cn_refresh='));
  if (!cookie) throw new Error('no refresh cookie in response');
  return cookie.split(';')[0] ?? '';
}

export function bearer(session: { accessToken: string }): [string, string] {
  return ['Authorization', `Bearer ${session.accessToken}`];
}
