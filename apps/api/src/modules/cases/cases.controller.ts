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
import type {
  AccessLogEntryView,
  CaseTimelineEntry,
  CaseDetailView,
  CaseNoteView,
  CaseSummaryView,
  DeadlineView,
  ConsentView,
  IncidentView,
  Page,
  RevealedIdentity,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import { RequirePermission } from '../authz/policy.decorators';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { CaseOpeningService } from './case-opening.service';
import { CasePartsService } from './case-parts.service';
import { CasesService } from './cases.service';
import {
  AccessLogQueryDto,
  AssignCaseDto,
  CaseChildParamDto,
  CaseListQueryDto,
  CaseSearchDto,
  CreateCaseNoteDto,
  CreateSharingConsentDto,
  UpdateCaseDto,
  WithdrawConsentDto,
} from './dto/case.dto';
import { CreateIncidentDto, UpdateIncidentDto } from './dto/incident.dto';
import { OpenCaseDto } from './dto/open-case.dto';
import { Caller } from '../authz/caller';

const R = ApiRoutes.cases;

@ApiTags('cases')
@ApiBearerAuth()
@Controller(R.root)
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly opening: CaseOpeningService,
    private readonly parts: CasePartsService,
  ) {}

  /** A walk-in: the case opens in the caller's own centre. */
  @RateLimit('identity_lookup')
  @Post()
  @RequirePermission('create', 'Case')
  open(@Caller() caller: Caller, @Body() dto: OpenCaseDto): Promise<CaseDetailView> {
    return this.opening.open(caller, dto, {
      source: dto.referredByAgency ? 'agency_referral' : 'walk_in',
      intakeItemId: null,
      agencyId: caller.user.agencyId,
      childFlagged: false,
    });
  }

  @Get()
  @RequirePermission('read', 'Case')
  list(@Caller() caller: Caller, @Query() query: CaseListQueryDto): Promise<Page<CaseSummaryView>> {
    return this.cases.list(caller, query);
  }

  @RateLimit('identity_lookup')
  @Post(R.search)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('read', 'Case')
  search(@Caller() caller: Caller, @Body() dto: CaseSearchDto): Promise<CaseSummaryView[]> {
    return this.cases.search(caller, dto);
  }

  @Get(':id')
  @RequirePermission('read', 'Case')
  get(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<CaseDetailView> {
    return this.cases.get(caller, id);
  }

  /** Every clock of the case (running, met, breached or cancelled), newest first. */
  @Get(`:id/${R.deadlines}`)
  @RequirePermission('read', 'Case')
  deadlines(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<DeadlineView[]> {
    return this.cases.clocks(caller, id);
  }

  @Patch(':id')
  @RequirePermission('update', 'Case')
  update(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: UpdateCaseDto,
  ): Promise<CaseDetailView> {
    return this.cases.update(caller, id, dto);
  }

  @Post(`:id/${R.assign}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('assign', 'Case')
  assign(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: AssignCaseDto,
  ): Promise<CaseDetailView> {
    return this.cases.assign(caller, id, dto);
  }

  @Post(`:id/${R.revealIdentity}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('reveal_identity', 'Case')
  reveal(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<RevealedIdentity> {
    return this.cases.revealIdentity(caller, id);
  }

  @Get(`:id/${R.accessLog}`)
  @RequirePermission('audit', 'Case')
  accessLog(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Query() query: AccessLogQueryDto,
  ): Promise<Page<AccessLogEntryView>> {
    return this.cases.accessLog(caller, id, query.after);
  }

  @Get(`:id/${R.timeline}`)
  @RequirePermission('read', 'Case')
  timeline(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Query() query: AccessLogQueryDto,
  ): Promise<Page<CaseTimelineEntry>> {
    return this.cases.timeline(caller, id, query.after);
  }

  @Post(`:id/${R.incidents}`)
  @RequirePermission('update', 'Case')
  addIncident(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: CreateIncidentDto,
  ): Promise<IncidentView> {
    return this.parts.addIncident(caller, id, dto);
  }

  @Patch(`:id/${R.incidents}/:childId`)
  @RequirePermission('update', 'Case')
  updateIncident(
    @Caller() caller: Caller,
    @Param() { id, childId }: CaseChildParamDto,
    @Body() dto: UpdateIncidentDto,
  ): Promise<IncidentView> {
    return this.parts.updateIncident(caller, id, childId, dto);
  }

  @Post(`:id/${R.consents}`)
  @RequirePermission('update', 'Case')
  addConsent(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: CreateSharingConsentDto,
  ): Promise<ConsentView> {
    return this.parts.addSharingConsent(caller, id, dto);
  }

  @Post(`:id/${R.consents}/:childId/${R.withdraw}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Case')
  withdrawConsent(
    @Caller() caller: Caller,
    @Param() { id, childId }: CaseChildParamDto,
    @Body() dto: WithdrawConsentDto,
  ): Promise<ConsentView> {
    return this.parts.withdrawConsent(caller, id, childId, dto.reason);
  }

  @Get(`:id/${R.notes}`)
  @RequirePermission('read', 'Case')
  notes(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<CaseNoteView[]> {
    return this.parts.listNotes(caller, id);
  }

  @Post(`:id/${R.notes}`)
  @RequirePermission('update', 'Case')
  addNote(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: CreateCaseNoteDto,
  ): Promise<CaseNoteView> {
    return this.parts.addNote(caller, id, dto.body);
  }
}
