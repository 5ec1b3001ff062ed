import { inject } from '@angular/core';
import type { CanActivateFn, CanMatchFn } from '@angular/router';
import { Router } from '@angular/router';
import type { Action, SubjectType } from '@caunoi/shared/authz';
import type { Role } from '@caunoi/shared/domain';
import { AbilityService } from '../ability/ability.service';
import { AuthService } from './auth.service';
import { CHANGE_PASSWORD_ROUTE, LOGIN_ROUTE, SECOND_FACTOR_ROUTE } from './landing';
import { rememberReturnRoute } from './return-route';

/** Signed in, or off to the login page (an email's link comes back after sign-in). */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  if (auth.isSignedIn()) return true;
  rememberReturnRoute(state.url);
  return inject(Router).parseUrl(LOGIN_ROUTE);
};

/** The login page is for signed-out people; others go home. */
export const guestGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return !auth.isSignedIn() || inject(Router).parseUrl(auth.homeRoute());
};

/** While the server demands a new password (or, before that, the second factor), every other page waits. */
export const passwordChangeGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  if (auth.secondFactor()) return inject(Router).parseUrl(SECOND_FACTOR_ROUTE);
  return !auth.mustChangePassword() || inject(Router).parseUrl(CHANGE_PASSWORD_ROUTE);
};

/** The password page only once the second factor is given; the second-factor page only while it is due. */
export const secondFactorGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return !auth.secondFactor() || inject(Router).parseUrl(SECOND_FACTOR_ROUTE);
};

export const secondFactorDueGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.secondFactor() !== null || inject(Router).parseUrl(auth.homeRoute());
};

/** A workspace belongs to some roles; anyone else is sent to their own. */
export function roleGuard(...roles: Role[]): CanMatchFn {
  return () => {
    const auth = inject(AuthService);
    const role = auth.me()?.user.role;
    return (
      (role !== undefined && roles.includes(role)) || inject(Router).parseUrl(auth.homeRoute())
    );
  };
}

/** Asks the CASL rules, as the API will. */
export function abilityGuard(action: Action, subject: SubjectType): CanMatchFn {
  return () => {
    const allowed = inject(AbilityService).can(action, subject);
    return allowed || inject(Router).parseUrl(inject(AuthService).homeRoute());
  };
}
