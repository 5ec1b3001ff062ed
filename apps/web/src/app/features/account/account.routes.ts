import type { Routes } from '@angular/router';
import {
  passwordChangeGuard,
  secondFactorDueGuard,
  secondFactorGuard,
} from '../../core/auth/auth.guards';
import { unsavedChangesGuard } from '../../shared/forms/unsaved-changes';

export const accountRoutes: Routes = [
  {
    path: 'password',
    title: 'password.title',
    canActivate: [secondFactorGuard],
    loadComponent: () =>
      import('./change-password/change-password.component').then((m) => m.ChangePasswordComponent),
  },
  {
    path: 'second-factor',
    title: 'secondFactor.title',
    canActivate: [secondFactorDueGuard],
    loadComponent: () =>
      import('./second-factor/second-factor.component').then((m) => m.SecondFactorComponent),
  },
  {
    path: 'notifications',
    title: 'notificationSettings.title',
    canActivate: [passwordChangeGuard],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () =>
      import('./notification-settings/notification-settings.component').then(
        (m) => m.NotificationSettingsComponent,
      ),
  },
  { path: '', pathMatch: 'full', redirectTo: 'password' },
];
