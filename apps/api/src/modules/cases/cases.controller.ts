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
import type {
  AccessLogEntryView,
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
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CurrentAbility, CurrentUser, RequirePermission } from '../authz/policy.decorators';
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
  open(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Body() dto: OpenCaseDto,
  ): Promise<CaseDetailView> {
    return this.opening.open(actor, ability, dto, {
      source: 'walk_in',
      intakeItemId: null,
      agencyId: actor.agencyId,
      childFlagged: false,
    });
  }

  @Get()
  @RequirePermission('read', 'Case')
  list(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Query() query: CaseListQueryDto,
  ): Promise<Page<CaseSummaryView>> {
    return this.cases.list(actor, ability, query);
  }

  @RateLimit('identity_lookup')
  @Post(R.search)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('read', 'Case')
  search(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Body() dto: CaseSearchDto,
  ): Promise<CaseSummaryView[]> {
    return this.cases.search(actor, ability, dto);
  }

  @Get(':id')
  @RequirePermission('read', 'Case')
  get(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<CaseDetailView> {
    return this.cases.get(actor, ability, id);
  }

  /** Every clock of the case's incidents (running, met, breached or cancelled), newest first. */
  @Get(`:id/${R.deadlines}`)
  @RequirePermission('read', 'Case')
  deadlines(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<DeadlineView[]> {
    return this.cases.clocks(actor, ability, id);
  }

  @Patch(':id')
  @RequirePermission('update', 'Case')
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: UpdateCaseDto,
  ): Promise<CaseDetailView> {
    return this.cases.update(actor, ability, id, dto);
  }

  @Post(`:id/${R.assign}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('assign', 'Case')
  assign(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: AssignCaseDto,
  ): Promise<CaseDetailView> {
    return this.cases.assign(actor, ability, id, dto);
  }

  @Post(`:id/${R.revealIdentity}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('reveal_identity', 'Case')
  reveal(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<RevealedIdentity> {
    return this.cases.revealIdentity(actor, ability, id);
  }

  @Get(`:id/${R.accessLog}`)
  @RequirePermission('audit', 'Case')
  accessLog(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Query() query: AccessLogQueryDto,
  ): Promise<Page<AccessLogEntryView>> {
    return this.cases.accessLog(actor, ability, id, query.after);
  }

  @Post(`:id/${R.incidents}`)
  @RequirePermission('update', 'Case')
  addIncident(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: CreateIncidentDto,
  ): Promise<IncidentView> {
    return this.parts.addIncident(actor, ability, id, dto);
  }

  @Patch(`:id/${R.incidents}/:childId`)
  @RequirePermission('update', 'Case')
  updateIncident(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id, childId }: CaseChildParamDto,
    @Body() dto: UpdateIncidentDto,
  ): Promise<IncidentView> {
    return this.parts.updateIncident(actor, ability, id, childId, dto);
  }

  @Post(`:id/${R.consents}`)
  @RequirePermission('update', 'Case')
  addConsent(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: CreateSharingConsentDto,
  ): Promise<ConsentView> {
    return this.parts.addSharingConsent(actor, ability, id, dto);
  }

  @Post(`:id/${R.consents}/:childId/${R.withdraw}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Case')
  withdrawConsent(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id, childId }: CaseChildParamDto,
    @Body() dto: WithdrawConsentDto,
  ): Promise<ConsentView> {
    return this.parts.withdrawConsent(actor, ability, id, childId, dto.reason);
  }

  @Get(`:id/${R.notes}`)
  @RequirePermission('read', 'Case')
  notes(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<CaseNoteView[]> {
    return this.parts.listNotes(actor, ability, id);
  }

  @Post(`:id/${R.notes}`)
  @RequirePermission('update', 'Case')
  addNote(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
    @Body() dto: CreateCaseNoteDto,
  ): Promise<CaseNoteView> {
    return this.parts.addNote(actor, ability, id, dto.body);
  }
}
