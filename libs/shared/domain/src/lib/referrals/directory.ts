import type { AgencyType } from '../agencies/agency-type';

/** What the suggestion needs to know about a directory entry. */
export interface DirectoryEntry {
  id: string;
  type: AgencyType;
  name: string;
  active: boolean;
  acceptingReferrals: boolean;
  provinceCode: string;
  coversWholeProvince: boolean;
  coverageCommuneCodes: readonly string[];
}

/** How well an entry covers a commune: 2 names it, 1 covers its whole province, 0 does not cover it. */
export function coverageRank(
  entry: DirectoryEntry,
  communeCode: string | null,
  provinceCode: string,
): 0 | 1 | 2 {
  if (communeCode && entry.coverageCommuneCodes.includes(communeCode)) return 2;
  if (entry.coversWholeProvince && entry.provinceCode === provinceCode) return 1;
  return 0;
}

/**
 * The agency of `type` to suggest for a survivor in `communeCode`: active, accepting referrals and
 * covering the commune; an agency naming the commune beats one covering the whole province; then by
 * name, so the answer is stable. Null when none covers it (the caseworker then searches the directory).
 * `acceptingOnly: false` finds the agency the law addresses whether or not it takes referrals (the
 * commune committee and commune police covering a commune, for a no-contact order).
 */
export function suggestAgency<E extends DirectoryEntry>(
  entries: readonly E[],
  type: AgencyType,
  communeCode: string | null,
  provinceCode: string,
  { acceptingOnly = true }: { acceptingOnly?: boolean } = {},
): E | null {
  let best: E | null = null;
  let bestRank = 0;
  for (const entry of entries) {
    if (entry.type !== type || !entry.active || (acceptingOnly && !entry.acceptingReferrals)) {
      continue;
    }
    const rank = coverageRank(entry, communeCode, provinceCode);
    if (rank === 0) continue;
    if (
      rank > bestRank ||
      (rank === bestRank && best !== null && entry.name.localeCompare(best.name, 'vi') < 0)
    ) {
      best = entry;
      bestRank = rank;
    }
  }
  return best;
}
