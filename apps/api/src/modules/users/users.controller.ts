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
import type { AccountChangeView, Page, UserView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import { RequirePermission } from '../authz/policy.decorators';
import {
  CreateUserDto,
  ResetPasswordRequestDto,
  UpdateUserDto,
  UserListQueryDto,
} from './dto/user.dto';
import { UsersService } from './users.service';
import { Caller } from '../authz/caller';

const R = ApiRoutes.users;

@ApiTags('users')
@ApiBearerAuth()
@Controller(R.root)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('read', 'User')
  list(@Caller() caller: Caller, @Query() query: UserListQueryDto): Promise<Page<UserView>> {
    return this.users.list(caller.ability, query);
  }

  @Get(':id')
  @RequirePermission('read', 'User')
  get(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<UserView> {
    return this.users.get(caller.ability, id);
  }

  @Post()
  @RequirePermission('create', 'User')
  create(@Caller() caller: Caller, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(caller.user, dto);
  }

  @Patch(':id')
  @RequirePermission('update', 'User')
  update(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(caller, id, dto);
  }

  @Post(`:id/${R.disable}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('disable', 'User')
  disable(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<UserView> {
    return this.users.setDisabled(caller, id, true);
  }

  @Post(`:id/${R.enable}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('disable', 'User')
  enable(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<UserView> {
    return this.users.setDisabled(caller, id, false);
  }

  /** A request for another person to approve: 202 with the pending change, no password. */
  @Post(`:id/${R.resetPassword}`)
  @HttpCode(HttpStatus.ACCEPTED)
  @RequirePermission('reset_password', 'User')
  resetPassword(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    // Validated only: the pipe refuses any field (a password) with a 400 naming it.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    @Body() _body: ResetPasswordRequestDto,
  ): Promise<AccountChangeView> {
    return this.users.requestPasswordReset(caller, id);
  }

  /** A lost authenticator: a request for another person to approve (the same authority as a reset). */
  @Post(`:id/${R.resetSecondFactor}`)
  @HttpCode(HttpStatus.ACCEPTED)
  @RequirePermission('reset_password', 'User')
  resetSecondFactor(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    @Body() _body: ResetPasswordRequestDto,
  ): Promise<AccountChangeView> {
    return this.users.requestSecondFactorReset(caller, id);
  }
}
