import type { Routes } from '@angular/router';

/** `/periodic-reports`: a supervisor's centre, a reporting officer's province (issue 12). */
export const periodicReportsRoutes: Routes = [
  {
    path: '',
    title: 'periodicReports.title',
    loadComponent: () =>
      import('./periodic-reports-page/periodic-reports-page.component').then(
        (m) => m.PeriodicReportsPageComponent,
      ),
  },
];
