import { Module } from '@nestjs/common';
import { CredentialsModule } from '../auth/credentials.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { NotificationEmailModule } from '../notifications/email/notification-email.module';
import { PeriodicReportsModule } from '../periodic-reports/periodic-reports.module';
import { DeadlineJobs } from './deadline-jobs';
import { MaintenanceProcessor } from './maintenance.processor';
import { QueueRuntime } from './queue-runtime';
import { ReconcileLoop } from './reconcile-loop';
import { StageBatcher } from './stage-batcher';

@Module({
  imports: [CredentialsModule, DeadlinesModule, NotificationEmailModule, PeriodicReportsModule],
  providers: [MaintenanceProcessor, StageBatcher, DeadlineJobs, ReconcileLoop, QueueRuntime],
})
export class JobsModule {}
