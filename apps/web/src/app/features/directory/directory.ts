import type { Role } from '@caunoi/shared/domain';

/**
 * Roles whose work is sending survivors on to services, so their side nav offers the directory.
 * Anyone who may read agencies can still open it; admins manage agencies in their own list.
 */
export const DIRECTORY_NAV_ROLES: readonly Role[] = [
  'caseworker',
  'supervisor',
  'police_liaison',
  'health_liaison',
  'justice_liaison',
  'hotline_operator',
];
