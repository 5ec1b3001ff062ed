import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SecondFactorRepository } from '../auth/second-factor/second-factor.repository';
import { SessionsRepository } from '../auth/sessions.repository';
import type { AccountChangeEntity } from './account-change.entity';
import { AccountGrants } from './account-grants';
import type { IssuedOneTimeCode } from './one-time-code-issuer';
import { OneTimeCodeIssuer } from './one-time-code-issuer';
import { UsersRepository } from './users.repository';

type Change = Pick<
  AccountChangeEntity,
  'id' | 'kind' | 'targetUserId' | 'targetRole' | 'targetAgencyId' | 'requestedByUserId'
>;

/**
 * What an approved (or rejected) request does to the account, inside the decision's transaction.
 * Until then the account keeps what it had: no password, its old grant, disabled.
 */
@Injectable()
export class AccountChangeEffects {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly secondFactors: SecondFactorRepository,
    private readonly grants: AccountGrants,
    private readonly codes: OneTimeCodeIssuer,
  ) {}

  /** Applies an approved request; returns the one-time code when the kind yields one. */
  async applyApproved(
    m: EntityManager,
    change: Change,
    username: string,
    now: Date,
  ): Promise<IssuedOneTimeCode | null> {
    const id = change.targetUserId;
    switch (change.kind) {
      case 'create_account':
        return this.codes.issue(m, { id, username }, change.id, now, change.requestedByUserId);
      case 'change_grant':
        // The agency may have closed, or the role stopped fitting it, since the request.
        await this.grants.assertFits(change.targetRole, change.targetAgencyId);
        await this.users.update(m, id, {
          role: change.targetRole,
          agencyId: change.targetAgencyId,
        });
        // New permissions: old tokens must not carry the old ones.
        await this.sessions.revokeAllForUser(m, id, now, 'role_changed');
        return null;
      case 'enable_account':
        await this.users.update(m, id, {
          disabledAt: null,
          failedLoginCount: 0,
          lockedUntil: null,
        });
        return null;
      case 'reset_password':
        // The old password stops working now; the holder sets a new one with the code.
        await this.users.update(m, id, {
          passwordHash: null,
          mustChangePassword: false,
          failedLoginCount: 0,
          lockedUntil: null,
        });
        await this.sessions.revokeAllForUser(m, id, now, 'password_reset');
        return this.codes.issue(m, { id, username }, change.id, now, change.requestedByUserId);
      case 'reset_second_factor':
        // The lost app and its recovery codes stop working now; the next sign-in enrols a new one.
        await this.secondFactors.remove(m, id);
        await this.sessions.revokeAllForUser(m, id, now, 'second_factor_reset');
        return null;
    }
  }

  /** A rejected new account is disabled, so it shows as not in use; other rejections change nothing. */
  async applyRejected(m: EntityManager, change: Change, now: Date): Promise<void> {
    if (change.kind === 'create_account') {
      await this.users.update(m, change.targetUserId, { disabledAt: now });
    }
  }
}
