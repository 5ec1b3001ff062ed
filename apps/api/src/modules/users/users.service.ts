import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { AppAbility } from '@caunoi/shared/authz';
import type { AccountChangeView, Page, UserView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import { requestedGrant } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import type { PasswordOwner } from '../auth/password-policy.service';
import { PasswordPolicy } from '../auth/password-policy.service';
import { SessionsRepository } from '../auth/sessions.repository';
import { accessibleWhere } from '../authz/accessible-where';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { assertCan } from '../authz/instance-checks';
import { AccountChangesService } from './account-changes.service';
import { AccountGrants } from './account-grants';
import type { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { mapUser } from './dto/user.dto';
import { OneTimeCodesRepository } from './one-time-codes.repository';
import type { UserEntity } from './user.entity';
import { USER_RULE_COLUMNS, UsersRepository } from './users.repository';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';

/**
 * People and their accounts. What could hand someone access to survivor data (a new account, a new
 * role or agency, enabling, a password reset) goes through the two-person rule
 * (`AccountChangesService`); what only takes access away (disabling) or names a person (display
 * name) happens at once. Nobody changes their own role, agency or disabled state.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly users: UsersRepository,
    private readonly codes: OneTimeCodesRepository,
    private readonly grants: AccountGrants,
    private readonly accountChanges: AccountChangesService,
    private readonly sessions: SessionsRepository,
    private readonly passwordPolicy: PasswordPolicy,
    private readonly clock: Clock,
  ) {}

  async list(ability: AppAbility, query: UserListQueryDto): Promise<Page<UserView>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, { username: 'text' });
    const rows = await this.users.getPage({
      access: accessibleWhere(ability, 'read', 'User', USER_RULE_COLUMNS),
      afterUsername: after?.username ?? null,
      limit: limit + 1,
      agencyId: query.agencyId,
      role: query.role,
      search: query.q?.trim() || undefined,
    });
    const page = keysetPage(rows, limit, (last) => ({ username: last.username }));
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  async get(ability: AppAbility, id: string): Promise<UserView> {
    const user = await this.users.getWithAgency(id);
    assertCan(ability, 'read', 'User', user ? { ...user } : null, 'User not found');
    return this.view(id);
  }

  /** A new account without a password, waiting for a second person to approve it. */
  async create(actor: AuthenticatedUser, dto: CreateUserDto): Promise<UserView> {
    await this.grants.assertFits(dto.role, dto.agencyId);
    if (await this.users.isUsernameTaken(dto.username)) {
      throw fieldError(
        HttpStatus.CONFLICT,
        'username',
        'username_taken',
        'username is already taken',
      );
    }
    const id = await this.work.run(async (tx) => {
      const user = await this.users.insert(tx.manager, {
        username: dto.username,
        displayName: dto.displayName.trim(),
        role: dto.role,
        agencyId: dto.agencyId,
        passwordHash: null,
        mustChangePassword: false,
      });
      await tx.audit({
        actor,
        action: 'user.create',
        subjectType: 'User',
        subjectId: user.id,
        fields: ['username', 'displayName', 'role', 'agencyId'],
      });
      const grant = { role: dto.role, agencyId: dto.agencyId };
      await this.accountChanges.request(tx, actor, user, 'create_account', grant, 'username');
      return user.id;
    });
    return this.view(id);
  }

  /** The display name changes at once; a new role or agency is requested for approval. */
  async update(
    { user: actor, ability }: Caller,
    id: string,
    dto: UpdateUserDto,
  ): Promise<UserView> {
    const user = await this.loadFor(ability, 'update', id);
    const grant = requestedGrant(user, dto);
    if (grant) {
      if (id === actor.id) {
        const field = grant.role !== user.role ? 'role' : 'agencyId';
        throw ownAccount(field, `you cannot change your own ${field}`);
      }
      await this.grants.assertFits(grant.role, grant.agencyId);
    }
    await this.work.run(async (tx) => {
      if (dto.displayName !== undefined) {
        await this.users.update(tx.manager, id, { displayName: dto.displayName.trim() });
        await tx.audit({
          actor,
          action: 'user.update',
          subjectType: 'User',
          subjectId: id,
          fields: ['displayName'],
        });
      }
      if (grant) await this.accountChanges.request(tx, actor, user, 'change_grant', grant, 'role');
    });
    return this.view(id);
  }

  /** Disabling takes effect at once; enabling is requested for approval. */
  async setDisabled(
    { user: actor, ability }: Caller,
    id: string,
    disabled: boolean,
  ): Promise<UserView> {
    const user = await this.loadFor(ability, 'disable', id);
    if (id === actor.id) {
      throw ownAccount('id', `you cannot ${disabled ? 'disable' : 'enable'} your own account`);
    }
    if (disabled === (user.disabledAt !== null)) return this.view(id);
    const now = this.clock.now();
    await this.work.run(async (tx) => {
      if (!disabled) {
        await this.accountChanges.request(tx, actor, user, 'enable_account', user, 'id');
        return;
      }
      await this.users.update(tx.manager, id, { disabledAt: now });
      await this.sessions.revokeAllForUser(tx.manager, id, now, 'account_disabled');
      await tx.audit({
        actor,
        action: 'user.disable',
        subjectType: 'User',
        subjectId: id,
        fields: ['disabledAt'],
      });
    });
    return this.view(id);
  }

  /**
   * Requests a password reset. Nothing changes until another person approves it; the approval
   * voids the old password and yields a one-time code for the holder, never a password for anyone.
   */
  async requestPasswordReset(
    { user: actor, ability }: Caller,
    id: string,
  ): Promise<AccountChangeView> {
    const user = await this.loadFor(ability, 'reset_password', id);
    if (id === actor.id) {
      throw ownAccount('id', 'change your own password on the password page instead');
    }
    const changeId = await this.work.run((tx) =>
      this.accountChanges.request(tx, actor, user, 'reset_password', user, 'id'),
    );
    return this.accountChanges.view(changeId);
  }

  /** A request for another person to approve: the holder enrols a new authenticator at the next sign-in. */
  async requestSecondFactorReset(
    { user: actor, ability }: Caller,
    id: string,
  ): Promise<AccountChangeView> {
    const user = await this.loadFor(ability, 'reset_password', id);
    if (id === actor.id) {
      throw ownAccount('id', 'another person must reset your second factor');
    }
    const changeId = await this.work.run((tx) =>
      this.accountChanges.request(tx, actor, user, 'reset_second_factor', user, 'id'),
    );
    return this.accountChanges.view(changeId);
  }

  /** Used by password change, reset and one-time codes alike, so the rule is stated once. */
  assertPasswordAcceptable(password: string, owner: PasswordOwner, field: string): void {
    this.passwordPolicy.assertAcceptable(password, owner, field);
  }

  private async loadFor(
    ability: AppAbility,
    action: 'update' | 'disable' | 'reset_password',
    id: string,
  ): Promise<UserEntity> {
    const user = await this.users.getWithAgency(id);
    assertCan(ability, action, 'User', user ? { ...user } : null, 'User not found');
    return user as UserEntity;
  }

  private async view(id: string): Promise<UserView> {
    const user = await this.users.getWithAgency(id);
    if (!user) throw new NotFoundException('User not found');
    const [view] = await this.views([user]);
    return view as UserView;
  }

  /** The users with what the two-person rule adds: pending requests, password and code state. */
  private async views(users: UserEntity[]): Promise<UserView[]> {
    const ids = users.map((u) => u.id);
    const now = this.clock.now();
    const [pending, withPassword, codeExpiries] = await Promise.all([
      this.accountChanges.pendingFor(ids),
      this.users.getIdsWithPassword(ids),
      this.codes.getUsableExpiries(ids, now),
    ]);
    return users.map((user) =>
      mapUser(user, now, {
        passwordSet: withPassword.has(user.id),
        oneTimeCodeExpiresAt: codeExpiries.get(user.id)?.toISOString() ?? null,
        pendingChanges: pending
          .filter((p) => p.targetUserId === user.id)
          .map(({ id, kind }) => ({ id, kind })),
      }),
    );
  }
}

/** Nobody changes their own role, agency or disabled state, nor resets their own password here. */
function ownAccount(field: string, message: string) {
  return fieldError(HttpStatus.FORBIDDEN, field, 'own_account', message);
}
