import type { Routes } from '@angular/router';
import { unsavedChangesGuard } from '../../shared/forms/unsaved-changes';

/**
 * `/protection`: the commune committee's requests and the commune police's orders in force. Routes
 * carry ids only; page titles are static.
 */
export const protectionRoutes: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./protection-inbox/protection-inbox.component').then(
        (m) => m.ProtectionInboxComponent,
      ),
  },
  {
    path: 'measures/:id',
    title: 'protectionInbox.detailTitle',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () =>
      import('./measure-detail/measure-detail.component').then((m) => m.MeasureDetailComponent),
  },
];
