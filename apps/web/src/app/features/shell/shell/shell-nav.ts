import type { Action, SubjectType } from '@caunoi/shared/authz';
import type { Role } from '@caunoi/shared/domain';
import type { TranslationKey } from '../../../core/i18n/vi';
import { DIRECTORY_NAV_ROLES } from '../../directory/directory';
import { workspaceForRole } from '../../workspaces/workspaces';

export interface NavItem {
  id: string;
  link: string;
  label: TranslationKey;
}

export type CanFn = (action: Action, subject: SubjectType) => boolean;

/**
 * What the side nav offers a role: its workspace, then what the CASL rules let it open. The
 * directory is offered to the roles that send survivors on to services.
 */
export function navItemsFor(role: Role, can: CanFn): NavItem[] {
  const items: NavItem[] = [];
  const workspace = workspaceForRole(role);
  if (workspace)
    items.push({ id: 'workspace', link: `/${workspace.path}`, label: workspace.title });
  // Referrals addressed to the user's agency; a liaison's workspace already is that inbox.
  if (can('read', 'Referral') && !items.some((item) => item.link === '/inbox')) {
    items.push({ id: 'referrals-inbox', link: '/inbox', label: 'nav.referralsReceived' });
  }
  // The commune police's orders in force; the commune officer's workspace already is that inbox.
  if (can('update', 'ProtectiveMeasure') && role === 'police_liaison') {
    items.push({ id: 'protection', link: '/protection', label: 'nav.protection' });
  }
  // Case conferences the user's agency is invited to (and their actions to close).
  if (can('read', 'Conference')) {
    items.push({ id: 'conferences', link: '/conferences', label: 'nav.conferences' });
  }
  if (DIRECTORY_NAV_ROLES.includes(role) && can('read', 'Agency')) {
    items.push({ id: 'directory', link: '/directory', label: 'nav.directory' });
  }
  if (can('read', 'Deadline')) {
    items.push({ id: 'deadlines', link: '/deadlines', label: 'nav.deadlines' });
  }
  // A supervisor's centre, a reporting officer's province (counts only, small ones hidden).
  if (can('read', 'Statistics')) {
    items.push({ id: 'statistics', link: '/statistics', label: 'nav.statistics' });
  }
  // A supervisor's centre reports, a reporting officer's received ones.
  if (can('read', 'PeriodicReport')) {
    items.push({ id: 'periodic-reports', link: '/periodic-reports', label: 'nav.periodicReports' });
  }
  if (can('manage', 'User')) {
    items.push({ id: 'users', link: '/admin/users', label: 'nav.users' });
  }
  // The second person of the two-person rule: admins, and supervisors for their centre.
  if (can('approve', 'AccountChange')) {
    items.push({ id: 'approvals', link: '/approvals', label: 'nav.approvals' });
  }
  if (can('manage', 'Agency')) {
    items.push({ id: 'agencies', link: '/admin/agencies', label: 'nav.agencies' });
  }
  if (can('manage', 'AdministrativeUnit')) {
    items.push({ id: 'units', link: '/admin/units', label: 'nav.units' });
  }
  if (can('manage', 'CalendarDay')) {
    items.push({ id: 'holidays', link: '/admin/holidays', label: 'nav.holidays' });
  }
  if (can('manage', 'ReportCalendar')) {
    items.push({
      id: 'report-calendar',
      link: '/admin/report-calendar',
      label: 'nav.reportCalendar',
    });
  }
  if (can('manage', 'RiskInstrument')) {
    items.push({
      id: 'risk-instruments',
      link: '/admin/risk-instruments',
      label: 'nav.riskInstruments',
    });
  }
  if (can('manage', 'Setting')) {
    items.push({ id: 'response-times', link: '/admin/response-times', label: 'nav.responseTimes' });
    items.push({ id: 'queues', link: '/admin/queues', label: 'nav.queues' });
  }
  return items;
}
