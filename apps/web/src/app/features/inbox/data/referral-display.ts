import type { AgencyType, OutcomeFieldSpec, ReferralSector } from '@caunoi/shared/domain';
import { SECTOR_OUTCOME_FIELDS, sectorOf } from '@caunoi/shared/domain';

/** The inbox workspace's root; notifications link to `/inbox/referrals/<id>`. */
export const INBOX_ROOT = '/inbox';

/** Router link of a referral in the inbox: its id only, never anything of the survivor. */
export function referralLink(id: string): string[] {
  return [INBOX_ROOT, 'referrals', id];
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
