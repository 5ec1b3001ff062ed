import { inject } from '@angular/core';
import type { CanMatchFn, Routes } from '@angular/router';
import { Router } from '@angular/router';
import { AbilityService } from '../../core/ability/ability.service';
import { abilityGuard } from '../../core/auth/auth.guards';

/** Whoever manages agencies (admin) has the full list at /admin/agencies, and goes there. */
const notForAgencyManagers: CanMatchFn = () =>
  !inject(AbilityService).can('manage', 'Agency') || inject(Router).parseUrl('/admin/agencies');

/** `/directory`: the service directory, to find where to refer a survivor. */
export const directoryRoutes: Routes = [
  {
    path: '',
    title: 'directory.title',
    canMatch: [abilityGuard('read', 'Agency'), notForAgencyManagers],
    loadComponent: () =>
      import('./service-directory/service-directory.component').then(
        (m) => m.ServiceDirectoryComponent,
      ),
  },
];
