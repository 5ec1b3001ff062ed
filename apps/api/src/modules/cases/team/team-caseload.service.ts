import { Injectable } from '@nestjs/common';
import type { TeamCaseloadView } from '@caunoi/shared/contracts';
import { Clock } from '../../../common/clock';
import type { Caller } from '../../authz/caller';
import { assertCan } from '../../authz/instance-checks';
import { TeamCaseloadRepository } from './team-caseload.repository';

/**
 * The supervisor's team view: per caseworker of their own centre, the open cases, those at high
 * risk, overdue clocks, and plans and closures waiting for a decision. The centre is always the
 * caller's own (there is no parameter to ask for another).
 */
@Injectable()
export class TeamCaseloadService {
  constructor(
    private readonly caseload: TeamCaseloadRepository,
    private readonly clock: Clock,
  ) {}

  async get({ user, ability }: Caller): Promise<TeamCaseloadView> {
    // Who may give the centre's cases to people manages them: the same right reads their load.
    const agencyId = user.agencyId;
    assertCan(ability, 'assign', 'Case', agencyId ? { agencyId } : null);
    const now = this.clock.now();
    const rows = await this.caseload.getCaseloadForAgency(agencyId as string, now);
    return { asOf: now.toISOString(), rows };
  }
}
