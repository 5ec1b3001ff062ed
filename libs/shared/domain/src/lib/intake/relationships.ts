import type { PerpetratorRelationship } from './vocabulary';

/**
 * Family members under Law 13/2022 on Domestic Violence, which also covers former spouses and
 * cohabiting partners. For these, DV-law measures (e.g. no-contact orders) apply.
 */
const FAMILY_RELATIONSHIPS: ReadonlySet<PerpetratorRelationship> = new Set<PerpetratorRelationship>(
  [
    'spouse',
    'former_spouse',
    'cohabiting_partner',
    'parent',
    'step_parent',
    'child',
    'grandparent',
    'sibling',
    'in_law',
    'other_relative',
  ],
);

export function isFamilyRelationship(r: PerpetratorRelationship): boolean {
  return FAMILY_RELATIONSHIPS.has(r);
}
