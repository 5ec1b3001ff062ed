import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CalendarChangeResult, CalendarDayView } from '@caunoi/shared/contracts';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CurrentUser, RequirePermission } from '../authz/policy.decorators';
import {
  CalendarDateParamDto,
  CalendarYearQueryDto,
  CreateCalendarDayDto,
  UpdateCalendarDayDto,
} from './calendar.dto';
import { CalendarService } from './calendar.service';

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
    @CurrentUser() actor: AuthenticatedUser,
    @Body() dto: CreateCalendarDayDto,
  ): Promise<CalendarChangeResult> {
    return this.calendar.create(actor, dto);
  }

  @Patch(':date')
  @RequirePermission('update', 'CalendarDay')
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param() { date }: CalendarDateParamDto,
    @Body() dto: UpdateCalendarDayDto,
  ): Promise<CalendarChangeResult> {
    return this.calendar.update(actor, date, dto);
  }

  @Delete(':date')
  @RequirePermission('update', 'CalendarDay')
  remove(
    @CurrentUser() actor: AuthenticatedUser,
    @Param() { date }: CalendarDateParamDto,
  ): Promise<CalendarChangeResult> {
    return this.calendar.remove(actor, date);
  }
}
