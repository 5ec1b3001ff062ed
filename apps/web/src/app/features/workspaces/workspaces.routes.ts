import type { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth.guards';
import { WORKSPACES } from './workspaces';

export const workspaceRoutes: Routes = WORKSPACES.map((workspace) => ({
  path: workspace.path,
  title: workspace.title,
  canMatch: [roleGuard(...workspace.roles)],
  data: { workspace },
  ...(workspace.loadChildren
    ? { loadChildren: workspace.loadChildren }
    : {
        loadComponent: () =>
          import('./workspace/workspace.component').then((m) => m.WorkspaceComponent),
      }),
}));
