import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { abilityGuard, authGuard, guestGuard, passwordChangeGuard } from './core/auth/auth.guards';
import { AuthService } from './core/auth/auth.service';
import { NeutralPageComponent } from './features/neutral/neutral-page.component';

export const appRoutes: Routes = [
  {
    path: 'login',
    canActivate: [guestGuard],
    loadChildren: () => import('./features/auth/auth.routes').then((m) => m.authRoutes),
  },
  {
    path: 'set-password',
    title: 'setPassword.title',
    canActivate: [guestGuard],
    loadComponent: () =>
      import('./features/auth/set-password/set-password.component').then(
        (m) => m.SetPasswordComponent,
      ),
  },
  {
    // The quick exit's neutral page: outside the shell, no title of the app's own.
    path: 'mon-ngon',
    title: 'neutral.title',
    // In the main bundle, not a lazy chunk: it must open at once, with or without a network.
    component: NeutralPageComponent,
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () =>
      import('./features/shell/shell/shell.component').then((m) => m.ShellComponent),
    children: [
      {
        path: 'account',
        loadChildren: () =>
          import('./features/account/account.routes').then((m) => m.accountRoutes),
      },
      {
        path: '',
        canActivateChild: [passwordChangeGuard],
        children: [
          {
            path: 'deadlines',
            loadChildren: () =>
              import('./features/deadlines/deadlines.routes').then((m) => m.deadlineRoutes),
          },
          {
            path: 'directory',
            loadChildren: () =>
              import('./features/directory/directory.routes').then((m) => m.directoryRoutes),
          },
          {
            path: 'approvals',
            canMatch: [abilityGuard('read', 'AccountChange')],
            loadChildren: () =>
              import('./features/approvals/approvals.routes').then((m) => m.approvalsRoutes),
          },
          {
            // Where the link of an email lands, after sign-in.
            path: 'notifications/:id',
            title: 'notificationOpen.title',
            loadComponent: () =>
              import('./features/shell/notification-open/notification-open.component').then(
                (m) => m.NotificationOpenComponent,
              ),
          },
          {
            path: 'statistics',
            canMatch: [abilityGuard('read', 'Statistics')],
            loadChildren: () =>
              import('./features/statistics/statistics.routes').then((m) => m.statisticsRoutes),
          },
          {
            path: 'periodic-reports',
            canMatch: [abilityGuard('read', 'PeriodicReport')],
            loadChildren: () =>
              import('./features/periodic-reports/periodic-reports.routes').then(
                (m) => m.periodicReportsRoutes,
              ),
          },
          {
            path: 'conferences',
            canMatch: [abilityGuard('read', 'Conference')],
            loadChildren: () =>
              import('./features/conferences/conferences.routes').then((m) => m.conferencesRoutes),
          },
          {
            path: 'admin',
            loadChildren: () => import('./features/admin/admin.routes').then((m) => m.adminRoutes),
          },
          {
            path: '',
            loadChildren: () =>
              import('./features/workspaces/workspaces.routes').then((m) => m.workspaceRoutes),
          },
        ],
      },
    ],
  },
  // Anything unknown goes to the signed-in user's home, or to the login page.
  { path: '**', redirectTo: () => inject(AuthService).homeRoute() },
];
