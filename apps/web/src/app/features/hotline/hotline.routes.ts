import type { Routes } from '@angular/router';

/** `/hotline`: the operator's call console. */
export const hotlineRoutes: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./hotline-console/hotline-console.component').then((m) => m.HotlineConsoleComponent),
  },
];
