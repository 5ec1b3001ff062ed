import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Action, AppAbility, RecordSubjectType } from '@caunoi/shared/authz';
import { subjectOf } from '@caunoi/shared/authz';

/**
 * Instance-level check in services. A record the caller may not even read is reported as
 * missing (404), so its existence is not confirmed; a readable record the caller may not
 * change is a 403.
 */
export function assertCan(
  ability: AppAbility,
  action: Action,
  subjectType: RecordSubjectType,
  record: Record<string, unknown> | null | undefined,
  notFoundMessage = 'Not found',
): void {
  if (!record || !ability.can('read', subjectOf(subjectType, record))) {
    throw new NotFoundException(notFoundMessage);
  }
  if (action !== 'read' && !ability.can(action, subjectOf(subjectType, record))) {
    throw new ForbiddenException('Your role may not do this');
  }
}
