import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ReferralLifecycle } from './referral-lifecycle';
import { ReferralsRepository } from './referrals.repository';

/** What the cases module needs of referrals (the consent-withdrawal cascade) without a cycle. */
@Module({
  imports: [DeadlinesModule],
  providers: [ReferralsRepository, ReferralLifecycle],
  exports: [ReferralsRepository, ReferralLifecycle],
})
export class ReferralsCoreModule {}
