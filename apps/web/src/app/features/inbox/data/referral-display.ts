import type { ReferralEventView } from '@caunoi/shared/contracts';
import type {
  AgencyType,
  OutcomeFieldSpec,
  ReferralEventKind,
  ReferralSector,
  SectorOutcome,
} from '@caunoi/shared/domain';
import { SECTOR_OUTCOME_FIELDS, sectorOf } from '@caunoi/shared/domain';
import type { TranslationService } from '../../../core/i18n/translation.service';

/** The inbox workspace's root; notifications link to `/inbox/referrals/<id>`. */
export const INBOX_ROOT = '/inbox';

/** Router link of a referral in the inbox: its id only, never anything of the survivor. */
export function referralLink(id: string): string[] {
  return [INBOX_ROOT, 'referrals', id];
}

/** A code translated under a prefix (`declineReason.other`), or the code itself when unknown. */
export function codeLabel(translation: TranslationService, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return translation.hasKey(key) ? translation.t(key) : code;
}

/** Which vocabulary an event's `reason` code belongs to. */
const REASON_VOCABULARY: Readonly<Partial<Record<ReferralEventKind, string>>> = {
  declined: 'declineReason',
  withdrawn: 'withdrawReason',
  sent: 'overrideReason',
  override_reviewed: 'overrideReason',
  response_overdue: 'referralStage',
};
const ANY_REASON_VOCABULARY = [
  'declineReason',
  'withdrawReason',
  'overrideReason',
  'referralStage',
];

/** The reason of a timeline event in words (a decline, withdraw or override reason, a stage). */
export function eventReasonText(
  translation: TranslationService,
  event: Pick<ReferralEventView, 'event' | 'reason'>,
): string | null {
  if (!event.reason) return null;
  const own = REASON_VOCABULARY[event.event];
  for (const prefix of own ? [own, ...ANY_REASON_VOCABULARY] : ANY_REASON_VOCABULARY) {
    const key = `${prefix}.${event.reason}`;
    if (translation.hasKey(key)) return translation.t(key);
  }
  return event.reason;
}

export interface SectorOutcomeLine {
  field: string;
  label: string;
  value: string;
}

/**
 * A service record's sector fields in words: yes/no for a boolean, the enum's label otherwise
 * (the vocabulary of an enum field is named after it: `noContactOrder.issued`, `courtStage.appeal`).
 */
export function sectorOutcomeLines(
  translation: TranslationService,
  outcome: SectorOutcome,
): SectorOutcomeLine[] {
  return Object.entries(outcome).map(([field, value]) => ({
    field,
    label: codeLabel(translation, 'sectorField', field),
    value:
      typeof value === 'boolean'
        ? translation.t(value ? 'common.yes' : 'common.no')
        : codeLabel(translation, field, value),
  }));
}

export interface SectorField {
  name: string;
  spec: OutcomeFieldSpec;
}

/**
 * The extra outcome fields of a service record for the signed-in user's agency: its type (from
 * /auth/me) gives the sector (police, health, legal aid; social work has none).
 */
export function sectorFieldsFor(agencyType: AgencyType | undefined): SectorField[] {
  const sector: ReferralSector | null = agencyType ? sectorOf(agencyType) : null;
  if (!sector) return [];
  return Object.entries(SECTOR_OUTCOME_FIELDS[sector]).map(([name, spec]) => ({ name, spec }));
}
