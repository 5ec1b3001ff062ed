import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { AuditMonitorModule } from './modules/audit/audit-monitor.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { StatisticsWorkerModule } from './modules/statistics/statistics-worker.module';

/** The worker process: the same core modules as the API, plus the queue processors, the audit watch and the statistics recount. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config), JobsModule, AuditMonitorModule, StatisticsWorkerModule],
    };
  }
}
