import type { NotificationView } from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { notificationRoute, notificationText } from '../../../core/notifications/notification-text';
import type { TranslationService } from '../../../core/i18n/translation.service';
import { accountNotificationRoute, accountNotificationText } from './account-notifications';
import { referralNotificationRoute, referralNotificationText } from './referral-notifications';
import {
  protectionNotificationRoute,
  protectionNotificationText,
} from '../../protection/protection-notifications';

/** How a notification reads, whatever its kind (the bell and the page an email's link opens). */
export function notificationMessage(
  translation: TranslationService,
  item: Pick<NotificationView, 'kind' | 'params'>,
): string {
  return (
    protectionNotificationText(translation, item) ??
    referralNotificationText(translation, item) ??
    accountNotificationText(translation, item) ??
    notificationText(translation, item)
  );
}

/** Where a notification leads for this role, or null. */
export function notificationTarget(link: string | null, role: Role | undefined): string | null {
  return (
    protectionNotificationRoute(link, role) ??
    referralNotificationRoute(link, role) ??
    accountNotificationRoute(link, role) ??
    notificationRoute(link, role)
  );
}
