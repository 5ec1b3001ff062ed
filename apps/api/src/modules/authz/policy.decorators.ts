import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Action, AppAbility, SubjectType } from '@caunoi/shared/authz';
import { AbilityCache } from './ability-cache';
import type { AuthenticatedUser } from './authenticated-user';

export const IS_PUBLIC = 'caunoi:public';
export const ALLOW_PENDING_PASSWORD_CHANGE = 'caunoi:allow-pending-password-change';
export const ALLOW_PENDING_SECOND_FACTOR = 'caunoi:allow-pending-second-factor';
export const REQUIRED_PERMISSION = 'caunoi:required-permission';

export interface RequiredPermission {
  action: Action;
  subject: SubjectType;
}

/** No access token needed (login, refresh, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Reachable while the user still has to replace a temporary password. */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD_CHANGE, true);

/** Reachable while the session still needs its second factor (the second-factor screens, me, logout). */
export const AllowPendingSecondFactor = () => SetMetadata(ALLOW_PENDING_SECOND_FACTOR, true);

/** The route-level CASL check: may this role do `action` on some `subject` at all? */
export const RequirePermission = (action: Action, subject: SubjectType) =>
  SetMetadata(REQUIRED_PERMISSION, { action, subject } satisfies RequiredPermission);

export type RequestWithAbility = Request & { user?: AuthenticatedUser; ability?: AppAbility };

const abilities = new AbilityCache();

/** The caller's ability, kept on the request (and shared by the user's requests: ability-cache.ts). */
export function abilityOf(request: RequestWithAbility): AppAbility {
  if (!request.user) throw new Error('abilityOf called on an unauthenticated request');
  request.ability ??= abilities.for(request.user);
  return request.ability;
}
