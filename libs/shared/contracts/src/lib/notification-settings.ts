import type { EmailTopic, Language } from '@caunoi/shared/domain';

/** The longest email address accepted (RFC 5321's path limit). */
export const EMAIL_MAX_LENGTH = 254;

/** The signed-in user's own notification settings (`notification-settings`). */
export interface NotificationSettingsView {
  /** Set by an admin; null while the account has none (then nothing is emailed). */
  email: string | null;
  language: Language;
  /** Whether this installation sends email at all (EMAIL_ENABLED). */
  emailDelivery: boolean;
  /** Each topic's effective setting: what the user chose, else the default (on for urgent topics). */
  emailTopics: Record<EmailTopic, boolean>;
}

/** Changes only what it names; a topic left out keeps its setting. */
export interface UpdateNotificationSettingsRequest {
  language?: Language;
  emailTopics?: Partial<Record<EmailTopic, boolean>>;
}
