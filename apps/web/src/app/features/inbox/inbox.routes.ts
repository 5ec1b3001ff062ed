import type { Routes } from '@angular/router';

/**
 * `/inbox`: the receiving agency's referrals (police, health and justice liaisons; caseworkers and
 * supervisors for referrals from another centre). Routes carry ids only; page titles are static.
 */
export const inboxRoutes: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./inbox-list/inbox-list.component').then((m) => m.InboxListComponent),
  },
  {
    path: 'service-records',
    title: 'referralInbox.records.title',
    loadComponent: () =>
      import('./service-records/service-records.component').then((m) => m.ServiceRecordsComponent),
  },
  {
    path: 'referrals/:id',
    title: 'referralInbox.detailTitle',
    loadComponent: () =>
      import('./referral-detail/referral-detail.component').then((m) => m.ReferralDetailComponent),
  },
];
