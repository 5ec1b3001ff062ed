import {
  EMAIL_TOPICS,
  emailTopicEnabled,
  emailTopicOf,
  emailTopicSettings,
  URGENT_EMAIL_TOPICS,
} from './email-topics';

describe('email topics', () => {
  it.each([
    ['referral.received', { urgency: 'emergency' }, 'emergency_referral'],
    ['referral.received', { urgency: 'urgent' }, 'referral_received'],
    ['referral.received', { urgency: 'routine' }, 'referral_received'],
    ['deadline.escalation', { deadlineKind: 'referral_response' }, 'clock_escalation'],
    ['deadline.escalation', { deadlineKind: 'incident_report' }, 'clock_escalation'],
    ['deadline.reminder', { deadlineKind: 'referral_response' }, 'deadline_reminder'],
    ['referral.accepted', {}, 'referral_update'],
    ['referral.declined', {}, 'referral_update'],
    ['referral.service_recorded', {}, 'referral_update'],
    ['referral.completed', {}, 'referral_update'],
    ['referral.withdrawn', {}, 'referral_update'],
    ['referral.override', {}, 'referral_update'],
    ['audit.integrity_alert', {}, 'security_alert'],
    ['case.duplicate_match', {}, 'duplicate_match'],
    ['account_change.requested', {}, 'account_change'],
    ['account_change.approved', {}, 'account_change'],
    ['something.new', {}, 'other'],
  ] as const)('%s %j is %s', (kind, params, topic) => {
    expect(emailTopicOf(kind, params)).toBe(topic);
  });

  it('is on by default for the urgent topics only', () => {
    const defaults = emailTopicSettings({});
    expect(EMAIL_TOPICS.filter((t) => defaults[t])).toEqual([
      'emergency_referral',
      'clock_escalation',
      'hour_clock',
      'security_alert',
    ]);
    expect(URGENT_EMAIL_TOPICS).toHaveLength(4);
  });

  it('follows the user where they chose, and ignores values that are not booleans', () => {
    expect(emailTopicEnabled('emergency_referral', { emergency_referral: false })).toBe(false);
    expect(emailTopicEnabled('deadline_reminder', { deadline_reminder: true })).toBe(true);
    expect(emailTopicEnabled('deadline_reminder', { deadline_reminder: 'yes' as never })).toBe(
      false,
    );
  });
});
