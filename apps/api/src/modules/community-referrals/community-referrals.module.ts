import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { IntakeRepository } from '../intake/intake.repository';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';
import { CommunityReferralStatusChanges } from './community-referral-status';
import { CommunityReferralsController } from './community-referrals.controller';
import { CommunityReferralsRepository } from './community-referrals.repository';
import { CommunityReferralsService } from './community-referrals.service';

@Module({
  imports: [AgenciesModule, NotificationOutboxModule],
  controllers: [CommunityReferralsController],
  providers: [
    CommunityReferralsService,
    CommunityReferralsRepository,
    CommunityReferralStatusChanges,
    IntakeRepository,
  ],
  exports: [CommunityReferralStatusChanges],
})
export class CommunityReferralsModule {}
