import { randomInt, randomUUID } from 'node:crypto';
import type { AgencyType, Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import type { TokenResponse } from '@caunoi/shared/contracts';
import { PasswordHasher } from '../src/modules/auth/password-hasher';
import { hashRecoveryCode } from '../src/modules/auth/second-factor/second-factor.service';
import { newTotpSecret, totpAt } from '../src/modules/auth/second-factor/totp';
import { FieldCipher } from '../src/modules/crypto/field-cipher';
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
  commune_officer: DEMO_AGENCIES.communeCommittee.id,
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

/**
 * Recovery codes of the users this test file enrolled. `login` gives one when a sign-in asks for the
 * second factor: a recovery code, unlike a TOTP code, can be given several times in one 30-second step.
 */
const recoveryCodes = new Map<string, string[]>();

function testRecoveryCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Enrols a user's authenticator directly, with plenty of recovery codes for the test's sign-ins. */
export async function enrolSecondFactor(t: TestApp, userId: string): Promise<string> {
  const secret = newTotpSecret();
  const codes = Array.from({ length: 40 }, testRecoveryCode);
  await t.dataSource.query(
    `INSERT INTO user_second_factors (user_id, secret_enc, enrolled_at) VALUES ($1, $2, now())
     ON CONFLICT (user_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc, enrolled_at = now()`,
    [userId, t.app.get(FieldCipher).encrypt(secret)],
  );
  await t.dataSource.query(
    `INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::bytea[])`,
    [userId, codes.map(hashRecoveryCode)],
  );
  recoveryCodes.set(userId, codes);
  return secret;
}

/**
 * Inserts a user directly (fast: the password hash is computed once per run). A user of a role that
 * signs in with a second factor is enrolled, unless `enrolled: false` (to test the first sign-in).
 */
export async function createUser(
  t: TestApp,
  role: Role,
  options: { agencyId?: string; mustChangePassword?: boolean; enrolled?: boolean } = {},
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
  if (options.enrolled !== false && t.config.secondFactorRoles.includes(role)) {
    await enrolSecondFactor(t, row.id);
  }
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
  const session: Session = {
    accessToken: res.body.accessToken,
    refreshCookie: refreshCookieOf(res.headers),
    body: res.body,
  };
  await completeSecondFactor(t, session);
  return session;
}

/**
 * Gives the second factor a fresh session asks for, as its user would: enrols an app at the first
 * sign-in (computing the code from the secret shown), or gives one of the user's recovery codes.
 */
export async function completeSecondFactor(t: TestApp, session: Session): Promise<void> {
  const step = session.body.secondFactor;
  if (step === null) return;
  const me = await t.http.get('/api/auth/me').set(...bearer(session));
  const userId = me.body.user.id as string;
  if (step === 'enrol') {
    const started = await t.http.post('/api/auth/second-factor/enrolment').set(...bearer(session));
    const confirmed = await t.http
      .post('/api/auth/second-factor/enrolment/confirm')
      .set(...bearer(session))
      .send({ verificationCode: totpAt(started.body.secret as string, t.clock.now()) });
    if (confirmed.status !== 200)
      throw new Error(`enrolment failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
    recoveryCodes.set(userId, confirmed.body.recoveryCodes as string[]);
  } else {
    const code = recoveryCodes.get(userId)?.shift();
    if (!code) throw new Error(`no recovery code left for ${me.body.user.username as string}`);
    const verified = await t.http
      .post('/api/auth/second-factor/verify')
      .set(...bearer(session))
      .send({ verificationCode: code });
    if (verified.status !== 200)
      throw new Error(`second factor failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  }
  session.body = { ...session.body, secondFactor: null };
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
