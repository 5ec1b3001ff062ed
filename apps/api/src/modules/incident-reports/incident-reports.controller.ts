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
import type { IncidentReportView, Page } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CurrentAbility, CurrentUser, RequirePermission } from '../authz/policy.decorators';
import { CaseChildParamDto } from '../cases/dto/case.dto';
import { InboxQueryDto, SaveIncidentReportDto } from './incident-report.dto';
import { IncidentReportsService } from './incident-reports.service';

const REPORT = ':id/incidents/:childId/report';

@ApiTags('incident-reports')
@ApiBearerAuth()
@Controller('cases')
export class CaseIncidentReportsController {
  constructor(private readonly reports: IncidentReportsService) {}

  @Get(REPORT)
  @RequirePermission('read', 'Case')
  get(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() p: CaseChildParamDto,
  ): Promise<IncidentReportView> {
    return this.reports.get(actor, ability, p.id, p.childId);
  }

  @Post(REPORT)
  @RequirePermission('update', 'Case')
  draft(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() p: CaseChildParamDto,
    @Body() dto: SaveIncidentReportDto,
  ): Promise<IncidentReportView> {
    return this.reports.draft(actor, ability, p.id, p.childId, dto);
  }

  @Patch(REPORT)
  @RequirePermission('update', 'Case')
  save(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() p: CaseChildParamDto,
    @Body() dto: SaveIncidentReportDto,
  ): Promise<IncidentReportView> {
    return this.reports.save(actor, ability, p.id, p.childId, dto);
  }

  @Post(`${REPORT}/approve`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('approve', 'Case')
  approve(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() p: CaseChildParamDto,
  ): Promise<IncidentReportView> {
    return this.reports.approve(actor, ability, p.id, p.childId);
  }

  @Post(`${REPORT}/submit`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Case')
  submit(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() p: CaseChildParamDto,
  ): Promise<IncidentReportView> {
    return this.reports.submit(actor, ability, p.id, p.childId);
  }
}

/** The reporting officer's inbox at the province. */
@ApiTags('incident-reports')
@ApiBearerAuth()
@Controller('incident-reports')
export class IncidentReportInboxController {
  constructor(private readonly reports: IncidentReportsService) {}

  @Get()
  @RequirePermission('read', 'IncidentReport')
  inbox(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Query() q: InboxQueryDto,
  ): Promise<Page<IncidentReportView>> {
    return this.reports.inbox(actor, ability, q.after);
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'IncidentReport')
  acknowledge(
    @CurrentUser() actor: AuthenticatedUser,
    @CurrentAbility() ability: AppAbility,
    @Param() { id }: UuidParamDto,
  ): Promise<IncidentReportView> {
    return this.reports.acknowledge(actor, ability, id);
  }
}
