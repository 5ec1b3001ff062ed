import { isFamilyRelationship } from './relationships';
import { PERPETRATOR_RELATIONSHIPS } from './vocabulary';

const FAMILY = [
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
];

describe('isFamilyRelationship', () => {
  it.each(PERPETRATOR_RELATIONSHIPS.map((r) => [r, FAMILY.includes(r)] as const))(
    '%s → %p',
    (relationship, family) => {
      expect(isFamilyRelationship(relationship)).toBe(family);
    },
  );

  it('leaves dating partners, caregivers and strangers outside the DV law', () => {
    expect(isFamilyRelationship('dating_partner')).toBe(false);
    expect(isFamilyRelationship('caregiver')).toBe(false);
    expect(isFamilyRelationship('stranger')).toBe(false);
    expect(isFamilyRelationship('unknown')).toBe(false);
  });

  it('names only known relationships as family', () => {
    for (const r of FAMILY) expect(PERPETRATOR_RELATIONSHIPS).toContain(r);
  });
});
