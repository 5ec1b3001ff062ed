import type { EmailTopic, Language } from '@caunoi/shared/domain';

/** Where the web app shows one notification (it asks for sign-in first) and the settings. */
export const NOTIFICATION_WEB_PATH = '/notifications';
export const NOTIFICATION_SETTINGS_WEB_PATH = '/account/notifications';
export const SET_PASSWORD_WEB_PATH = '/set-password';

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

const CODE_TEXT: Readonly<
  Record<
    Language,
    { subject: string; intro: string; code: string; expires: string; open: string; warn: string }
  >
> = {
  vi: {
    subject: '[Cầu Nối] Mã dùng một lần để đặt mật khẩu',
    intro: 'Tài khoản Cầu Nối "{username}" đã được phê duyệt. Dùng mã sau để tự đặt mật khẩu:',
    code: 'Mã',
    expires: 'Hết hạn lúc {at} (giờ Việt Nam). Mã chỉ dùng được một lần.',
    open: 'Đặt mật khẩu tại',
    warn: 'Nếu bạn không chờ email này, đừng dùng mã và báo ngay cho quản trị viên.',
  },
  en: {
    subject: '[Cầu Nối] One-time code to set your password',
    intro: 'The Cầu Nối account "{username}" was approved. Set your own password with this code:',
    code: 'Code',
    expires: 'It expires at {at} (Vietnam time) and works once.',
    open: 'Set your password at',
    warn: 'If you did not expect this email, do not use the code and tell an administrator at once.',
  },
};

const VIETNAM_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** The email of an approval's one-time code: the username, the code, its expiry, where to use it. */
export function oneTimeCodeEmail(input: {
  username: string;
  code: string;
  expiresAt: Date;
  language: Language;
  linkOrigin: string;
}): NotificationEmail {
  const t = CODE_TEXT[input.language];
  return {
    subject: t.subject,
    text: [
      t.intro.replace('{username}', input.username),
      '',
      `${t.code}: ${input.code}`,
      t.expires.replace('{at}', VIETNAM_TIME.format(input.expiresAt)),
      '',
      `${t.open}: ${input.linkOrigin}${SET_PASSWORD_WEB_PATH}`,
      '',
      t.warn,
      '',
    ].join('\n'),
  };
}
