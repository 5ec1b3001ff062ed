import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AccountChangeDecisionView, AccountChangeView, Page } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import { RequirePermission } from '../authz/policy.decorators';
import { AccountChangesService } from './account-changes.service';
import { AccountChangeListQueryDto, RejectAccountChangeDto } from './dto/account-change.dto';
import { Caller } from '../authz/caller';

const R = ApiRoutes.accountChanges;

/** The approvals of the two-person rule: admins see every request, supervisors their centre's. */
@ApiTags('account-changes')
@ApiBearerAuth()
@Controller(R.root)
export class AccountChangesController {
  constructor(private readonly changes: AccountChangesService) {}

  @Get()
  @RequirePermission('read', 'AccountChange')
  list(
    @Caller() caller: Caller,
    @Query() query: AccountChangeListQueryDto,
  ): Promise<Page<AccountChangeView>> {
    return this.changes.list(caller.ability, query);
  }

  @Post(`:id/${R.approve}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('approve', 'AccountChange')
  approve(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
  ): Promise<AccountChangeDecisionView> {
    return this.changes.approve(caller, id);
  }

  @Post(`:id/${R.reject}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('approve', 'AccountChange')
  reject(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: RejectAccountChangeDto,
  ): Promise<AccountChangeView> {
    return this.changes.reject(caller, id, dto.reason);
  }
}
