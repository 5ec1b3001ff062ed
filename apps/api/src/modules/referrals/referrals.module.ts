import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { CasesModule } from '../cases/cases.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ReferralInboxService } from './referral-inbox.service';
import { ReferralPacketBuilder } from './referral-packet';
import { ReferralViews } from './referral-views';
import {
  CaseReferralsController,
  ReferralInboxController,
  ResponseTimesController,
  ServiceRecordsController,
} from './referrals.controller';
import { ReferralsCoreModule } from './referrals-core.module';
import { ReferralsService } from './referrals.service';
import { ResponseTimesService } from './response-times.service';

@Module({
  imports: [ReferralsCoreModule, CasesModule, AgenciesModule, DeadlinesModule],
  controllers: [
    CaseReferralsController,
    ReferralInboxController,
    ServiceRecordsController,
    ResponseTimesController,
  ],
  providers: [
    ReferralsService,
    ReferralInboxService,
    ReferralViews,
    ReferralPacketBuilder,
    ResponseTimesService,
  ],
})
export class ReferralsModule {}
