import { timingSafeEqual } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ONE_TIME_CODE_MAX_FAILURES, normaliseOneTimeCode } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionsRepository } from '../auth/sessions.repository';
import type { SetPasswordWithCodeDto } from './dto/account-change.dto';
import { hashOneTimeCode } from './one-time-code-issuer';
import { OneTimeCodesRepository } from './one-time-codes.repository';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { UnitOfWork } from '../../database/unit-of-work';

/** One answer for an unknown username, a wrong, used, void or expired code: none is confirmed. */
function invalidCode() {
  return fieldError(
    HttpStatus.BAD_REQUEST,
    'code',
    'invalid_one_time_code',
    'code is not valid for this username, or has expired',
  );
}

/**
 * The public "set your password" step: the holder of a new account, or of an approved reset, sets a
 * password with the one-time code the approver handed over, then signs in as usual. Wrong tries are
 * counted per code, and the code is void after a few of them.
 */
@Injectable()
export class AccountSetupService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly codes: OneTimeCodesRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async setPassword(dto: SetPasswordWithCodeDto): Promise<void> {
    const now = this.clock.now();
    const user = await this.users.getByUsername(dto.username);
    const code = user ? await this.codes.getOpenForUser(user.id) : null;
    if (!user || !code || code.expiresAt <= now) {
      await this.refused(user, { reason: !user ? 'unknown_user' : 'no_usable_code' });
      throw invalidCode();
    }
    const typed = normaliseOneTimeCode(dto.code);
    const expected = code.codeHash;
    const matches =
      typed !== null &&
      expected.length === 32 &&
      timingSafeEqual(hashOneTimeCode(typed), Buffer.from(expected));
    if (!matches) {
      await this.work.run(async (tx) => {
        const voided = await this.codes.recordFailure(
          tx.manager,
          code.id,
          ONE_TIME_CODE_MAX_FAILURES,
          now,
        );
        await tx.audit({
          actor: null,
          action: voided ? 'account_code.void' : 'account_code.refused',
          subjectType: 'User',
          subjectId: user.id,
          details: { codeId: code.id, reason: voided ? 'too_many_failures' : 'wrong_code' },
        });
      });
      throw invalidCode();
    }
    // After the code: a weak password must not use up a good code.
    this.usersService.assertPasswordAcceptable(
      dto.newPassword,
      { username: user.username, displayName: user.displayName },
      'newPassword',
    );
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.work.run(async (tx) => {
      if (!(await this.codes.consume(tx.manager, code.id, this.clock.now()))) throw invalidCode();
      await this.users.update(tx.manager, user.id, {
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: now,
        failedLoginCount: 0,
        lockedUntil: null,
      });
      await this.sessions.revokeAllForUser(tx.manager, user.id, now, 'password_set_with_code');
      await tx.audit({
        actor: { id: user.id, role: user.role, agencyId: user.agencyId },
        action: 'account_code.use',
        subjectType: 'User',
        subjectId: user.id,
        fields: ['password'],
        details: { codeId: code.id },
      });
    });
  }

  private async refused(user: UserEntity | null, details: { reason: string }): Promise<void> {
    await this.work.audit({
      actor: null,
      action: 'account_code.refused',
      subjectType: 'User',
      subjectId: user?.id ?? null,
      details,
    });
  }
}
