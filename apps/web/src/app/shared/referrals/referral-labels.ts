import type { ReferralEventView } from '@caunoi/shared/contracts';
import type { ReferralEventKind, SectorOutcome } from '@caunoi/shared/domain';
import type { TranslationService } from '../../core/i18n/translation.service';

// Labels of a referral's coded data, shared by the agency's inbox and the sending case file so both
// sides read a referral the same way.

/** A code translated under a prefix (`declineReason.other`), or the code itself when unknown. */
export function codeLabel(translation: TranslationService, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return translation.hasKey(key) ? translation.t(key) : code;
}

/**
 * The vocabulary of each event's `reason` code; null where the reason is shown as it is: a re-route
 * names the code of the new referral (CG-2026-000003), accept and complete carry none. A response
 * overdue names the stage of the respond-by clock, labelled as the deadline clock labels it.
 */
const REASON_VOCABULARY: Readonly<Record<ReferralEventKind, string | null>> = {
  sent: 'overrideReason',
  accepted: null,
  declined: 'declineReason',
  service_recorded: 'service',
  completed: null,
  withdrawn: 'withdrawReason',
  response_overdue: 'deadline.stage.referral_response',
  override_reviewed: 'overrideReason',
  rerouted: null,
};

/** The reason of a timeline event in words (a decline, withdraw or override reason, a service, a stage). */
export function eventReasonText(
  translation: TranslationService,
  event: Pick<ReferralEventView, 'event' | 'reason'>,
): string | null {
  if (!event.reason) return null;
  const vocabulary = REASON_VOCABULARY[event.event];
  return vocabulary ? codeLabel(translation, vocabulary, event.reason) : event.reason;
}

/** A sector outcome field as shown: its label and its value, both translated. */
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
