import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppAbility } from '@caunoi/shared/authz';
import type { Page, UserView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { roleFitsAgency } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import type { PasswordOwner } from '../auth/password-policy.service';
import { PasswordPolicy } from '../auth/password-policy.service';
import { SessionsRepository } from '../auth/sessions.repository';
import { accessibleWhere } from '../authz/accessible-where';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { assertCan } from '../authz/instance-checks';
import type { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { mapUser } from './dto/user.dto';
import type { UserEntity } from './user.entity';
import { USER_RULE_COLUMNS, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly agencies: AgenciesRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly passwordPolicy: PasswordPolicy,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(ability: AppAbility, query: UserListQueryDto): Promise<Page<UserView>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, ['username'] as const);
    const rows = await this.users.getPage({
      access: accessibleWhere(ability, 'read', 'User', USER_RULE_COLUMNS),
      afterUsername: after?.username ?? null,
      limit: limit + 1,
      agencyId: query.agencyId,
      role: query.role,
      search: query.q?.trim() || undefined,
    });
    const page = keysetPage(rows, limit, (last) => ({ username: last.username }));
    const now = this.clock.now();
    return { items: page.items.map((u) => mapUser(u, now)), nextCursor: page.nextCursor };
  }

  async get(ability: AppAbility, id: string): Promise<UserView> {
    const user = await this.users.getWithAgency(id);
    assertCan(ability, 'read', 'User', user ? { ...user } : null, 'User not found');
    return mapUser(user as UserEntity, this.clock.now());
  }

  async create(actor: AuthenticatedUser, dto: CreateUserDto): Promise<UserView> {
    await this.assertRoleFitsAgency(dto.role, dto.agencyId);
    this.assertPasswordAcceptable(
      dto.password,
      { username: dto.username, displayName: dto.displayName },
      'password',
    );
    if (await this.users.isUsernameTaken(dto.username)) {
      throw fieldError(
        HttpStatus.CONFLICT,
        'username',
        'username_taken',
        'username is already taken',
      );
    }
    const passwordHash = await this.hasher.hash(dto.password);
    const id = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.insert(manager, {
        username: dto.username,
        displayName: dto.displayName.trim(),
        role: dto.role,
        agencyId: dto.agencyId,
        passwordHash,
        mustChangePassword: true,
      });
      await this.audit.record(manager, {
        actor,
        action: 'user.create',
        subjectType: 'User',
        subjectId: user.id,
        fields: ['username', 'displayName', 'role', 'agencyId', 'password'],
      });
      return user.id;
    });
    return this.view(id);
  }

  async update(
    actor: AuthenticatedUser,
    ability: AppAbility,
    id: string,
    dto: UpdateUserDto,
  ): Promise<UserView> {
    const user = await this.loadFor(ability, 'update', id);
    const role = dto.role ?? user.role;
    const agencyId = dto.agencyId ?? user.agencyId;
    if (dto.role !== undefined || dto.agencyId !== undefined) {
      await this.assertRoleFitsAgency(role, agencyId);
    }
    const fields = Object.keys(dto);
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(manager, id, {
        ...(dto.displayName !== undefined ? { displayName: dto.displayName.trim() } : {}),
        role,
        agencyId,
      });
      // A new role or agency means new permissions: old tokens must not carry the old ones.
      if (role !== user.role || agencyId !== user.agencyId) {
        await this.sessions.revokeAllForUser(manager, id, this.clock.now(), 'role_changed');
      }
      await this.audit.record(manager, {
        actor,
        action: 'user.update',
        subjectType: 'User',
        subjectId: id,
        fields,
      });
    });
    return this.view(id);
  }

  async setDisabled(
    actor: AuthenticatedUser,
    ability: AppAbility,
    id: string,
    disabled: boolean,
  ): Promise<UserView> {
    await this.loadFor(ability, 'disable', id);
    if (disabled && id === actor.id) {
      throw fieldError(
        HttpStatus.CONFLICT,
        'id',
        'cannot_disable_self',
        'you cannot disable your own account',
      );
    }
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(
        manager,
        id,
        disabled
          ? { disabledAt: now }
          : { disabledAt: null, failedLoginCount: 0, lockedUntil: null },
      );
      if (disabled) await this.sessions.revokeAllForUser(manager, id, now, 'account_disabled');
      await this.audit.record(manager, {
        actor,
        action: disabled ? 'user.disable' : 'user.enable',
        subjectType: 'User',
        subjectId: id,
        fields: ['disabledAt'],
      });
    });
    return this.view(id);
  }

  /** Sets a temporary password: the user must change it at next sign-in, and every session ends now. */
  async resetPassword(
    actor: AuthenticatedUser,
    ability: AppAbility,
    id: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.loadFor(ability, 'reset_password', id);
    this.assertPasswordAcceptable(
      newPassword,
      { username: user.username, displayName: user.displayName },
      'newPassword',
    );
    const passwordHash = await this.hasher.hash(newPassword);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(manager, id, {
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: now,
        failedLoginCount: 0,
        lockedUntil: null,
      });
      await this.sessions.revokeAllForUser(manager, id, now, 'password_reset');
      await this.audit.record(manager, {
        actor,
        action: 'user.reset_password',
        subjectType: 'User',
        subjectId: id,
        fields: ['password'],
      });
    });
  }

  /** Used by password change and reset alike, so the rule is stated once (PasswordPolicy). */
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
    return mapUser(user, this.clock.now());
  }

  private async assertRoleFitsAgency(role: Role, agencyId: string): Promise<void> {
    const agency = await this.agencies.getById(agencyId);
    if (!agency || !agency.active) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'agencyId',
        'not_found',
        'agencyId is not an active agency',
      );
    }
    if (!roleFitsAgency(role, agency.type)) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'role',
        'role_agency_mismatch',
        `role ${role} cannot belong to an agency of type ${agency.type}`,
      );
    }
  }
}
