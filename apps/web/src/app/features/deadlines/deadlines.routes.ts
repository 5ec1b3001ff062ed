import type { Routes } from '@angular/router';
import { abilityGuard } from '../../core/auth/auth.guards';

/** `/deadlines`: the board of statutory clocks, for whoever may read them (caseworker, supervisor). */
export const deadlineRoutes: Routes = [
  {
    path: '',
    title: 'deadlines.title',
    canMatch: [abilityGuard('read', 'Deadline')],
    loadComponent: () =>
      import('./deadline-board/deadline-board.component').then((m) => m.DeadlineBoardComponent),
  },
];
