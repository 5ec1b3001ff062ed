import type { NotificationView } from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { ACCOUNT_APPROVER_ROLES } from '@caunoi/shared/domain';
import type { TranslationService } from '../../../core/i18n/translation.service';
import type { TranslationKey } from '../../../core/i18n/vi';

/** Notification kinds about a requested account change, and the text each one reads as. */
const ACCOUNT_KINDS: Readonly<Record<string, TranslationKey>> = {
  'account_change.requested': 'accountNotice.requested',
  'account_change.approved': 'accountNotice.approved',
  'account_change.rejected': 'accountNotice.rejected',
};

const APPROVALS_LINK = '/approvals';

/** A label from a coded param, or the code itself when it has none. */
function label(translation: TranslationService, key: string, code: string): string {
  return translation.hasKey(key) ? translation.t(key) : code;
}

/**
 * The text of a notification about an account change (the kind of change, the account's username
 * and role: staff data, never survivor data), or null for any other notification.
 */
export function accountNotificationText(
  translation: TranslationService,
  notification: Pick<NotificationView, 'kind' | 'params'>,
): string | null {
  const key = ACCOUNT_KINDS[notification.kind];
  if (!key) return null;
  const changeKind = String(notification.params['changeKind'] ?? '');
  const role = String(notification.params['role'] ?? '');
  return translation.t(key, {
    kind: label(translation, `approvals.kind.${changeKind}`, changeKind),
    username: String(notification.params['username'] ?? ''),
    role: label(translation, `role.${role}`, role),
  });
}

/** Approvers go to the approvals screen; the account holder's notice leads nowhere. */
export function accountNotificationRoute(
  link: string | null,
  role: Role | undefined,
): string | null {
  return link === APPROVALS_LINK && role && ACCOUNT_APPROVER_ROLES.includes(role) ? link : null;
}
