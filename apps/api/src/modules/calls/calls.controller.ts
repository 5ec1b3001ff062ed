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
import type { CallView, HotlineLineView, Page } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CurrentAbility, CurrentUser, RequirePermission } from '../authz/policy.decorators';
import { CallsService } from './calls.service';
import { CreateHotlineLineDto, UpdateHotlineLineDto } from './dto/hotline-line.dto';
import { HotlineLinesService } from './hotline-lines.service';
import { CallListQueryDto, CreateCallDto, HandOverCallDto, UpdateCallDto } from './dto/call.dto';

const R = ApiRoutes.calls;

@ApiTags('calls')
@ApiBearerAuth()
@Controller(R.root)
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Post()
  @RequirePermission('create', 'Call')
  create(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Body() dto: CreateCallDto,
  ): Promise<CallView> {
    return this.calls.create(actor, ability, dto);
  }

  @Get()
  @RequirePermission('read', 'Call')
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Query() query: CallListQueryDto,
  ): Promise<Page<CallView>> {
    return this.calls.list(actor, ability, query);
  }

  @Get(':id')
  @RequirePermission('read', 'Call')
  get(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<CallView> {
    return this.calls.get(actor, ability, id);
  }

  @Patch(':id')
  @RequirePermission('update', 'Call')
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: UpdateCallDto,
  ): Promise<CallView> {
    return this.calls.update(actor, ability, id, dto);
  }

  @Post(`:id/${R.handOver}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Call')
  handOver(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: HandOverCallDto,
  ): Promise<CallView> {
    return this.calls.handOver(actor, ability, id, dto.agencyId);
  }
}

@ApiTags('calls')
@ApiBearerAuth()
@Controller(ApiRoutes.hotlineLines)
export class HotlineLinesController {
  constructor(private readonly lines: HotlineLinesService) {}

  @Get()
  @RequirePermission('read', 'HotlineLine')
  list(@CurrentAbility() ability: AppAbility): Promise<HotlineLineView[]> {
    return this.lines.list(ability);
  }

  @Post()
  @RequirePermission('create', 'HotlineLine')
  create(
    @CurrentUser() actor: AuthenticatedUser,
    @Body() dto: CreateHotlineLineDto,
  ): Promise<HotlineLineView> {
    return this.lines.create(actor, dto);
  }

  @Patch(':id')
  @RequirePermission('update', 'HotlineLine')
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param() { id }: UuidParamDto,
    @Body() dto: UpdateHotlineLineDto,
  ): Promise<HotlineLineView> {
    return this.lines.update(actor, id, dto);
  }
}
