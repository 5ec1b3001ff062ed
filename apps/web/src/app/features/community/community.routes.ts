import type { Routes } from '@angular/router';

/** `/community`: a volunteer's referral form and the status of what they sent. */
export const communityRoutes: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./community-referral/community-referral.component').then(
        (m) => m.CommunityReferralComponent,
      ),
  },
];
