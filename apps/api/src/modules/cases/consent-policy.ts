import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { ConsentGiver } from '@caunoi/shared/domain';
import {
  ageOn,
  CONSENT_PROBLEM_MESSAGES,
  checkCaseConsent,
  checkConsentExpiry,
  defaultConsentExpiry,
} from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { vietnamDate } from '../../common/vietnam-date';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { AuthenticatedUser } from '../authz/authenticated-user';

export interface ConsentFacts {
  givenBy: ConsentGiver;
  childAssent?: boolean | null;
  guardianIsSuspect?: boolean;
}

/**
 * Applies the child-consent rules (DOMAIN.md §3) and answers 409 with the reason when they fail, and
 * sets how long a consent holds (CONSENT_VALIDITY_DAYS unless a date is chosen with the survivor).
 */
@Injectable()
export class ConsentPolicy {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The expiry day of a consent given `givenAt`: the chosen one (checked, else a 400) or the default. */
  expiresOn(givenAt: Date, chosen?: string | null): string {
    const today = vietnamDate(givenAt);
    if (!chosen) return defaultConsentExpiry(today, this.config.consentValidityDays);
    const problem = checkConsentExpiry(chosen, today);
    if (problem)
      throw fieldError(HttpStatus.BAD_REQUEST, problem.field, problem.code, problem.message);
    return chosen;
  }

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
