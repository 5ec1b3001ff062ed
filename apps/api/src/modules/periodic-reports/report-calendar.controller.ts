import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReportCalendarView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { Caller } from '../authz/caller';
import { RequirePermission } from '../authz/policy.decorators';
import {
  ReportCalendarEntryParamDto,
  ReportCalendarQueryDto,
  UpdateReportCalendarEntryDto,
} from './report-calendar.dto';
import { ReportCalendarService } from './report-calendar.service';

/** When each periodic report is due, per province and year (`/api/report-calendar`). */
@ApiTags('periodic-reports')
@ApiBearerAuth()
@Controller(ApiRoutes.reportCalendar)
export class ReportCalendarController {
  constructor(private readonly calendar: ReportCalendarService) {}

  @Get()
  @RequirePermission('read', 'ReportCalendar')
  get(@Query() query: ReportCalendarQueryDto): Promise<ReportCalendarView> {
    return this.calendar.get(query.provinceCode, query.year);
  }

  @Put(':provinceCode/:year/:kind')
  @RequirePermission('update', 'ReportCalendar')
  update(
    @Caller() caller: Caller,
    @Param() key: ReportCalendarEntryParamDto,
    @Body() dto: UpdateReportCalendarEntryDto,
  ): Promise<ReportCalendarView> {
    return this.calendar.update(caller, key, dto);
  }

  @Delete(':provinceCode/:year/:kind')
  @RequirePermission('update', 'ReportCalendar')
  reset(
    @Caller() caller: Caller,
    @Param() key: ReportCalendarEntryParamDto,
  ): Promise<ReportCalendarView> {
    return this.calendar.reset(caller, key);
  }
}
