import { createHash, randomInt } from 'node:crypto';
import { HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import type {
  SecondFactorConfirmResponse,
  SecondFactorEnrolmentResponse,
  SecondFactorVerifyResponse,
} from '@caunoi/shared/contracts';
import {
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  SECOND_FACTOR_MAX_FAILURES,
} from '@caunoi/shared/domain';
import { fieldError } from '../../../common/api-errors';
import { Clock } from '../../../common/clock';
import type { AuthenticatedUser } from '../../authz/authenticated-user';
import { FieldCipher } from '../../crypto/field-cipher';
import { SessionsRepository } from '../sessions.repository';
import { SecondFactorRepository } from './second-factor.repository';
import { matchTotp, newTotpSecret, otpauthUri } from './totp';
import { UnitOfWork } from '../../../database/unit-of-work';

const ISSUER = 'Cầu Nối';
// No 0/O or 1/I: the codes are read off paper.
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * TOTP enrolment at the first sign-in of a role that needs it, and the code at every sign-in after.
 * Until then the session can reach only these screens (PolicyGuard). Wrong codes are counted per
 * session; after SECOND_FACTOR_MAX_FAILURES the session ends and the password must be given again.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly factors: SecondFactorRepository,
    private readonly sessions: SessionsRepository,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async startEnrolment(user: AuthenticatedUser): Promise<SecondFactorEnrolmentResponse> {
    this.assertStep(user, 'enrol');
    const secret = newTotpSecret();
    await this.work.run(async (tx) => {
      await this.factors.savePending(tx.manager, user.id, this.cipher.encrypt(secret));
      await tx.audit({
        actor: user,
        action: 'auth.second_factor_enrolment_started',
        subjectType: 'User',
        subjectId: user.id,
      });
    });
    const uri = otpauthUri(secret, ISSUER, user.username);
    return { secret, otpauthUri: uri, qrCode: await toDataURL(uri, { margin: 1, width: 240 }) };
  }

  async confirmEnrolment(
    user: AuthenticatedUser,
    code: string,
  ): Promise<SecondFactorConfirmResponse> {
    this.assertStep(user, 'enrol');
    const now = this.clock.now();
    const result = await this.work.run(async (tx) => {
      const stored = await this.factors.get(tx.manager, user.id);
      if (!stored || stored.enrolledAt) return { ok: false as const, reason: 'not_started' };
      const step = matchTotp(this.cipher.decrypt(stored.secretEnc), code.trim(), now, null);
      if (step === null) return { ok: false as const, reason: 'wrong_code' };
      const recoveryCodes = newRecoveryCodes();
      await this.factors.markEnrolled(tx.manager, user.id, now, step);
      await this.factors.replaceRecoveryCodes(
        tx.manager,
        user.id,
        recoveryCodes.map(hashRecoveryCode),
      );
      await this.sessions.markSecondFactorVerified(tx.manager, user.sessionId);
      await tx.audit({
        actor: user,
        action: 'auth.second_factor_enrolled',
        subjectType: 'User',
        subjectId: user.id,
        details: { recoveryCodes: recoveryCodes.length },
      });
      return { ok: true as const, recoveryCodes };
    });
    if (!result.ok) {
      if (result.reason === 'not_started') {
        throw fieldError(
          HttpStatus.CONFLICT,
          'verificationCode',
          'enrolment_not_started',
          'start the enrolment first: scan the new QR code',
        );
      }
      await this.failed(user);
    }
    return { recoveryCodes: (result as { recoveryCodes: string[] }).recoveryCodes };
  }

  async verify(user: AuthenticatedUser, code: string): Promise<SecondFactorVerifyResponse> {
    this.assertStep(user, 'verify');
    const now = this.clock.now();
    const recovery = normaliseRecoveryCode(code);
    const result = await this.work.run(async (tx) => {
      let accepted = false;
      if (recovery) {
        accepted = await this.factors.useRecoveryCode(
          tx.manager,
          user.id,
          hashRecoveryCode(recovery),
          now,
        );
      } else {
        const stored = await this.factors.get(tx.manager, user.id);
        const step =
          stored?.enrolledAt &&
          matchTotp(this.cipher.decrypt(stored.secretEnc), code.trim(), now, stored.lastUsedStep);
        accepted =
          typeof step === 'number' && (await this.factors.useStep(tx.manager, user.id, step));
      }
      if (!accepted) return null;
      await this.sessions.markSecondFactorVerified(tx.manager, user.sessionId);
      const left = await this.factors.countUnusedRecoveryCodes(tx.manager, user.id);
      const method = recovery ? ('recovery_code' as const) : ('totp' as const);
      await tx.audit({
        actor: user,
        action: 'auth.second_factor_verified',
        subjectType: 'Session',
        subjectId: user.sessionId,
        details: { method, recoveryCodesLeft: left },
      });
      return { method, recoveryCodesLeft: left };
    });
    if (!result) await this.failed(user);
    return result as SecondFactorVerifyResponse;
  }

  /** Counts the failure; the last allowed one ends the session. Always throws. */
  private async failed(user: AuthenticatedUser): Promise<never> {
    const now = this.clock.now();
    const ended = await this.work.run(async (tx) => {
      const failures = await this.sessions.recordSecondFactorFailure(tx.manager, user.sessionId);
      const end = failures >= SECOND_FACTOR_MAX_FAILURES;
      if (end) await this.sessions.revoke(tx.manager, user.sessionId, now, 'second_factor_failed');
      await tx.audit({
        actor: user,
        action: end ? 'auth.second_factor_lockout' : 'auth.second_factor_failed',
        subjectType: 'Session',
        subjectId: user.sessionId,
        details: { failures },
      });
      return end;
    });
    if (ended) throw new UnauthorizedException('Too many wrong codes: sign in again');
    throw fieldError(
      HttpStatus.BAD_REQUEST,
      'verificationCode',
      'wrong_code',
      'the code is not correct or was already used',
    );
  }

  private assertStep(user: AuthenticatedUser, step: 'enrol' | 'verify'): void {
    if (user.secondFactor !== step) {
      throw fieldError(
        HttpStatus.CONFLICT,
        'verificationCode',
        user.secondFactor === null
          ? 'second_factor_not_pending'
          : `second_factor_${user.secondFactor}`,
        user.secondFactor === null
          ? 'this session needs no second factor now'
          : `this session must ${user.secondFactor} first`,
      );
    }
  }
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(32)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Codes carry 50 random bits and are single use: a plain SHA-256 is enough to keep them unreadable. */
export function hashRecoveryCode(code: string): Buffer {
  return createHash('sha256').update(code).digest();
}
