import type { Routes } from '@angular/router';
import { unsavedChangesGuard } from '../../shared/forms/unsaved-changes';
import { quickExitGuard } from '../../shared/quick-exit/quick-exit.service';

/** `/community`: a volunteer's referral form and the status of what they sent. */
export const communityRoutes: Routes = [
  {
    path: '',
    canActivate: [quickExitGuard],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () =>
      import('./community-referral/community-referral.component').then(
        (m) => m.CommunityReferralComponent,
      ),
  },
];
