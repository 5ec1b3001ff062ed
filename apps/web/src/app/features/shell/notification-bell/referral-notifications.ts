import type { NotificationView } from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { INBOX_ROLES } from '@caunoi/shared/domain';
import type { TranslationService } from '../../../core/i18n/translation.service';
import type { TranslationKey } from '../../../core/i18n/vi';
import { formatDue } from '../../../shared/deadlines/deadline-display';
import { codeLabel } from '../../../shared/referrals/referral-labels';

type Params = NotificationView['params'];

/** Notification kinds about a referral, and the text each one reads as. */
const REFERRAL_KINDS: Readonly<Record<string, TranslationKey>> = {
  'referral.received': 'referralNotice.received',
  'referral.accepted': 'referralNotice.accepted',
  'referral.declined': 'referralNotice.declined',
  'referral.service_recorded': 'referralNotice.serviceRecorded',
  'referral.completed': 'referralNotice.completed',
  'referral.withdrawn': 'referralNotice.withdrawn',
  'referral.override': 'referralNotice.override',
};

/** Which vocabulary a referral notification's `reason` code belongs to. */
const REASON_VOCABULARY: Readonly<Record<string, string>> = {
  'referral.declined': 'declineReason',
  'referral.withdrawn': 'withdrawReason',
  'referral.override': 'overrideReason',
};

/** The stages of a referral's respond-by clock (the domain's referralResponseStages). */
const STAGE_TEXTS: Readonly<Record<string, TranslationKey>> = {
  reminder_halfway: 'referralNotice.reminderHalfway',
  escalation_due: 'referralNotice.escalationDue',
};

function text(params: Params, name: string): string {
  const value = params[name];
  return value === null || value === undefined ? '' : String(value);
}

/** A code's label; a missing code reads "not known" rather than an empty gap in the sentence. */
function label(translation: TranslationService, prefix: string, code: string): string {
  return codeLabel(translation, prefix, code) || translation.t('common.notKnown');
}

/**
 * The text of a notification about a referral, built from its coded params (referral code,
 * urgency, agency name, reason and stage codes, due instant), or null for any other notification.
 * Deadline notifications of a referral's respond-by clock are the `deadline.*` kinds with
 * `deadlineKind: 'referral_response'`.
 */
export function referralNotificationText(
  translation: TranslationService,
  notification: Pick<NotificationView, 'kind' | 'params'>,
): string | null {
  const { kind, params } = notification;
  const code = text(params, 'referralCode');
  const referralKey = REFERRAL_KINDS[kind];
  if (referralKey) {
    const reasonVocabulary = REASON_VOCABULARY[kind];
    const service = text(params, 'serviceType');
    const key =
      kind === 'referral.service_recorded' && service
        ? 'referralNotice.serviceRecordedWhat'
        : referralKey;
    return translation.t(key, {
      code,
      urgency: label(translation, 'urgency', text(params, 'urgency')),
      agency: text(params, 'agencyName') || translation.t('referralNotice.anAgency'),
      reason: reasonVocabulary ? label(translation, reasonVocabulary, text(params, 'reason')) : '',
      survivorCode: text(params, 'survivorCode'),
      service: label(translation, 'service', service),
      outcome: label(translation, 'serviceOutcome', text(params, 'outcome')),
    });
  }
  if (!kind.startsWith('deadline.') || params['deadlineKind'] !== 'referral_response') {
    return null;
  }
  const dueAt = params['dueAt'];
  const due = typeof dueAt === 'string' ? formatDue(translation, dueAt) : '';
  const stage = text(params, 'stage');
  const survivorCode = text(params, 'survivorCode');
  if (stage === 'sender_notice_due') {
    return survivorCode
      ? translation.t('referralNotice.senderNotice', { code, survivorCode, due })
      : translation.t('referralNotice.senderNoticeNoCase', { code, due });
  }
  const stageKey =
    STAGE_TEXTS[stage] ??
    (kind === 'deadline.reminder'
      ? 'referralNotice.reminderHalfway'
      : 'referralNotice.escalationDue');
  return translation.t(stageKey, { code, due });
}

const INBOX_LINK = /^\/inbox\/referrals\/[0-9a-f-]{36}$/;

/**
 * Where a referral notification leads: `/inbox/referrals/<id>` for a user who works an inbox,
 * or null to let the general rules decide (case links, which go to the case file).
 */
export function referralNotificationRoute(
  link: string | null,
  role: Role | undefined,
): string | null {
  if (!link || !role || !INBOX_LINK.test(link)) return null;
  return INBOX_ROLES.includes(role) ? link : null;
}
