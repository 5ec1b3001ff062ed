import type { Routes } from '@angular/router';

export const authRoutes: Routes = [
  {
    path: '',
    title: 'login.title',
    loadComponent: () => import('./login/login.component').then((m) => m.LoginComponent),
  },
];
