import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../../deadlines/deadlines.module';
import { CasesModule } from '../cases.module';
import { CaseFollowUpsController } from './case-follow-ups.controller';
import { CaseFollowUpsRepository } from './case-follow-ups.repository';
import { CaseFollowUpsService } from './case-follow-ups.service';

/** Follow-up contacts on a case, each with its clock on the deadline engine. */
@Module({
  imports: [CasesModule, DeadlinesModule],
  controllers: [CaseFollowUpsController],
  providers: [CaseFollowUpsService, CaseFollowUpsRepository],
})
export class CaseFollowUpsModule {}
