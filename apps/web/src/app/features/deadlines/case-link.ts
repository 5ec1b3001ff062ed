import { computed, inject } from '@angular/core';
import { AuthService } from '../../core/auth/auth.service';
import { workspaceForRole } from '../workspaces/workspaces';

/**
 * The case-file route for the signed-in user (`/cases/:id` for a caseworker, `/team/:id` for a
 * supervisor), as a computed of a router-link factory. Ids only: nothing of the survivor in a URL.
 */
export function injectCaseLink() {
  const auth = inject(AuthService);
  const base = computed(() => {
    const role = auth.me()?.user.role;
    const workspace = role ? workspaceForRole(role) : undefined;
    return workspace ? `/${workspace.path}` : null;
  });
  return computed(() => {
    const root = base();
    return (caseId: string | null): string[] | null => (root && caseId ? [root, caseId] : null);
  });
}
