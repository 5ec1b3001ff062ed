import type { NotificationView } from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import type { TranslationService } from '../../core/i18n/translation.service';
import type { TranslationKey } from '../../core/i18n/vi';
import { formatDue, stageLabel } from '../../shared/deadlines/deadline-display';
import { codeLabel } from '../../shared/referrals/referral-labels';

const KINDS: Readonly<Record<string, TranslationKey>> = {
  'protection.requested': 'protectionNotice.requested',
  'protection.order_granted': 'protectionNotice.orderGranted',
  'protection.decided': 'protectionNotice.decided',
  'protection.breach': 'protectionNotice.breach',
  'protection.revoked': 'protectionNotice.revoked',
};

const CLOCKS = ['no_contact_decision', 'supervision_plan', 'measure_expiry'];

/**
 * The text of a notification about a protective measure, from its codes (measure code, survivor
 * code for the centre only, decision and breach codes, due instant), or null for any other.
 */
export function protectionNotificationText(
  translation: TranslationService,
  notification: Pick<NotificationView, 'kind' | 'params'>,
): string | null {
  const { kind, params } = notification;
  const str = (name: string) =>
    params[name] === null || params[name] === undefined ? '' : String(params[name]);
  const due = typeof params['dueAt'] === 'string' ? formatDue(translation, params['dueAt']) : '';
  const key = KINDS[kind];
  if (key) {
    return translation.t(key, {
      code: str('measureCode'),
      survivor: str('survivorCode'),
      due,
      decision: str('decision')
        ? codeLabel(translation, 'protection.decision', str('decision'))
        : '',
      kind: str('kind') ? codeLabel(translation, 'breachKind', str('kind')) : '',
    });
  }
  const clock = str('deadlineKind');
  if (kind.startsWith('deadline.') && CLOCKS.includes(clock) && str('measureCode')) {
    return translation.t('protectionNotice.clock', {
      kind: codeLabel(translation, 'deadlineKind', clock),
      code: str('measureCode'),
      stage: stageLabel(translation, clock as never, str('stage')),
      due,
    });
  }
  return null;
}

/** Where a protection link leads: the measure's packet, for the agencies it is addressed to. */
export function protectionNotificationRoute(
  link: string | null,
  role: Role | undefined,
): string | null {
  if (!link || !/^\/protection\/measures\/[0-9a-f-]{36}$/.test(link)) return null;
  return role === 'commune_officer' || role === 'police_liaison' ? link : null;
}
