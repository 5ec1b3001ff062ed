import type { UserView } from '@caunoi/shared/contracts';
import type { TranslationKey } from '../../../core/i18n/vi';

/**
 * What the status column shows: one state, then what waits. An account without a password waits
 * for approval or for its holder to use the one-time code; each pending request shows on its own.
 */
export function userStatusKeys(user: UserView): TranslationKey[] {
  const keys: TranslationKey[] = [
    user.disabled ? 'status.disabled' : user.locked ? 'status.locked' : 'status.active',
  ];
  if (!user.passwordSet) {
    keys.push(user.oneTimeCodeExpiresAt ? 'status.awaitingPassword' : 'status.noPassword');
  } else if (user.mustChangePassword) {
    keys.push('status.mustChangePassword');
  }
  for (const change of user.pendingChanges) keys.push(`status.pending.${change.kind}`);
  return keys;
}
