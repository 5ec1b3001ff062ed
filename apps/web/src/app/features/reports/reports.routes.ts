import type { Routes } from '@angular/router';

/** `/reports`: the reporting officer's inbox of serious-incident reports (coded, no identity). */
export const reportsRoutes: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./report-inbox/report-inbox.component').then((m) => m.ReportInboxComponent),
  },
];
