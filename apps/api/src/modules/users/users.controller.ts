import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppAbility } from '@caunoi/shared/authz';
import type { AccountChangeView, Page, UserView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CurrentAbility, CurrentUser, RequirePermission } from '../authz/policy.decorators';
import {
  CreateUserDto,
  ResetPasswordRequestDto,
  UpdateUserDto,
  UserListQueryDto,
} from './dto/user.dto';
import { UsersService } from './users.service';

const R = ApiRoutes.users;

@ApiTags('users')
@ApiBearerAuth()
@Controller(R.root)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('read', 'User')
  list(
    @CurrentAbility() ability: AppAbility,
    @Query() query: UserListQueryDto,
  ): Promise<Page<UserView>> {
    return this.users.list(ability, query);
  }

  @Get(':id')
  @RequirePermission('read', 'User')
  get(@CurrentAbility() ability: AppAbility, @Param() { id }: UuidParamDto): Promise<UserView> {
    return this.users.get(ability, id);
  }

  @Post()
  @RequirePermission('create', 'User')
  create(@CurrentUser() actor: AuthenticatedUser, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @RequirePermission('update', 'User')
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(actor, ability, id, dto);
  }

  @Post(`:id/${R.disable}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('disable', 'User')
  disable(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<UserView> {
    return this.users.setDisabled(actor, ability, id, true);
  }

  @Post(`:id/${R.enable}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('disable', 'User')
  enable(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<UserView> {
    return this.users.setDisabled(actor, ability, id, false);
  }

  /** A request for another person to approve: 202 with the pending change, no password. */
  @Post(`:id/${R.resetPassword}`)
  @HttpCode(HttpStatus.ACCEPTED)
  @RequirePermission('reset_password', 'User')
  resetPassword(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    // Validated only: the pipe refuses any field (a password) with a 400 naming it.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    @Body() _body: ResetPasswordRequestDto,
  ): Promise<AccountChangeView> {
    return this.users.requestPasswordReset(actor, ability, id);
  }

  /** A lost authenticator: a request for another person to approve (the same authority as a reset). */
  @Post(`:id/${R.resetSecondFactor}`)
  @HttpCode(HttpStatus.ACCEPTED)
  @RequirePermission('reset_password', 'User')
  resetSecondFactor(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    @Body() _body: ResetPasswordRequestDto,
  ): Promise<AccountChangeView> {
    return this.users.requestSecondFactorReset(actor, ability, id);
  }
}
