/** Every role a user can hold (DOMAIN.md §1). A user holds exactly one. */
export const ROLES = [
  'hotline_operator',
  'volunteer',
  'caseworker',
  'supervisor',
  'police_liaison',
  'health_liaison',
  'justice_liaison',
  'commune_officer',
  'reporting_officer',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles that work inside one agency and may only see that agency's people. */
export const AGENCY_SCOPED_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'admin');
