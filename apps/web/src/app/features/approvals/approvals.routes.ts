import type { Routes } from '@angular/router';

/** The second person of the two-person rule: admins (every request) and supervisors (their centre's). */
export const approvalsRoutes: Routes = [
  {
    path: '',
    title: 'approvals.title',
    loadComponent: () =>
      import('./approvals/approvals.component').then((m) => m.ApprovalsComponent),
  },
];
