import type { StagePlan } from '../clocks/deadline-kinds';
import { addDaysToDate } from '../deadlines/calendar';

/**
 * Consent does not last forever (issue 10): each consent record has an expiry date, set by default
 * from a validity the operators configure (`CONSENT_VALIDITY_DAYS`), or chosen with the survivor.
 * An expired sharing consent covers nothing: a new referral needs it renewed, like a missing one.
 */
export const DEFAULT_CONSENT_VALIDITY_DAYS = 365;
/** The longest a consent may be given for when a date is chosen. */
export const MAX_CONSENT_VALIDITY_DAYS = 5 * 365;
/** The caseworker is reminded this many days before a consent expires. */
export const CONSENT_EXPIRY_REMINDER_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The default expiry: `validityDays` after the day it was given (it lasts to the end of that day). */
export function defaultConsentExpiry(givenOn: string, validityDays: number): string {
  return addDaysToDate(givenOn, validityDays);
}

/** Whether a consent still holds on `today`: not withdrawn, and not past its expiry day. */
export function isConsentCurrent(
  consent: { withdrawnAt: string | Date | null; expiresOn?: string | null },
  today: string,
): boolean {
  return !consent.withdrawnAt && (consent.expiresOn == null || consent.expiresOn >= today);
}

/** The consents that hold on `today` (what the sharing gate may count). */
export function currentConsents<
  T extends { withdrawnAt: string | Date | null; expiresOn?: string | null },
>(consents: readonly T[], today: string): T[] {
  return consents.filter((consent) => isConsentCurrent(consent, today));
}

/** A chosen expiry date: after today, and within the longest validity. */
export function checkConsentExpiry(
  expiresOn: string,
  today: string,
): { field: string; code: string; message: string } | null {
  if (expiresOn <= today) {
    return {
      field: 'expiresOn',
      code: 'not_after_today',
      message: 'a consent expires after today',
    };
  }
  if (expiresOn > addDaysToDate(today, MAX_CONSENT_VALIDITY_DAYS)) {
    return {
      field: 'expiresOn',
      code: 'consent_too_long',
      message: `a consent is given for at most ${MAX_CONSENT_VALIDITY_DAYS} days`,
    };
  }
  return null;
}

/** The consent's clock: a reminder two weeks before, and a notice when it has expired. */
export function consentExpiryStages(): StagePlan[] {
  return [
    {
      stage: `reminder_${CONSENT_EXPIRY_REMINDER_DAYS}d`,
      kind: 'reminder',
      audience: 'assigned_caseworker',
      offsetMs: -CONSENT_EXPIRY_REMINDER_DAYS * DAY_MS,
    },
    { stage: 'expired', kind: 'reminder', audience: 'assigned_caseworker', offsetMs: 0 },
  ];
}
