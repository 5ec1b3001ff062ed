import type { Routes } from '@angular/router';
import { unsavedChangesGuard } from '../../shared/forms/unsaved-changes';

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
    // Asks before leaving a half-filled form (the page's own, or one in a tab of the case file).
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./open-case/open-case.component').then((m) => m.OpenCaseComponent),
  },
  {
    path: 'intake/:intakeId/open',
    title: 'openCase.title',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./open-case/open-case.component').then((m) => m.OpenCaseComponent),
  },
  {
    path: ':id',
    title: 'caseFile.title',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./case-file/case-file.component').then((m) => m.CaseFileComponent),
  },
];
