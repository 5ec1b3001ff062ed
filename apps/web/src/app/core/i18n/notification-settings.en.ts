import type { notificationSettingsVi } from './notification-settings.vi';

export const notificationSettingsEn: Readonly<Record<keyof typeof notificationSettingsVi, string>> =
  {
    'shell.notificationSettings': 'Notification settings',
    'notificationSettings.title': 'Notification settings',
    'notificationSettings.intro':
      'Every notification is in the app (the bell). The kinds chosen below also come by email. An email names only the kind, a reference code and a link that needs sign-in, never anything about the person supported.',
    'notificationSettings.email': 'Email address',
    'notificationSettings.noEmail':
      'Your account has no email address yet, so no email is sent. Ask an administrator to add yours.',
    'notificationSettings.emailByAdmin': 'Only an administrator can change this address.',
    'notificationSettings.deliveryOff':
      'This system does not send email yet; the choices below apply once it does.',
    'notificationSettings.language': 'Language of the emails',
    'notificationSettings.topics': 'Also by email',
    'notificationSettings.urgent': 'Urgent',
    'notificationSettings.saved': 'Notification settings saved.',
    'notificationSettings.loadFailed':
      'The notification settings could not be loaded. Please try again.',
    'emailTopic.emergency_referral': 'Emergency referrals to my agency (answer within 1 hour)',
    'emailTopic.clock_escalation':
      'Deadlines passed unmet (a referral not answered, an incident report past 10 days)',
    'emailTopic.hour_clock':
      '12-hour deadlines (no-contact decisions, child emergency intervention)',
    'emailTopic.security_alert': 'Security alerts (the audit log was tampered with)',
    'emailTopic.referral_received': 'New non-emergency referrals to my agency',
    'emailTopic.referral_update':
      'Referral updates (accepted, declined, service given, completed, withdrawn)',
    'emailTopic.deadline_reminder': 'Reminders before a deadline',
    'emailTopic.duplicate_match': 'Possible duplicate cases',
    'emailTopic.account_change': 'Account changes to know about or approve',
    'emailTopic.other': 'Other notifications',
    'notificationOpen.title': 'Notification',
    'notificationOpen.opening': 'Opening the notification…',
    'notificationOpen.notFound':
      'This notification was not found. It may belong to another account: sign in with the account that received the email.',
    'notificationOpen.noLink': 'This notification does not lead to another page.',
    'oneTimeCode.sentByEmail':
      "The code is also on its way to the holder's email address (an address set by someone other than the requester).",
    'notes.saved': 'Note added.',
    'unsaved.message': 'You have unsaved changes. Leaving this page discards them.',
    'unsaved.leave': 'Leave and discard',
    'users.emailHint': 'For notifications by email. Leave empty if none.',
  };
