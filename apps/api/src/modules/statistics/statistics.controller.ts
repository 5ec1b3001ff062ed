import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StatisticsView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { Caller } from '../authz/caller';
import { RequirePermission } from '../authz/policy.decorators';
import { sendFile } from './export/send-file';
import { StatisticsExportDto, StatisticsQueryDto } from './statistics.dto';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller(ApiRoutes.statistics.root)
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @RequirePermission('read', 'Statistics')
  view(@Caller() caller: Caller, @Query() q: StatisticsQueryDto): Promise<StatisticsView> {
    return this.statistics.view(caller, q);
  }

  /**
   * The same numbers as a CSV, XLSX or PDF file ("<5" where suppressed); every export is audited.
   * A POST so that a file's password travels in the body, never in a URL.
   */
  @Post(ApiRoutes.statistics.export)
  @HttpCode(200)
  @RequirePermission('read', 'Statistics')
  async export(
    @Caller() caller: Caller,
    @Body() q: StatisticsExportDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendFile(res, await this.statistics.export(caller, q));
  }
}
