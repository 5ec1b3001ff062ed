import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';
import { ConferenceAccess } from './conference-access';
import { ConferenceReads } from './conference-reads.service';
import { ConferenceScheduleService } from './conference-schedule.service';
import { ConferencesController } from './conferences.controller';
import { ConferencesRepository } from './conferences.repository';
import { ConferencesService } from './conferences.service';

/** Case conferences: convened by a centre, worked by the invited agencies from their inbox. */
@Module({
  imports: [CasesModule, DeadlinesModule, NotificationOutboxModule],
  controllers: [ConferencesController],
  providers: [
    ConferencesService,
    ConferenceScheduleService,
    ConferenceReads,
    ConferenceAccess,
    ConferencesRepository,
  ],
})
export class ConferencesModule {}
