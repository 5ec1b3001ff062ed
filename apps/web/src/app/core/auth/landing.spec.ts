import type { Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import { WORKSPACES } from '../../features/workspaces/workspaces';
import { landingRouteFor } from './landing';

describe('landing route per role', () => {
  it.each<[Role, string]>([
    ['hotline_operator', '/hotline'],
    ['volunteer', '/community'],
    ['caseworker', '/cases'],
    ['supervisor', '/team'],
    ['police_liaison', '/inbox'],
    ['health_liaison', '/inbox'],
    ['justice_liaison', '/inbox'],
    ['reporting_officer', '/reports'],
    ['admin', '/admin/users'],
  ])('%s lands on %s', (role, route) => {
    expect(landingRouteFor(role)).toBe(route);
  });

  it('sends every non-admin role to a workspace that admits it (no redirect loop)', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const workspace = WORKSPACES.find((w) => `/${w.path}` === landingRouteFor(role));
      expect({ role, admitted: workspace?.roles.includes(role) ?? false }).toEqual({
        role,
        admitted: true,
      });
    }
  });
});
