import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Action, AppAbility } from '@caunoi/shared/authz';
import { assertCan } from '../authz/instance-checks';
import type { CaseWithPeople } from './cases.repository';
import { CasesRepository } from './cases.repository';
import { isCaseEditable } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';

/**
 * Loads a case and checks the caller may do `action` on it. A case the caller may not read is a
 * 404 whatever the action, so its existence is never confirmed.
 */
@Injectable()
export class CaseAccess {
  constructor(private readonly cases: CasesRepository) {}

  async load(
    ability: AppAbility,
    id: string,
    action: Action,
    manager?: EntityManager,
  ): Promise<CaseWithPeople> {
    const found = await this.cases.getWithPeople(id, manager);
    assertCan(
      ability,
      action,
      'Case',
      found
        ? { id: found.id, agencyId: found.agencyId, assignedUserId: found.assignedUserId }
        : null,
      'Case not found',
    );
    return found as CaseWithPeople;
  }

  /**
   * Same check, then locks the row for a change inside the caller's transaction. A closed case is
   * read-only: a change answers 409 `case_closed` until a supervisor reopens it (the steps that act
   * on a closed case, reopening and withdrawing consent, pass `allowClosed`).
   */
  async loadForUpdate(
    manager: EntityManager,
    ability: AppAbility,
    id: string,
    action: Action,
    options: { allowClosed?: boolean } = {},
  ): Promise<CaseWithPeople> {
    await this.cases.lockForUpdate(manager, id);
    const found = await this.load(ability, id, action, manager);
    if (!options.allowClosed && !isCaseEditable(found.stage)) {
      throw fieldError(
        HttpStatus.CONFLICT,
        'stage',
        'case_closed',
        'the case is closed: a supervisor must reopen it before it changes',
      );
    }
    return found;
  }
}
