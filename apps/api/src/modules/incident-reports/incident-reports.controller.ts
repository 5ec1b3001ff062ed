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
  Res,
  StreamableFile,
} from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { IncidentReportView, Page } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import { RequirePermission } from '../authz/policy.decorators';
import { CaseChildParamDto } from '../cases/dto/case.dto';
import {
  IncidentReportFormQueryDto,
  InboxQueryDto,
  SaveIncidentReportDto,
} from './incident-report.dto';
import { sendFile } from '../statistics/export/send-file';
import { IncidentReportsService } from './incident-reports.service';
import { Caller } from '../authz/caller';

const REPORT = ':id/incidents/:childId/report';

@ApiTags('incident-reports')
@ApiBearerAuth()
@Controller('cases')
export class CaseIncidentReportsController {
  constructor(private readonly reports: IncidentReportsService) {}

  @Get(REPORT)
  @RequirePermission('read', 'Case')
  get(@Caller() caller: Caller, @Param() p: CaseChildParamDto): Promise<IncidentReportView> {
    return this.reports.get(caller, p.id, p.childId);
  }

  /** The report as its printable form (PDF), for whoever may read the case; audited. */
  @Get(`${REPORT}/form`)
  @RequirePermission('read', 'Case')
  async form(
    @Caller() caller: Caller,
    @Param() p: CaseChildParamDto,
    @Query() q: IncidentReportFormQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendFile(res, await this.reports.formForCase(caller, p.id, p.childId, q));
  }

  @Post(REPORT)
  @RequirePermission('update', 'Case')
  draft(
    @Caller() caller: Caller,
    @Param() p: CaseChildParamDto,
    @Body() dto: SaveIncidentReportDto,
  ): Promise<IncidentReportView> {
    return this.reports.draft(caller, p.id, p.childId, dto);
  }

  @Patch(REPORT)
  @RequirePermission('update', 'Case')
  save(
    @Caller() caller: Caller,
    @Param() p: CaseChildParamDto,
    @Body() dto: SaveIncidentReportDto,
  ): Promise<IncidentReportView> {
    return this.reports.save(caller, p.id, p.childId, dto);
  }

  @Post(`${REPORT}/approve`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('approve', 'Case')
  approve(@Caller() caller: Caller, @Param() p: CaseChildParamDto): Promise<IncidentReportView> {
    return this.reports.approve(caller, p.id, p.childId);
  }

  @Post(`${REPORT}/submit`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'Case')
  submit(@Caller() caller: Caller, @Param() p: CaseChildParamDto): Promise<IncidentReportView> {
    return this.reports.submit(caller, p.id, p.childId);
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
  inbox(@Caller() caller: Caller, @Query() q: InboxQueryDto): Promise<Page<IncidentReportView>> {
    return this.reports.inbox(caller, q.after);
  }

  /** A report submitted to the officer's agency as its printable form (PDF); audited. */
  @Get(':id/form')
  @RequirePermission('read', 'IncidentReport')
  async form(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Query() q: IncidentReportFormQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendFile(res, await this.reports.formForRecipient(caller, id, q));
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'IncidentReport')
  acknowledge(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
  ): Promise<IncidentReportView> {
    return this.reports.acknowledge(caller, id);
  }
}
