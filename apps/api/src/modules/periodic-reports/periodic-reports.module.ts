import { Module } from '@nestjs/common';
import { AdministrativeUnitsCoreModule } from '../administrative-units/administrative-units-core.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ReportCalendarController } from './report-calendar.controller';
import { ReportCalendarRepository } from './report-calendar.repository';
import { ReportCalendarService } from './report-calendar.service';

/** Periodic reports to the province (issue 12): their calendar, clocks and drafts. */
@Module({
  imports: [DeadlinesModule, AdministrativeUnitsCoreModule],
  controllers: [ReportCalendarController],
  providers: [ReportCalendarService, ReportCalendarRepository],
  exports: [ReportCalendarService],
})
export class PeriodicReportsModule {}
