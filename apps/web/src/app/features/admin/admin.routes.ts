import type { Routes } from '@angular/router';
import { abilityGuard } from '../../core/auth/auth.guards';
import { unsavedChangesGuard } from '../../shared/forms/unsaved-changes';

/** Administration: people, agencies, the holiday calendar, referral response times and the job queues. Guarded by the same CASL rules the API checks. */
export const adminRoutes: Routes = [
  {
    path: 'users',
    canMatch: [abilityGuard('manage', 'User')],
    children: [
      {
        path: '',
        title: 'users.title',
        loadComponent: () =>
          import('./users-list/users-list.component').then((m) => m.UsersListComponent),
      },
      {
        path: 'new',
        title: 'users.new',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () =>
          import('./user-form/user-form.component').then((m) => m.UserFormComponent),
      },
      {
        path: ':id',
        title: 'users.edit',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () =>
          import('./user-form/user-form.component').then((m) => m.UserFormComponent),
      },
    ],
  },
  {
    path: 'agencies',
    canMatch: [abilityGuard('manage', 'Agency')],
    children: [
      {
        path: '',
        title: 'agencies.title',
        loadComponent: () =>
          import('./agencies-list/agencies-list.component').then((m) => m.AgenciesListComponent),
      },
      {
        path: 'new',
        title: 'agencies.new',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () =>
          import('./agency-form/agency-form.component').then((m) => m.AgencyFormComponent),
      },
      {
        path: ':id',
        title: 'agencies.edit',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () =>
          import('./agency-form/agency-form.component').then((m) => m.AgencyFormComponent),
      },
    ],
  },
  {
    path: 'units',
    canMatch: [abilityGuard('manage', 'AdministrativeUnit')],
    children: [
      {
        path: '',
        title: 'units.title',
        loadComponent: () =>
          import('./units-list/units-list.component').then((m) => m.UnitsListComponent),
      },
      {
        path: ':code',
        title: 'units.detailTitle',
        loadComponent: () =>
          import('./unit-detail/unit-detail.component').then((m) => m.UnitDetailComponent),
      },
    ],
  },
  {
    path: 'holidays',
    title: 'holidays.title',
    canMatch: [abilityGuard('manage', 'CalendarDay')],
    loadComponent: () => import('./holidays/holidays.component').then((m) => m.HolidaysComponent),
  },
  {
    path: 'report-calendar',
    title: 'reportCalendar.title',
    canMatch: [abilityGuard('manage', 'ReportCalendar')],
    loadComponent: () =>
      import('./report-calendar/report-calendar.component').then((m) => m.ReportCalendarComponent),
  },
  {
    path: 'risk-instruments',
    title: 'riskInstruments.title',
    canMatch: [abilityGuard('manage', 'RiskInstrument')],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () =>
      import('./risk-instruments/risk-instruments.component').then(
        (m) => m.RiskInstrumentsComponent,
      ),
  },
  {
    path: 'response-times',
    title: 'responseTimes.title',
    canMatch: [abilityGuard('manage', 'Setting')],
    loadComponent: () =>
      import('./response-times/response-times.component').then((m) => m.ResponseTimesComponent),
  },
  {
    path: 'queues',
    title: 'queues.title',
    canMatch: [abilityGuard('manage', 'Setting')],
    loadComponent: () => import('./queues/queues.component').then((m) => m.QueuesComponent),
  },
  { path: '', pathMatch: 'full', redirectTo: 'users' },
];
