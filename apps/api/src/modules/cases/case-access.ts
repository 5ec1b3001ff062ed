import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Action, AppAbility } from '@caunoi/shared/authz';
import { assertCan } from '../authz/instance-checks';
import type { CaseWithPeople } from './cases.repository';
import { CasesRepository } from './cases.repository';

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

  /** Same check, then locks the row for a change inside the caller's transaction. */
  async loadForUpdate(
    manager: EntityManager,
    ability: AppAbility,
    id: string,
    action: Action,
  ): Promise<CaseWithPeople> {
    await this.cases.lockForUpdate(manager, id);
    return this.load(ability, id, action, manager);
  }
}
