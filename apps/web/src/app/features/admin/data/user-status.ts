import type { UserView } from '@caunoi/shared/contracts';
import type { TranslationKey } from '../../../core/i18n/vi';

/** What the status column shows: one state, plus "must change password" when it applies. */
export function userStatusKeys(user: UserView): TranslationKey[] {
  const keys: TranslationKey[] = [
    user.disabled ? 'status.disabled' : user.locked ? 'status.locked' : 'status.active',
  ];
  if (user.mustChangePassword) keys.push('status.mustChangePassword');
  return keys;
}
