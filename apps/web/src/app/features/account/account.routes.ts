import type { Routes } from '@angular/router';

export const accountRoutes: Routes = [
  {
    path: 'password',
    title: 'password.title',
    loadComponent: () =>
      import('./change-password/change-password.component').then((m) => m.ChangePasswordComponent),
  },
  { path: '', pathMatch: 'full', redirectTo: 'password' },
];
