import type { Routes } from '@angular/router';

/** `/statistics`: a supervisor's centre, a reporting officer's province (decision 0021). */
export const statisticsRoutes: Routes = [
  {
    path: '',
    title: 'stats.title',
    loadComponent: () =>
      import('./statistics-page/statistics-page.component').then((m) => m.StatisticsPageComponent),
  },
];
