import type { Routes } from '@angular/router';

/**
 * `/cases` (caseworker) and `/team` (supervisor): the same screens, the CASL rules decide what each
 * sees. Routes carry ids only; page titles are static, never a name or a code.
 */
export const casesRoutes: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./case-workspace/case-workspace.component').then((m) => m.CaseWorkspaceComponent),
  },
  {
    path: 'new',
    title: 'openCase.walkInTitle',
    loadComponent: () => import('./open-case/open-case.component').then((m) => m.OpenCaseComponent),
  },
  {
    path: 'intake/:intakeId/open',
    title: 'openCase.title',
    loadComponent: () => import('./open-case/open-case.component').then((m) => m.OpenCaseComponent),
  },
  {
    path: ':id',
    title: 'caseFile.title',
    loadComponent: () => import('./case-file/case-file.component').then((m) => m.CaseFileComponent),
  },
];
