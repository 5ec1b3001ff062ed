import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StatisticsView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { Caller } from '../authz/caller';
import { RequirePermission } from '../authz/policy.decorators';
import { StatisticsQueryDto } from './statistics.dto';
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

  /** The same numbers as CSV (codes, "<5" where suppressed); every export is audited. */
  @Get(ApiRoutes.statistics.export)
  @RequirePermission('read', 'Statistics')
  async export(
    @Caller() caller: Caller,
    @Query() q: StatisticsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.statistics.exportCsv(caller, q);
    // Set once the file exists: an error keeps the JSON error body and its type.
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="thong-ke.csv"');
    return csv;
  }
}
