import { AGENCY_TYPES } from './agency-type';
import { AGENCY_TYPES_FOR_ROLE, roleFitsAgency } from './role-agency';
import { ROLES } from '../roles/role';

describe('roleFitsAgency', () => {
  it('keeps caseworkers and supervisors in social-work centres', () => {
    for (const type of AGENCY_TYPES) {
      expect(roleFitsAgency('caseworker', type)).toBe(type === 'social_work_centre');
      expect(roleFitsAgency('supervisor', type)).toBe(type === 'social_work_centre');
    }
  });

  it('puts each liaison in its own sector', () => {
    expect(roleFitsAgency('police_liaison', 'police')).toBe(true);
    expect(roleFitsAgency('police_liaison', 'health')).toBe(false);
    expect(roleFitsAgency('health_liaison', 'health')).toBe(true);
    expect(roleFitsAgency('justice_liaison', 'legal_aid')).toBe(true);
    expect(roleFitsAgency('reporting_officer', 'reporting_authority')).toBe(true);
  });

  it('gives every role at least one valid agency type', () => {
    for (const role of ROLES) expect(AGENCY_TYPES_FOR_ROLE[role].length).toBeGreaterThan(0);
  });
});
