import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ConferenceActionView, ConferenceView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import { Caller } from '../authz/caller';
import { RequirePermission } from '../authz/policy.decorators';
import {
  CancelConferenceDto,
  ConferenceActionParamsDto,
  ConveneConferenceDto,
  CreateConferenceActionDto,
  RecordConferenceDto,
  RescheduleConferenceDto,
  UpdateConferenceActionStatusDto,
} from './conference.dto';
import { ConferenceReads } from './conference-reads.service';
import { ConferenceScheduleService } from './conference-schedule.service';
import { ConferencesService } from './conferences.service';

const C = ApiRoutes.conferences;

@ApiTags('conferences')
@ApiBearerAuth()
@Controller()
export class ConferencesController {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly reads: ConferenceReads,
    private readonly schedule: ConferenceScheduleService,
  ) {}

  @Get(`${ApiRoutes.cases.root}/:id/${ApiRoutes.cases.conferences}`)
  @RequirePermission('read', 'Case')
  listForCase(@Caller() caller: Caller, @Param() params: UuidParamDto): Promise<ConferenceView[]> {
    return this.reads.listForCase(caller, params.id);
  }

  @Post(`${ApiRoutes.cases.root}/:id/${ApiRoutes.cases.conferences}`)
  @RequirePermission('create', 'Conference')
  convene(
    @Caller() caller: Caller,
    @Param() params: UuidParamDto,
    @Body() dto: ConveneConferenceDto,
  ): Promise<ConferenceView> {
    return this.conferences.convene(caller, params.id, dto);
  }

  @Get(`${C.root}/${C.inbox}`)
  @RequirePermission('read', 'Conference')
  inbox(@Caller() caller: Caller): Promise<ConferenceView[]> {
    return this.reads.inbox(caller);
  }

  @Get(`${C.root}/:id`)
  @RequirePermission('read', 'Conference')
  get(@Caller() caller: Caller, @Param() params: UuidParamDto): Promise<ConferenceView> {
    return this.reads.get(caller, params.id);
  }

  @Put(`${C.root}/:id/${C.record}`)
  @RequirePermission('update', 'Conference')
  record(
    @Caller() caller: Caller,
    @Param() params: UuidParamDto,
    @Body() dto: RecordConferenceDto,
  ): Promise<ConferenceView> {
    return this.conferences.record(caller, params.id, dto);
  }

  @Post(`${C.root}/:id/${C.actions}`)
  @RequirePermission('update', 'Conference')
  addAction(
    @Caller() caller: Caller,
    @Param() params: UuidParamDto,
    @Body() dto: CreateConferenceActionDto,
  ): Promise<ConferenceActionView> {
    return this.conferences.addAction(caller, params.id, dto);
  }

  @Put(`${C.root}/:id/${C.actions}/:actionId/${C.status}`)
  @RequirePermission('update', 'Conference')
  setActionStatus(
    @Caller() caller: Caller,
    @Param() params: ConferenceActionParamsDto,
    @Body() dto: UpdateConferenceActionStatusDto,
  ): Promise<ConferenceActionView> {
    return this.conferences.setActionStatus(caller, params.id, params.actionId, dto);
  }

  @Post(`${C.root}/:id/${C.cancellation}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Conference')
  cancel(
    @Caller() caller: Caller,
    @Param() params: UuidParamDto,
    @Body() dto: CancelConferenceDto,
  ): Promise<ConferenceView> {
    return this.schedule.cancel(caller, params.id, dto);
  }

  @Put(`${C.root}/:id/${C.schedule}`)
  @RequirePermission('update', 'Conference')
  reschedule(
    @Caller() caller: Caller,
    @Param() params: UuidParamDto,
    @Body() dto: RescheduleConferenceDto,
  ): Promise<ConferenceView> {
    return this.schedule.reschedule(caller, params.id, dto);
  }
}
