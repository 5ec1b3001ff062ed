import type { NotificationView } from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import type { TranslationService } from '../i18n/translation.service';
import { formatDue } from '../../shared/deadlines/deadline-display';

/**
 * A notification's text, built only from translation keys and its coded params (deadline kind,
 * survivor code, due instant): the server never sends a sentence, and never identity.
 */
export function notificationText(
  translation: TranslationService,
  notification: Pick<NotificationView, 'kind' | 'params'>,
): string {
  const { deadlineKind, survivorCode, dueAt, agencyName, conferenceCode, reference } =
    notification.params;
  // A clock's own wording first ("not reassessed"), then the shared one ("not submitted").
  const own = `notification.${notification.kind}.${String(deadlineKind)}`;
  const key = translation.hasKey(own) ? own : `notification.${notification.kind}`;
  if (!translation.hasKey(key)) return translation.t('notification.generic');
  const kindKey = `deadlineKindText.${String(deadlineKind)}`;
  return translation.t(key, {
    kind: translation.hasKey(kindKey) ? translation.t(kindKey) : String(deadlineKind ?? ''),
    code: String(survivorCode ?? ''),
    due: typeof dueAt === 'string' ? formatDue(translation, dueAt) : '',
    agency: String(agencyName ?? ''),
    conference: String(conferenceCode ?? ''),
    reference: String(reference ?? ''),
  });
}

/**
 * Where a notification leads for this user. The API links to `/cases/<id>`; a supervisor opens
 * cases under `/team`, a reporting officer sees no case file and opens the case's report in the
 * report inbox.
 */
export function notificationRoute(link: string | null, role: Role | undefined): string | null {
  if (!link) return null;
  // A case conference: the same page for the convening centre and the invited agencies.
  if (/^\/conferences\/[0-9a-f-]{36}$/.test(link)) return link;
  // A volunteer's own referrals (status only).
  if (link === '/community') return role === 'volunteer' ? link : null;
  const caseLink = /^\/cases\/([0-9a-f-]{36})$/.exec(link);
  if (!caseLink) return null;
  switch (role) {
    case 'caseworker':
      return link;
    case 'supervisor':
      return `/team/${caseLink[1]}`;
    case 'reporting_officer':
      // The province sees no case file: the case's report, opened in its inbox.
      return `/reports?case=${caseLink[1]}`;
    default:
      return null;
  }
}
