import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../../deadlines/deadlines.module';
import { NotificationOutboxModule } from '../../notifications/notification-outbox.module';
import { ReferralsCoreModule } from '../../referrals/referrals-core.module';
import { CasesModule } from '../cases.module';
import { CasePlansController } from './case-plans.controller';
import { CasePlansRepository } from './case-plans.repository';
import { CasePlansService } from './case-plans.service';

/** The case action plan: its own module, since it asks referrals which agencies the case is sent to. */
@Module({
  imports: [CasesModule, DeadlinesModule, ReferralsCoreModule, NotificationOutboxModule],
  controllers: [CasePlansController],
  providers: [CasePlansService, CasePlansRepository],
})
export class CasePlansModule {}
