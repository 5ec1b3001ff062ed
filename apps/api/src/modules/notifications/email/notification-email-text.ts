import type { EmailTopic, Language } from '@caunoi/shared/domain';

/** Where the web app shows one notification (it asks for sign-in first) and the settings. */
export const NOTIFICATION_WEB_PATH = '/notifications';
export const NOTIFICATION_SETTINGS_WEB_PATH = '/account/notifications';

/** What a sentence may name: the topic and a reference code, never survivor data or a case id. */
const SENTENCES: Readonly<Record<Language, Readonly<Record<EmailTopic, string>>>> = {
  vi: {
    emergency_referral: 'Một chuyển gửi KHẨN CẤP đang chờ cơ quan của bạn trả lời trong 1 giờ',
    clock_escalation: 'Một thời hạn đã đến mà chưa hoàn thành và được báo lên bạn',
    hour_clock: 'Một thời hạn tính theo giờ (12 giờ) sắp đến hoặc đã đến',
    security_alert: 'Cảnh báo an ninh: việc kiểm tra nhật ký truy cập phát hiện bất thường',
    referral_received: 'Cơ quan của bạn nhận được một chuyển gửi mới',
    referral_update: 'Một chuyển gửi có cập nhật mới',
    deadline_reminder: 'Nhắc hạn: một thời hạn sắp đến',
    duplicate_match: 'Có thể có một hồ sơ trùng cần xem xét',
    account_change: 'Có một thay đổi tài khoản cần bạn biết hoặc phê duyệt',
    other: 'Bạn có một thông báo mới',
  },
  en: {
    emergency_referral: 'An EMERGENCY referral is waiting for your agency to answer within 1 hour',
    clock_escalation: 'A deadline has passed unmet and was escalated to you',
    hour_clock: 'An hour-based (12-hour) deadline is near or due',
    security_alert: 'Security alert: the audit log check found a problem',
    referral_received: 'Your agency received a new referral',
    referral_update: 'A referral has an update',
    deadline_reminder: 'Reminder: a deadline is coming up',
    duplicate_match: 'A possible duplicate case needs review',
    account_change: 'An account change needs your attention or approval',
    other: 'You have a new notification',
  },
};

const FRAME: Readonly<
  Record<Language, { code: string; open: string; privacy: string; settings: string }>
> = {
  vi: {
    code: 'Mã tham chiếu',
    open: 'Đăng nhập Cầu Nối để xem',
    privacy:
      'Email này không chứa thông tin về người được hỗ trợ; nội dung chỉ xem được sau khi đăng nhập.',
    settings: 'Chọn loại thông báo nhận qua email',
  },
  en: {
    code: 'Reference',
    open: 'Sign in to Cầu Nối to see it',
    privacy:
      'This email carries no information about the person supported; the details need sign-in.',
    settings: 'Choose which notifications come by email',
  },
};

export interface NotificationEmail {
  subject: string;
  text: string;
}

/**
 * A notification's reference: the referral's code when it is about a referral (the code the
 * receiving agency sees in its inbox), else a short code of the notification itself. Never the
 * survivor code, never a case id.
 */
export function notificationReference(
  notificationId: string,
  params: Readonly<Record<string, unknown>>,
): string {
  const referralCode = params['referralCode'];
  if (typeof referralCode === 'string' && /^[A-Z0-9-]{1,40}$/i.test(referralCode)) {
    return referralCode;
  }
  return `TB-${notificationId.replaceAll('-', '').slice(0, 8).toUpperCase()}`;
}

/** The email of one notification, in the recipient's language: plain text, a code and a link. */
export function notificationEmail(input: {
  notificationId: string;
  topic: EmailTopic;
  params: Readonly<Record<string, unknown>>;
  language: Language;
  linkOrigin: string;
}): NotificationEmail {
  const sentence = SENTENCES[input.language][input.topic];
  const frame = FRAME[input.language];
  const reference = notificationReference(input.notificationId, input.params);
  const link = `${input.linkOrigin}${NOTIFICATION_WEB_PATH}/${input.notificationId}`;
  return {
    subject: `[Cầu Nối] ${sentence} (${reference})`,
    text: [
      `${sentence}.`,
      `${frame.code}: ${reference}`,
      '',
      `${frame.open}: ${link}`,
      '',
      frame.privacy,
      `${frame.settings}: ${input.linkOrigin}${NOTIFICATION_SETTINGS_WEB_PATH}`,
      '',
    ].join('\n'),
  };
}
