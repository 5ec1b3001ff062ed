import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { CasesModule } from '../cases/cases.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';
import { ProtectionInboxService } from './protection-inbox.service';
import { ProtectionLifecycle } from './protection-lifecycle';
import { ProtectionViews } from './protection-views';
import { CaseProtectionController, ProtectionInboxController } from './protection.controller';
import { ProtectionRepository } from './protection.repository';
import { ProtectionService } from './protection.service';

/** Protective measures (issue 11): the centre's requests, the commune's decisions, police supervision. */
@Module({
  imports: [CasesModule, AgenciesModule, DeadlinesModule, NotificationOutboxModule],
  controllers: [CaseProtectionController, ProtectionInboxController],
  providers: [
    ProtectionRepository,
    ProtectionLifecycle,
    ProtectionViews,
    ProtectionService,
    ProtectionInboxService,
  ],
})
export class ProtectionModule {}
