import type { AgencyType } from '../agencies/agency-type';
import type { DataCategory } from '../intake/vocabulary';
import { DATA_CATEGORIES } from '../intake/vocabulary';

/** The facts of a consent record the gate needs. */
export interface SharingConsentFacts {
  kind: string;
  agencyTypes: readonly string[];
  dataCategories: readonly string[];
  withdrawnAt: string | Date | null;
  /** Callers pass only current consents (currentConsents) when expiry matters. */
  expiresOn?: string | null;
}

export interface ConsentCoverage {
  /** Every category of the packet is covered for this agency type. */
  covered: boolean;
  /** At least one valid sharing consent names this agency type. */
  agencyTypeConsented: boolean;
  /** Packet categories no valid consent covers for this agency type, in canonical order. */
  missing: DataCategory[];
}

/**
 * Does the survivor's consent cover sending `packet` to an agency of `agencyType`? A category is
 * covered when some unwithdrawn information-sharing consent names both the agency type and the
 * category; separate consents add up. An empty packet is covered only if the agency type is named.
 */
export function consentCoverage(
  consents: readonly SharingConsentFacts[],
  agencyType: AgencyType,
  packet: readonly DataCategory[],
): ConsentCoverage {
  const valid = consents.filter(
    (c) => c.kind === 'information_sharing' && !c.withdrawnAt && c.agencyTypes.includes(agencyType),
  );
  const granted = new Set(valid.flatMap((c) => c.dataCategories));
  const missing = DATA_CATEGORIES.filter((c) => packet.includes(c) && !granted.has(c));
  const agencyTypeConsented = valid.length > 0;
  return { covered: agencyTypeConsented && missing.length === 0, agencyTypeConsented, missing };
}
