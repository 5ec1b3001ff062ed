import type { Routes } from '@angular/router';
import { secondFactorDueGuard, secondFactorGuard } from '../../core/auth/auth.guards';

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
  { path: '', pathMatch: 'full', redirectTo: 'password' },
];
