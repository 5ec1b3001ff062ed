import type { Role } from '@caunoi/shared/domain';
import { INBOX_ROLES, ROLES } from '@caunoi/shared/domain';
import { landingRouteFor } from '../../core/auth/landing';
import { WORKSPACES, workspaceForRole } from './workspaces';

describe('workspaces', () => {
  const inbox = WORKSPACES.find((w) => w.path === 'inbox');

  it('admits every role that works a referral inbox to /inbox, and has its screens', () => {
    expect(inbox?.roles).toEqual([
      'police_liaison',
      'health_liaison',
      'justice_liaison',
      'caseworker',
      'supervisor',
    ]);
    expect(inbox?.roles).toEqual(INBOX_ROLES);
    expect(inbox?.loadChildren).toBeDefined();
  });

  it.each<[Role, string]>([
    ['caseworker', 'cases'],
    ['supervisor', 'team'],
    ['police_liaison', 'inbox'],
    ['health_liaison', 'inbox'],
    ['justice_liaison', 'inbox'],
  ])("keeps %s's own workspace at /%s although the inbox admits it too", (role, path) => {
    expect(workspaceForRole(role)?.path).toBe(path);
  });

  it("sends every non-admin role's own workspace where it lands", () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect({ role, landing: `/${workspaceForRole(role)?.path}` }).toEqual({
        role,
        landing: landingRouteFor(role),
      });
    }
  });
});
