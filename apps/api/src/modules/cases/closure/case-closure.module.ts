import { Module } from '@nestjs/common';
import { CommunityReferralsModule } from '../../community-referrals/community-referrals.module';
import { DeadlinesModule } from '../../deadlines/deadlines.module';
import { IncidentReportsModule } from '../../incident-reports/incident-reports.module';
import { ReferralsCoreModule } from '../../referrals/referrals-core.module';
import { CasesModule } from '../cases.module';
import { CaseClosureController } from './case-closure.controller';
import { CaseClosureService } from './case-closure.service';
import { CaseClosuresRepository } from './case-closures.repository';

/** Closure: its own module, since it asks referrals and incident reports what is still open. */
@Module({
  imports: [
    CasesModule,
    DeadlinesModule,
    ReferralsCoreModule,
    IncidentReportsModule,
    CommunityReferralsModule,
  ],
  controllers: [CaseClosureController],
  providers: [CaseClosureService, CaseClosuresRepository],
})
export class CaseClosureModule {}
