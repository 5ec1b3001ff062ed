import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';
import { ReferralLifecycle } from './referral-lifecycle';
import { ReferralsRepository } from './referrals.repository';

/** What the cases module needs of referrals (the consent-withdrawal cascade) without a cycle. */
@Module({
  imports: [DeadlinesModule, NotificationOutboxModule],
  providers: [ReferralsRepository, ReferralLifecycle],
  exports: [ReferralsRepository, ReferralLifecycle, NotificationOutboxModule],
})
export class ReferralsCoreModule {}
