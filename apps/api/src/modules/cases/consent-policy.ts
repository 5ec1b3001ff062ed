import { HttpStatus, Injectable } from '@nestjs/common';
import type { ConsentGiver } from '@caunoi/shared/domain';
import { ageOn, CONSENT_PROBLEM_MESSAGES, checkCaseConsent } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { vietnamDate } from '../../common/vietnam-date';
import type { AuthenticatedUser } from '../authz/authenticated-user';

export interface ConsentFacts {
  givenBy: ConsentGiver;
  childAssent?: boolean | null;
  guardianIsSuspect?: boolean;
}

/** Applies the child-consent rules (DOMAIN.md §3) and answers 409 with the reason when they fail. */
@Injectable()
export class ConsentPolicy {
  constructor(private readonly clock: Clock) {}

  /** Age today from a birth date, else the age recorded, else unknown. */
  currentAge(identity: { dateOfBirth?: string | null; age?: number | null } | null): number | null {
    if (identity?.dateOfBirth) return ageOn(identity.dateOfBirth, vietnamDate(this.clock.now()));
    return identity?.age ?? null;
  }

  assert(
    actor: AuthenticatedUser,
    survivorAge: number | null,
    facts: ConsentFacts,
    field: string,
  ): void {
    const problem = checkCaseConsent({
      survivorAge,
      givenBy: facts.givenBy,
      childAssent: facts.childAssent ?? null,
      guardianIsSuspect: facts.guardianIsSuspect ?? false,
      recordedBySupervisor: actor.role === 'supervisor',
    });
    if (problem)
      throw fieldError(HttpStatus.CONFLICT, field, problem, CONSENT_PROBLEM_MESSAGES[problem]);
  }
}
