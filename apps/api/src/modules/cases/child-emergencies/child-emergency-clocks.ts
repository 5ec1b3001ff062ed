import { Injectable } from '@nestjs/common';
import type { ChildEmergencyProblem, ChildEmergencySource } from '@caunoi/shared/domain';
import { checkChildEmergencyStart, isChildSurvivor, vietnamDateOf } from '@caunoi/shared/domain';
import { Clock } from '../../../common/clock';
import type { Tx } from '../../../database/unit-of-work';
import type { AuthenticatedUser } from '../../authz/authenticated-user';
import { DeadlinesService } from '../../deadlines/deadlines.service';
import type { CaseWithPeople } from '../cases.repository';
import { SurvivorIdentity } from '../survivor-identity';
import { ChildEmergenciesRepository } from './child-emergencies.repository';

export interface ChildEmergencyTrigger {
  source: ChildEmergencySource;
  /** The assessment or the call that marked the danger. */
  sourceId: string | null;
  /** When the information arrived: the 12 hours count from it. */
  startedAt: Date;
  reasonEnc: string | null;
}

/**
 * Starts a child emergency wherever serious danger is marked (an assessment, a caseworker, a case
 * opened from a hotline call): the row and its two clocks, in the caller's unit of work, once while
 * an emergency of the case waits for its intervention. Answers the domain's problems instead when
 * the survivor is not a child or one waits already: the automatic triggers then start nothing.
 */
@Injectable()
export class ChildEmergencyClocks {
  constructor(
    private readonly emergencies: ChildEmergenciesRepository,
    private readonly deadlines: DeadlinesService,
    private readonly identity: SurvivorIdentity,
    private readonly clock: Clock,
  ) {}

  /**
   * Whether the survivor of a loaded case is a child today, from the birth date or age recorded in
   * the identity (decrypted here for the comparison only; nothing of it leaves), else the age group.
   */
  isChild(found: CaseWithPeople): boolean {
    const { dateOfBirth, age } = this.identity.read(found);
    return isChildSurvivor(
      { dateOfBirth, age, ageGroup: found.survivor.ageGroup },
      vietnamDateOf(this.clock.now()),
    );
  }

  async start(
    tx: Tx,
    actor: AuthenticatedUser,
    caseRef: { id: string; agencyId: string },
    isChild: boolean,
    trigger: ChildEmergencyTrigger,
  ): Promise<{ id: string } | { problems: ChildEmergencyProblem[] }> {
    const m = tx.manager;
    const problems = checkChildEmergencyStart({
      isChild,
      openEmergency: await this.emergencies.hasOpen(m, caseRef.id),
    });
    if (problems.length > 0) return { problems };
    const id = await this.emergencies.insert(m, {
      caseId: caseRef.id,
      source: trigger.source,
      sourceId: trigger.sourceId,
      reasonEnc: trigger.reasonEnc,
      markedByUserId: actor.id,
      startedAt: trigger.startedAt,
    });
    await this.deadlines.startChildEmergencyClocks(tx, caseRef, {
      id,
      startedAt: trigger.startedAt,
    });
    await tx.audit({
      actor,
      caseId: caseRef.id,
      action: 'child_emergency.start',
      subjectType: 'ChildEmergency',
      subjectId: id,
      fields: trigger.reasonEnc ? ['reason'] : [],
      details: { source: trigger.source, sourceId: trigger.sourceId },
    });
    return { id };
  }
}
