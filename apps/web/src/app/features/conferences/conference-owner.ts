import { computed, inject } from '@angular/core';
import type { Signal } from '@angular/core';
import { mayWorkConferenceInvites } from '@caunoi/shared/domain';
import { AuthService } from '../../core/auth/auth.service';

/**
 * The signed-in user's agency when their role works conference invitations (the domain's one rule):
 * the actions that agency owns are theirs to close. Null for any other role.
 */
export function injectConferenceOwnerAgency(): Signal<string | null> {
  const auth = inject(AuthService);
  return computed(() => {
    const me = auth.me();
    return me && mayWorkConferenceInvites(me.user.role) ? me.agency.id : null;
  });
}
