import type { LoadChildren } from '@angular/router';
import type { Role } from '@caunoi/shared/domain';
import { INBOX_ROLES } from '@caunoi/shared/domain';
import type { TranslationKey } from '../../core/i18n/vi';

export interface Workspace {
  path: string;
  roles: readonly Role[];
  title: TranslationKey;
  body: TranslationKey;
  /** The workspace's own screens; without them it shows the placeholder page. */
  loadChildren?: LoadChildren;
}

/**
 * The non-admin workspaces; LANDING_ROUTES sends each role to its own. A role may be admitted to
 * more than one: its own is the first that lists it.
 */
export const WORKSPACES: readonly Workspace[] = [
  {
    path: 'hotline',
    roles: ['hotline_operator'],
    title: 'workspace.hotline.title',
    body: 'workspace.hotline.body',
    loadChildren: () => import('../hotline/hotline.routes').then((m) => m.hotlineRoutes),
  },
  {
    path: 'community',
    roles: ['volunteer'],
    title: 'workspace.community.title',
    body: 'workspace.community.body',
    loadChildren: () => import('../community/community.routes').then((m) => m.communityRoutes),
  },
  {
    path: 'cases',
    roles: ['caseworker'],
    title: 'workspace.cases.title',
    body: 'workspace.cases.body',
    loadChildren: () => import('../cases/cases.routes').then((m) => m.casesRoutes),
  },
  {
    path: 'team',
    roles: ['supervisor'],
    title: 'workspace.team.title',
    body: 'workspace.team.body',
    loadChildren: () => import('../cases/cases.routes').then((m) => m.casesRoutes),
  },
  {
    // Liaisons land here; caseworkers and supervisors come here for referrals from another centre
    // (their own workspace is listed first, so workspaceForRole and landing stay theirs).
    path: 'inbox',
    roles: INBOX_ROLES,
    title: 'workspace.inbox.title',
    body: 'workspace.inbox.body',
    loadChildren: () => import('../inbox/inbox.routes').then((m) => m.inboxRoutes),
  },
  {
    // The commune committee's inbox of protective-measure requests (Law 13/2022 Art. 25).
    // The commune police come here for the orders in force in their area (their own workspace, the
    // referral inbox, is listed first).
    path: 'protection',
    roles: ['commune_officer', 'police_liaison'],
    title: 'workspace.protection.title',
    body: 'workspace.protection.body',
    loadChildren: () => import('../protection/protection.routes').then((m) => m.protectionRoutes),
  },
  {
    path: 'reports',
    roles: ['reporting_officer'],
    title: 'workspace.reports.title',
    body: 'workspace.reports.body',
    loadChildren: () => import('../reports/reports.routes').then((m) => m.reportsRoutes),
  },
];

/** The role's own workspace: the first that admits it. */
export function workspaceForRole(role: Role): Workspace | undefined {
  return WORKSPACES.find((workspace) => workspace.roles.includes(role));
}
