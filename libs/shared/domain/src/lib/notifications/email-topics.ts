/**
 * Which notifications also go by email. A user's setting is per topic (one topic per notification
 * kind, with an emergency referral split from the others); urgent topics are on unless the user
 * turned them off, the others off unless turned on.
 */
export const EMAIL_TOPICS = [
  'emergency_referral',
  'clock_escalation',
  'hour_clock',
  'security_alert',
  'referral_received',
  'referral_update',
  'deadline_reminder',
  'duplicate_match',
  'account_change',
  'other',
] as const;
export type EmailTopic = (typeof EMAIL_TOPICS)[number];

/** On by default: a 1-hour emergency referral, a clock past its due time, the 12-hour clocks, a tampered audit log. */
export const URGENT_EMAIL_TOPICS: readonly EmailTopic[] = [
  'emergency_referral',
  'clock_escalation',
  'hour_clock',
  'security_alert',
];

/** The languages an email can be written in (the web's two). */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isEmailTopic(value: unknown): value is EmailTopic {
  return typeof value === 'string' && (EMAIL_TOPICS as readonly string[]).includes(value);
}

/**
 * Deadline kinds counted in hours (they run through nights and holidays): their reminders and
 * escalations are the urgent `hour_clock` topic. The 12-hour no-contact decision and the child
 * emergency clock join this list when they are built (issue 11).
 */
export const HOUR_CLOCK_DEADLINE_KINDS: readonly string[] = [];

type Params = Readonly<Record<string, string | number | boolean | null>>;

const REFERRAL_UPDATES = new Set([
  'referral.accepted',
  'referral.declined',
  'referral.service_recorded',
  'referral.completed',
  'referral.withdrawn',
  'referral.override',
]);

/** The topic of a notification, from its kind and coded params. */
export function emailTopicOf(kind: string, params: Params): EmailTopic {
  if (kind.startsWith('deadline.')) {
    if (HOUR_CLOCK_DEADLINE_KINDS.includes(String(params['deadlineKind']))) return 'hour_clock';
    if (kind === 'deadline.escalation') return 'clock_escalation';
    return 'deadline_reminder';
  }
  if (kind === 'referral.received') {
    return params['urgency'] === 'emergency' ? 'emergency_referral' : 'referral_received';
  }
  if (REFERRAL_UPDATES.has(kind)) return 'referral_update';
  if (kind === 'audit.integrity_alert') return 'security_alert';
  if (kind === 'case.duplicate_match') return 'duplicate_match';
  if (kind.startsWith('account_change.')) return 'account_change';
  return 'other';
}

/** A user's choice per topic: what they set, else the default (on for urgent topics). */
export function emailTopicEnabled(
  topic: EmailTopic,
  choices: Readonly<Partial<Record<string, boolean>>>,
): boolean {
  const chosen = choices[topic];
  return typeof chosen === 'boolean' ? chosen : URGENT_EMAIL_TOPICS.includes(topic);
}

/** Every topic with its effective setting, in display order. */
export function emailTopicSettings(
  choices: Readonly<Partial<Record<string, boolean>>>,
): Record<EmailTopic, boolean> {
  return Object.fromEntries(EMAIL_TOPICS.map((t) => [t, emailTopicEnabled(t, choices)])) as Record<
    EmailTopic,
    boolean
  >;
}
