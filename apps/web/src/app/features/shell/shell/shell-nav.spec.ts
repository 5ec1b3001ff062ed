import { defineAbilityFor } from '@caunoi/shared/authz';
import type { Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import { vi } from '../../../core/i18n/vi';
import { navItemsFor } from './shell-nav';

/** The nav a role gets from the same CASL rules the API sends it. */
function navOf(role: Role): string[] {
  const ability = defineAbilityFor({ id: 'u1', role, agencyId: 'ag1' });
  return navItemsFor(role, (action, subject) => ability.can(action, subject)).map(
    (item) => `${item.id} ${item.link}`,
  );
}

describe('navItemsFor', () => {
  it('gives caseworkers and supervisors their workspace, incoming referrals and the directory; supervisors their centre’s account approvals', () => {
    expect(navOf('caseworker')).toEqual([
      'workspace /cases',
      'referrals-inbox /inbox',
      'conferences /conferences',
      'directory /directory',
      'deadlines /deadlines',
    ]);
    expect(navOf('supervisor')).toEqual([
      'workspace /team',
      'referrals-inbox /inbox',
      'conferences /conferences',
      'directory /directory',
      'deadlines /deadlines',
      'statistics /statistics',
      'periodic-reports /periodic-reports',
      'approvals /approvals',
    ]);
  });

  it('gives liaisons one link to their inbox (their workspace), their conference invitations and the directory; the police also the orders in force', () => {
    for (const role of ['health_liaison', 'justice_liaison'] as const) {
      expect(navOf(role)).toEqual([
        'workspace /inbox',
        'conferences /conferences',
        'directory /directory',
      ]);
    }
    expect(navOf('police_liaison')).toEqual([
      'workspace /inbox',
      'protection /protection',
      'conferences /conferences',
      'directory /directory',
    ]);
  });

  it('gives the commune officer the committee’s protection inbox and its conference invitations', () => {
    expect(navOf('commune_officer')).toEqual(['workspace /protection', 'conferences /conferences']);
  });

  it('gives hotline operators the directory, not an inbox', () => {
    expect(navOf('hotline_operator')).toEqual(['workspace /hotline', 'directory /directory']);
  });

  it('gives volunteers and reporting officers neither the directory nor an inbox; officers statistics', () => {
    expect(navOf('volunteer')).toEqual(['workspace /community']);
    expect(navOf('reporting_officer')).toEqual([
      'workspace /reports',
      'statistics /statistics',
      'periodic-reports /periodic-reports',
    ]);
  });

  it('gives the admin the response times beside the other settings, and no directory', () => {
    expect(navOf('admin')).toEqual([
      'users /admin/users',
      'approvals /approvals',
      'agencies /admin/agencies',
      'units /admin/units',
      'holidays /admin/holidays',
      'report-calendar /admin/report-calendar',
      'risk-instruments /admin/risk-instruments',
      'response-times /admin/response-times',
      'queues /admin/queues',
    ]);
  });

  it('labels every item of every role with a text of the dictionary', () => {
    for (const role of ROLES) {
      const ability = defineAbilityFor({ id: 'u1', role, agencyId: 'ag1' });
      for (const item of navItemsFor(role, (a, s) => ability.can(a, s))) {
        expect(vi[item.label]).toEqual(expect.any(String));
      }
    }
  });
});
