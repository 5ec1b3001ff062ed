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
import type { CallView, HotlineLineView, Page } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import { RequirePermission } from '../authz/policy.decorators';
import { CallsService } from './calls.service';
import { CreateHotlineLineDto, UpdateHotlineLineDto } from './dto/hotline-line.dto';
import { HotlineLinesService } from './hotline-lines.service';
import { CallListQueryDto, CreateCallDto, HandOverCallDto, UpdateCallDto } from './dto/call.dto';
import { Caller } from '../authz/caller';

const R = ApiRoutes.calls;

@ApiTags('calls')
@ApiBearerAuth()
@Controller(R.root)
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Post()
  @RequirePermission('create', 'Call')
  create(@Caller() caller: Caller, @Body() dto: CreateCallDto): Promise<CallView> {
    return this.calls.create(caller, dto);
  }

  @Get()
  @RequirePermission('read', 'Call')
  list(@Caller() caller: Caller, @Query() query: CallListQueryDto): Promise<Page<CallView>> {
    return this.calls.list(caller, query);
  }

  @Get(':id')
  @RequirePermission('read', 'Call')
  get(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<CallView> {
    return this.calls.get(caller, id);
  }

  @Patch(':id')
  @RequirePermission('update', 'Call')
  update(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: UpdateCallDto,
  ): Promise<CallView> {
    return this.calls.update(caller, id, dto);
  }

  @Post(`:id/${R.handOver}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Call')
  handOver(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: HandOverCallDto,
  ): Promise<CallView> {
    return this.calls.handOver(caller, id, dto.agencyId);
  }
}

@ApiTags('calls')
@ApiBearerAuth()
@Controller(ApiRoutes.hotlineLines)
export class HotlineLinesController {
  constructor(private readonly lines: HotlineLinesService) {}

  @Get()
  @RequirePermission('read', 'HotlineLine')
  list(@Caller() caller: Caller): Promise<HotlineLineView[]> {
    return this.lines.list(caller.ability);
  }

  @Post()
  @RequirePermission('create', 'HotlineLine')
  create(@Caller() caller: Caller, @Body() dto: CreateHotlineLineDto): Promise<HotlineLineView> {
    return this.lines.create(caller.user, dto);
  }

  @Patch(':id')
  @RequirePermission('update', 'HotlineLine')
  update(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: UpdateHotlineLineDto,
  ): Promise<HotlineLineView> {
    return this.lines.update(caller.user, id, dto);
  }
}
