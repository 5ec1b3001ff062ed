import type { AgencyType } from './agency-type';
import type { Role } from '../roles/role';

/**
 * Which agency types a role may belong to. Keeps a police liaison out of a hospital's
 * user list and a caseworker inside a social-work centre. `admin` runs the system for the
 * province, so it sits in the reporting authority or a social-work centre.
 */
export const AGENCY_TYPES_FOR_ROLE: Readonly<Record<Role, readonly AgencyType[]>> = {
  hotline_operator: ['hotline', 'social_work_centre'],
  volunteer: ['trusted_address', 'womens_union', 'shelter'],
  caseworker: ['social_work_centre'],
  supervisor: ['social_work_centre'],
  police_liaison: ['police'],
  health_liaison: ['health'],
  justice_liaison: ['legal_aid', 'court'],
  commune_officer: ['commune_committee'],
  reporting_officer: ['reporting_authority'],
  admin: ['reporting_authority', 'social_work_centre'],
};

export function roleFitsAgency(role: Role, agencyType: AgencyType): boolean {
  return AGENCY_TYPES_FOR_ROLE[role].includes(agencyType);
}
