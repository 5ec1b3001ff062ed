import type { Role } from '@caunoi/shared/domain';

/** Each role's own workspace, where it lands after signing in. */
export const LANDING_ROUTES: Readonly<Record<Role, string>> = {
  hotline_operator: '/hotline',
  volunteer: '/community',
  caseworker: '/cases',
  supervisor: '/team',
  police_liaison: '/inbox',
  health_liaison: '/inbox',
  justice_liaison: '/inbox',
  commune_officer: '/protection',
  reporting_officer: '/reports',
  admin: '/admin/users',
};

export function landingRouteFor(role: Role): string {
  return LANDING_ROUTES[role];
}

export const CHANGE_PASSWORD_ROUTE = '/account/password';
export const SECOND_FACTOR_ROUTE = '/account/second-factor';
export const NOTIFICATION_SETTINGS_ROUTE = '/account/notifications';
export const LOGIN_ROUTE = '/login';
/** Public: the holder of a one-time code sets a password here, then signs in. */
export const SET_PASSWORD_ROUTE = '/set-password';
