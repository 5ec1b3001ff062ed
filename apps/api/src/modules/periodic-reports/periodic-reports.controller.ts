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
import type {
  ConsolidatedReportView,
  PeriodicReportListView,
  PeriodicReportView,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { UuidParamDto } from '../../common/uuid-param.dto';
import { Caller } from '../authz/caller';
import { RequirePermission } from '../authz/policy.decorators';
import {
  ConsolidatedExportDto,
  ConsolidatedReportQueryDto,
  DraftPeriodicReportDto,
  PeriodicReportYearQueryDto,
  ReportExportDto,
  UpdatePeriodicReportDto,
} from './periodic-report.dto';
import { sendFile } from '../statistics/export/send-file';
import { PeriodicReportsService } from './periodic-reports.service';

const R = ApiRoutes.periodicReports;

/** A centre's periodic reports to its province (`/api/periodic-reports`). */
@ApiTags('periodic-reports')
@ApiBearerAuth()
@Controller(R.root)
export class PeriodicReportsController {
  constructor(private readonly reports: PeriodicReportsService) {}

  /** The centre's reports of a year (supervisor), or those submitted to the province (officer). */
  @Get()
  @RequirePermission('read', 'PeriodicReport')
  list(
    @Caller() caller: Caller,
    @Query() q: PeriodicReportYearQueryDto,
  ): Promise<PeriodicReportListView> {
    return this.reports.list(caller, q.year);
  }

  @Post()
  @RequirePermission('create', 'PeriodicReport')
  draft(
    @Caller() caller: Caller,
    @Body() dto: DraftPeriodicReportDto,
  ): Promise<PeriodicReportView> {
    return this.reports.draft(caller, dto);
  }

  /** The province's consolidated report of one calendar entry (reporting officers). */
  @Get(R.consolidated)
  @RequirePermission('read', 'PeriodicReport')
  consolidated(
    @Caller() caller: Caller,
    @Query() q: ConsolidatedReportQueryDto,
  ): Promise<ConsolidatedReportView> {
    return this.reports.consolidated(caller, q);
  }

  /** Exports are POSTs: a file's password travels in the body, never in a URL. */
  @Post(`${R.consolidated}/${R.export}`)
  @HttpCode(200)
  @RequirePermission('read', 'PeriodicReport')
  async exportConsolidated(
    @Caller() caller: Caller,
    @Body() q: ConsolidatedExportDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendFile(res, await this.reports.exportConsolidated(caller, q));
  }

  @Get(':id')
  @RequirePermission('read', 'PeriodicReport')
  get(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<PeriodicReportView> {
    return this.reports.get(caller, id);
  }

  /** The report as an XLSX or PDF file, only its protected tables and narrative; audited. */
  @Post(`:id/${R.export}`)
  @HttpCode(200)
  @RequirePermission('read', 'PeriodicReport')
  async export(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() q: ReportExportDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendFile(res, await this.reports.export(caller, id, q));
  }

  @Patch(':id')
  @RequirePermission('update', 'PeriodicReport')
  update(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
    @Body() dto: UpdatePeriodicReportDto,
  ): Promise<PeriodicReportView> {
    return this.reports.update(caller, id, dto);
  }

  @Post(`:id/${R.approve}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('approve', 'PeriodicReport')
  approve(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<PeriodicReportView> {
    return this.reports.approve(caller, id);
  }

  @Post(`:id/${R.submit}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'PeriodicReport')
  submit(@Caller() caller: Caller, @Param() { id }: UuidParamDto): Promise<PeriodicReportView> {
    return this.reports.submit(caller, id);
  }

  @Post(`:id/${R.acknowledge}`)
  @HttpCode(HttpStatus.OK)
  @RequirePermission('update', 'PeriodicReport')
  acknowledge(
    @Caller() caller: Caller,
    @Param() { id }: UuidParamDto,
  ): Promise<PeriodicReportView> {
    return this.reports.acknowledge(caller, id);
  }
}
