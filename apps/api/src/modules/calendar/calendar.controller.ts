import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CalendarChangeResult, CalendarDayView } from '@caunoi/shared/contracts';
import { RequirePermission } from '../authz/policy.decorators';
import {
  CalendarDateParamDto,
  CalendarYearQueryDto,
  CreateCalendarDayDto,
  UpdateCalendarDayDto,
} from './calendar.dto';
import { CalendarService } from './calendar.service';
import { Caller } from '../authz/caller';

/** Public holidays and announced compensatory days (`/api/holidays`). */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('holidays')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @RequirePermission('read', 'CalendarDay')
  list(@Query() query: CalendarYearQueryDto): Promise<CalendarDayView[]> {
    return this.calendar.list(query.year);
  }

  @Post()
  @RequirePermission('create', 'CalendarDay')
  create(
    @Caller() caller: Caller,
    @Body() dto: CreateCalendarDayDto,
  ): Promise<CalendarChangeResult> {
    return this.calendar.create(caller.user, dto);
  }

  @Patch(':date')
  @RequirePermission('update', 'CalendarDay')
  update(
    @Caller() caller: Caller,
    @Param() { date }: CalendarDateParamDto,
    @Body() dto: UpdateCalendarDayDto,
  ): Promise<CalendarChangeResult> {
    return this.calendar.update(caller.user, date, dto);
  }

  @Delete(':date')
  @RequirePermission('update', 'CalendarDay')
  remove(
    @Caller() caller: Caller,
    @Param() { date }: CalendarDateParamDto,
  ): Promise<CalendarChangeResult> {
    return this.calendar.remove(caller.user, date);
  }
}
