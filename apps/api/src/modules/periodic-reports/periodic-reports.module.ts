import { Module } from '@nestjs/common';
import { AdministrativeUnitsCoreModule } from '../administrative-units/administrative-units-core.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { PeriodicReportClocks } from './periodic-report-clocks';
import { PeriodicReportsController } from './periodic-reports.controller';
import { PeriodicReportsRepository } from './periodic-reports.repository';
import { PeriodicReportsService } from './periodic-reports.service';
import { ReportCalendarController } from './report-calendar.controller';
import { ReportCalendarRepository } from './report-calendar.repository';
import { ReportCalendarService } from './report-calendar.service';

/** Periodic reports to the province (issue 12): their calendar, clocks and drafts. */
@Module({
  imports: [DeadlinesModule, AdministrativeUnitsCoreModule, StatisticsModule],
  controllers: [ReportCalendarController, PeriodicReportsController],
  providers: [
    ReportCalendarService,
    ReportCalendarRepository,
    PeriodicReportsService,
    PeriodicReportsRepository,
    PeriodicReportClocks,
  ],
  exports: [ReportCalendarService, PeriodicReportClocks],
})
export class PeriodicReportsModule {}
