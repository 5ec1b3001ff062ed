import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { defineAbilityFor, packRules } from '@caunoi/shared/authz';
import type { MeResponse, TokenResponse } from '@caunoi/shared/contracts';
import type { Role, SecondFactorStep, SessionSecondFactor } from '@caunoi/shared/domain';
import {
  initialSecondFactor,
  secondFactorStep,
  ACCESS_TOKEN_TTL_SECONDS,
  retryAfterSeconds,
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_IDLE_TIMEOUT_MS,
} from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { invalidCredentials, signInDelayed } from './auth.errors';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy.service';
import { SignInThrottle } from './sign-in-throttle';
import { SecondFactorRepository } from './second-factor/second-factor.repository';
import { SessionsRepository } from './sessions.repository';
import { UnitOfWork } from '../../database/unit-of-work';
import { accessTokenKey } from './access-token-key';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
  iat: number;
  exp: number;
}

/** Tokens for the client: the access token in the body, the refresh token for the cookie only. */
export interface IssuedSession {
  body: TokenResponse;
  refreshToken: string;
  sessionExpiresAt: Date;
}

// Writing last_seen_at at most once a minute keeps the idle rule exact enough and spares a write per request.
const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class AuthService {
  constructor(
    private readonly work: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly passwordPolicy: PasswordPolicy,
    private readonly throttle: SignInThrottle,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly secondFactors: SecondFactorRepository,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks a username and password from one client. Failures slow down that client for that name
   * only (SignInThrottle), so an outsider cannot lock the holder out. An unknown name, a wrong
   * password and a disabled account get one answer with the same work: one lookup, one argon2
   * verification, one failure counted, one audit row; and the same 429 once the client must wait.
   */
  async validateCredentials(
    username: string,
    password: string,
    client: string,
  ): Promise<UserEntity> {
    const user = await this.users.getCredentialsByUsername(username);
    const waitMs = await this.throttle.waitMs(username, client);
    if (waitMs > 0) {
      await this.auditSignIn(user, 'auth.login_delayed', {
        delayedSeconds: retryAfterSeconds(waitMs),
      });
      throw signInDelayed(waitMs);
    }
    const passwordOk = await this.verifyPassword(user, password);
    if (user && passwordOk && !user.disabledAt) {
      await this.throttle.recordSuccess(username, client);
      return user;
    }
    const delayMs = await this.throttle.recordFailure(username, client);
    const reason = !user ? 'unknown_user' : passwordOk ? 'disabled' : 'wrong_password';
    await this.auditSignIn(user, 'auth.login_failed', {
      reason,
      ...(delayMs > 0 ? { delayedSeconds: retryAfterSeconds(delayMs) } : {}),
    });
    // A disabled account with the right password gets the same answer as a wrong password.
    throw delayMs > 0 ? signInDelayed(delayMs) : invalidCredentials();
  }

  /** An unknown name costs one argon2 verification too, so timing does not tell it apart. */
  private async verifyPassword(user: UserEntity | null, password: string): Promise<boolean> {
    if (user) return this.hasher.verify(user.passwordHash, password);
    await this.hasher.verifyDummy(password);
    return false;
  }

  private auditSignIn(
    user: UserEntity | null,
    action: 'auth.login_failed' | 'auth.login_delayed',
    details: Record<string, string | number>,
  ): Promise<void> {
    return this.work.audit({
      actor: null,
      action,
      subjectType: user ? 'User' : 'Session',
      ...(user ? { subjectId: user.id } : {}),
      details,
    });
  }

  /** Opens a session after a successful sign-in. */
  login(user: UserEntity): Promise<IssuedSession> {
    return this.work.run(async (tx) => {
      const issued = await this.openSession(
        tx.manager,
        user.id,
        initialSecondFactor(user.role, this.config.secondFactorRoles),
      );
      await tx.audit({
        actor: { id: user.id, role: user.role, agencyId: user.agencyId },
        action: 'auth.login',
        subjectType: 'Session',
        subjectId: sessionIdOf(issued.refreshToken),
      });
      return issued;
    });
  }

  /** Rotates the refresh token. Presenting an already-rotated token ends the session (likely theft). */
  async refresh(presented: string | null): Promise<IssuedSession> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) throw new UnauthorizedException('Session ended');
    // The revocation must commit even though the request fails, so the transaction returns
    // an outcome and the error is thrown after it.
    const outcome = await this.work.run(async (tx): Promise<IssuedSession | null> => {
      const session = await this.sessions.getByIdForUpdate(tx.manager, parsed.sessionId);
      const now = this.clock.now();
      if (!session || session.revokedAt) return null;
      if (!hashesEqual(session.refreshTokenHash, hashToken(parsed.secret))) {
        await this.sessions.revoke(tx.manager, session.id, now, 'refresh_reuse');
        await tx.audit({
          actor: null,
          action: 'auth.refresh_reuse',
          subjectType: 'Session',
          subjectId: session.id,
        });
        return null;
      }
      const expiry = expiryReason(session.lastSeenAt, session.expiresAt, now);
      const user = await this.users.getWithAgency(session.userId);
      if (expiry || !user || user.disabledAt) {
        await this.sessions.revoke(tx.manager, session.id, now, expiry ?? 'account_disabled');
        return null;
      }
      const secret = randomSecret();
      await this.sessions.rotate(tx.manager, session.id, hashToken(secret), now);
      const step = await this.nextStep(tx.manager, session.secondFactor, user.id);
      return this.issue(session.id, user.id, secret, session.expiresAt, now, step);
    });
    if (!outcome) throw new UnauthorizedException('Session ended');
    return outcome;
  }

  async logout(user: AuthenticatedUser): Promise<void> {
    await this.work.run(async (tx) => {
      await this.sessions.revoke(tx.manager, user.sessionId, this.clock.now(), 'logout');
      await tx.audit({
        actor: user,
        action: 'auth.logout',
        subjectType: 'Session',
        subjectId: user.sessionId,
      });
    });
  }

  /** Verifies the access token's session on every request; revocation takes effect at once. */
  async authenticate(
    payload: AccessTokenPayload,
    options: { background: boolean } = { background: false },
  ): Promise<AuthenticatedUser> {
    const now = this.clock.now();
    if (typeof payload.exp !== 'number' || payload.exp * 1000 <= now.getTime()) {
      throw new UnauthorizedException('Access token expired');
    }
    const found = await this.sessions.getWithUser(payload.sid);
    if (!found || found.userId !== payload.sub || found.revokedAt || found.disabledAt) {
      throw new UnauthorizedException('Session ended');
    }
    if (expiryReason(found.lastSeenAt, found.expiresAt, now)) {
      throw new UnauthorizedException('Session ended');
    }
    // Background polling is not the user being active: it must not keep an idle session alive. A
    // session seen within the last minute is not written again (no round trip at all): the idle
    // timeout is 30 minutes, a minute's precision is plenty.
    if (!options.background && needsTouch(found.lastSeenAt, now)) {
      await this.sessions.touch(found.sessionId, now, TOUCH_INTERVAL_MS);
    }
    return {
      id: found.userId,
      username: found.username,
      displayName: found.displayName,
      role: found.role as Role,
      agencyId: found.agencyId,
      sessionId: found.sessionId,
      mustChangePassword: found.mustChangePassword,
      secondFactor: secondFactorStep(found.secondFactor, found.secondFactorEnrolled),
    };
  }

  async me(user: AuthenticatedUser): Promise<MeResponse> {
    const entity = await this.users.getWithAgency(user.id);
    if (!entity?.agency) throw new UnauthorizedException('Session ended');
    return {
      user: {
        id: entity.id,
        username: entity.username,
        displayName: entity.displayName,
        role: entity.role,
        mustChangePassword: entity.mustChangePassword,
        secondFactor: user.secondFactor,
      },
      agency: {
        id: entity.agency.id,
        name: entity.agency.name,
        type: entity.agency.type,
        provinceCode: entity.agency.provinceCode,
      },
      rules: packRules(defineAbilityFor(user).rules),
      idleTimeoutSeconds: SESSION_IDLE_TIMEOUT_MS / 1000,
    };
  }

  /** Replaces the password, ends every session (this one included) and opens a fresh one. */
  async changePassword(
    user: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
  ): Promise<IssuedSession> {
    const entity = await this.users.getCredentialsById(user.id);
    if (!entity || !(await this.hasher.verify(entity.passwordHash, currentPassword))) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'currentPassword',
        'incorrect',
        'currentPassword is not correct',
      );
    }
    this.passwordPolicy.assertAcceptable(
      newPassword,
      { username: entity.username, displayName: entity.displayName },
      'newPassword',
    );
    if (await this.hasher.verify(entity.passwordHash, newPassword)) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'newPassword',
        'same_as_current',
        'newPassword must differ from the current one',
      );
    }
    const passwordHash = await this.hasher.hash(newPassword);
    return this.work.run(async (tx) => {
      const now = this.clock.now();
      await this.users.update(tx.manager, user.id, {
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: now,
      });
      await this.sessions.revokeAllForUser(tx.manager, user.id, now, 'password_changed');
      // The guard let this session change the password only once its second factor was given.
      const issued = await this.openSession(
        tx.manager,
        user.id,
        initialSecondFactor(user.role, this.config.secondFactorRoles) === 'pending'
          ? 'verified'
          : 'not_required',
      );
      await tx.audit({
        actor: user,
        action: 'auth.password_change',
        subjectType: 'User',
        subjectId: user.id,
        fields: ['password'],
      });
      return issued;
    });
  }

  private async openSession(
    m: Parameters<SessionsRepository['insert']>[0],
    userId: string,
    secondFactor: SessionSecondFactor,
  ): Promise<IssuedSession> {
    const now = this.clock.now();
    const secret = randomSecret();
    const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS);
    const session = await this.sessions.insert(m, {
      userId,
      refreshTokenHash: hashToken(secret),
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      secondFactor,
    });
    const step = await this.nextStep(m, secondFactor, userId);
    return this.issue(session.id, userId, secret, expiresAt, now, step);
  }

  private async nextStep(
    m: Parameters<SessionsRepository['insert']>[0],
    secondFactor: SessionSecondFactor,
    userId: string,
  ): Promise<SecondFactorStep> {
    if (secondFactor !== 'pending') return null;
    return secondFactorStep(secondFactor, await this.secondFactors.isEnrolled(m, userId));
  }

  private issue(
    sessionId: string,
    userId: string,
    secret: string,
    sessionExpiresAt: Date,
    now: Date,
    secondFactor: SecondFactorStep,
  ): IssuedSession {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = Math.min(
      iat + ACCESS_TOKEN_TTL_SECONDS,
      Math.floor(sessionExpiresAt.getTime() / 1000),
    );
    const payload: AccessTokenPayload = { sub: userId, sid: sessionId, iat, exp };
    // iat/exp come from the injected clock, so tests that move time move token expiry too.
    const accessToken = this.jwt.sign(payload, {
      privateKey: accessTokenKey(this.config),
      algorithm: 'HS256',
    });
    return {
      body: {
        accessToken,
        accessTokenExpiresAt: new Date(exp * 1000).toISOString(),
        sessionExpiresAt: sessionExpiresAt.toISOString(),
        secondFactor,
      },
      refreshToken: `${sessionId}.${secret}`,
      sessionExpiresAt,
    };
  }
}

function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

function hashToken(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

function hashesEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function sessionIdOf(refreshToken: string): string {
  return refreshToken.split('.')[0] ?? '';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseRefreshToken(token: string | null): { sessionId: string; secret: string } | null {
  if (!token) return null;
  const [sessionId, secret, extra] = token.split('.');
  if (!sessionId || !secret || extra !== undefined || !UUID.test(sessionId)) return null;
  return { sessionId, secret };
}

/** Why a session is over at `now`, or null if it is still alive. */
export function expiryReason(
  lastSeenAt: Date,
  expiresAt: Date,
  now: Date,
): 'idle_timeout' | 'absolute_timeout' | null {
  if (now >= expiresAt) return 'absolute_timeout';
  if (now.getTime() - lastSeenAt.getTime() >= SESSION_IDLE_TIMEOUT_MS) return 'idle_timeout';
  return null;
}
