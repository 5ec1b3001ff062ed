import { Module } from '@nestjs/common';
import { TeamCaseloadController } from './team-caseload.controller';
import { TeamCaseloadRepository } from './team-caseload.repository';
import { TeamCaseloadService } from './team-caseload.service';

/** The supervisor's team view (counts per caseworker of their centre). */
@Module({
  controllers: [TeamCaseloadController],
  providers: [TeamCaseloadService, TeamCaseloadRepository],
})
export class TeamCaseloadModule {}
