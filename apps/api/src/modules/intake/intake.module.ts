import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CommunityReferralsModule } from '../community-referrals/community-referrals.module';
import { IntakeController } from './intake.controller';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';

@Module({
  imports: [CasesModule, CommunityReferralsModule],
  controllers: [IntakeController],
  providers: [IntakeService, IntakeRepository],
})
export class IntakeModule {}
