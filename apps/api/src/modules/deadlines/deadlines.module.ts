import { Module } from '@nestjs/common';
import { CalendarRepository } from '../calendar/calendar.repository';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';
import { DeadlineReconciler } from './deadline-reconciler';
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
    CalendarRepository,
    StageFiringRepository,
    StageProcessor,
    DeadlineReconciler,
  ],
  exports: [
    DeadlinesService,
    DeadlinesRepository,
    CalendarRepository,
    StageProcessor,
    DeadlineReconciler,
  ],
})
export class DeadlinesModule {}
