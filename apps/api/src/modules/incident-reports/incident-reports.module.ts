import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import {
  CaseIncidentReportsController,
  IncidentReportInboxController,
} from './incident-reports.controller';
import { IncidentReportsRepository } from './incident-reports.repository';
import { IncidentReportsService } from './incident-reports.service';

@Module({
  imports: [CasesModule, DeadlinesModule],
  controllers: [CaseIncidentReportsController, IncidentReportInboxController],
  providers: [IncidentReportsService, IncidentReportsRepository],
  exports: [IncidentReportsRepository],
})
export class IncidentReportsModule {}
