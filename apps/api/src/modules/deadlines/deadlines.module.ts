import { Module } from '@nestjs/common';
import { CalendarRepository } from '../calendar/calendar.repository';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';
import { DeadlineReconciler } from './deadline-reconciler';
import { DeadlineScheduler } from './deadline-scheduler';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlinesService } from './deadlines.service';
import { StageFiringRepository } from './stage-firing.repository';
import { StageProcessor } from './stage-processor';

/** Shared by the API (start, stop, board) and the worker (fire, reconcile). */
@Module({
  imports: [NotificationOutboxModule],
  controllers: [DeadlinesController],
  providers: [
    DeadlinesService,
    DeadlinesRepository,
    DeadlineScheduler,
    CalendarRepository,
    StageFiringRepository,
    StageProcessor,
    DeadlineReconciler,
  ],
  exports: [
    DeadlinesService,
    DeadlinesRepository,
    DeadlineScheduler,
    CalendarRepository,
    StageProcessor,
    DeadlineReconciler,
  ],
})
export class DeadlinesModule {}
