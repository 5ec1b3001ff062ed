import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { IntakeRepository } from '../intake/intake.repository';
import { CommunityReferralsController } from './community-referrals.controller';
import { CommunityReferralsRepository } from './community-referrals.repository';
import { CommunityReferralsService } from './community-referrals.service';

@Module({
  imports: [AgenciesModule],
  controllers: [CommunityReferralsController],
  providers: [CommunityReferralsService, CommunityReferralsRepository, IntakeRepository],
  exports: [CommunityReferralsRepository],
})
export class CommunityReferralsModule {}
