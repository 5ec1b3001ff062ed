import type { Routes } from '@angular/router';
import { unsavedChangesGuard } from '../../shared/forms/unsaved-changes';

/**
 * `/conferences`: the invitations of the user's agency; `/conferences/:id`: one conference, from the
 * convening centre's side or an invitee's; `/conferences/convene/:caseId`: the convene form. Routes
 * carry ids only; page titles are static.
 */
export const conferencesRoutes: Routes = [
  {
    path: '',
    title: 'conference.inboxTitle',
    loadComponent: () =>
      import('./conference-inbox/conference-inbox.component').then(
        (m) => m.ConferenceInboxComponent,
      ),
  },
  {
    path: 'convene/:caseId',
    title: 'conference.conveneTitle',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () =>
      import('./convene-form/convene-form.component').then((m) => m.ConveneFormComponent),
  },
  {
    path: ':id',
    title: 'conference.title',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () =>
      import('./conference-page/conference-page.component').then((m) => m.ConferencePageComponent),
  },
];
