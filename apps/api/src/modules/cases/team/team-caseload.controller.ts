import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TeamCaseloadView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { Caller } from '../../authz/caller';
import { RequirePermission } from '../../authz/policy.decorators';
import { TeamCaseloadService } from './team-caseload.service';

const T = ApiRoutes.team;

@ApiTags('cases')
@ApiBearerAuth()
@Controller(T.root)
export class TeamCaseloadController {
  constructor(private readonly caseload: TeamCaseloadService) {}

  /** Supervisors only (the right to assign the centre's cases), always their own centre. */
  @Get(T.caseload)
  @RequirePermission('assign', 'Case')
  get(@Caller() caller: Caller): Promise<TeamCaseloadView> {
    return this.caseload.get(caller);
  }
}
