import type { AgencyType } from '../agencies/agency-type';

/** The sector of a receiving agency decides which outcome fields its service records carry. */
export type ReferralSector = 'police' | 'health' | 'legal_aid' | 'social_work';

export function sectorOf(agencyType: AgencyType): ReferralSector | null {
  switch (agencyType) {
    case 'police':
      return 'police';
    case 'health':
      return 'health';
    case 'legal_aid':
    case 'court':
      return 'legal_aid';
    case 'social_work_centre':
      return 'social_work';
    default:
      return null;
  }
}

export const NO_CONTACT_ORDER_STATES = ['not_requested', 'requested', 'issued'] as const;
export type NoContactOrderState = (typeof NO_CONTACT_ORDER_STATES)[number];

export const COURT_STAGES = [
  'not_started',
  'petition_filed',
  'first_instance',
  'appeal',
  'judgment_enforced',
] as const;
export type CourtStage = (typeof COURT_STAGES)[number];

/** A field is a yes/no, or one of a fixed list of codes. */
export type OutcomeFieldSpec = { type: 'boolean' } | { type: 'enum'; values: readonly string[] };

const YES_NO: OutcomeFieldSpec = { type: 'boolean' };

/** Sector-specific outcome fields (issue 5 §4). Social work records only the common fields. */
export const SECTOR_OUTCOME_FIELDS: Readonly<
  Record<ReferralSector, Readonly<Record<string, OutcomeFieldSpec>>>
> = {
  police: {
    reportRegistered: YES_NO,
    summonsToCommunePolice: YES_NO,
    noContactOrder: { type: 'enum', values: NO_CONTACT_ORDER_STATES },
    criminalFileOpened: YES_NO,
  },
  health: {
    examination: YES_NO,
    treatment: YES_NO,
    forensicExamination: YES_NO,
    psychologicalCare: YES_NO,
  },
  legal_aid: {
    adviceGiven: YES_NO,
    representationAccepted: YES_NO,
    courtStage: { type: 'enum', values: COURT_STAGES },
  },
  social_work: {},
};

export type SectorOutcome = Record<string, boolean | string>;

export interface SectorOutcomeProblem {
  /** The offending key (or the whole object when it is not an object). */
  field: string;
  code: 'not_an_object' | 'unknown_field' | 'not_boolean' | 'not_allowed_value';
}

/**
 * Checks a service record's sector outcome against its sector: only that sector's fields, each of
 * the right kind. Fields may be left out (not yet known); nothing else may be put in.
 */
export function checkSectorOutcome(
  sector: ReferralSector,
  outcome: unknown,
): SectorOutcomeProblem[] {
  if (typeof outcome !== 'object' || outcome === null || Array.isArray(outcome)) {
    return [{ field: '', code: 'not_an_object' }];
  }
  const specs = SECTOR_OUTCOME_FIELDS[sector];
  const problems: SectorOutcomeProblem[] = [];
  for (const [field, value] of Object.entries(outcome)) {
    // Own keys only: `toString`, `constructor` or `__proto__` must not pass as known fields.
    const spec = Object.hasOwn(specs, field) ? specs[field] : undefined;
    if (!spec) problems.push({ field, code: 'unknown_field' });
    else if (spec.type === 'boolean' && typeof value !== 'boolean') {
      problems.push({ field, code: 'not_boolean' });
    } else if (spec.type === 'enum' && !spec.values.includes(value as string)) {
      problems.push({ field, code: 'not_allowed_value' });
    }
  }
  return problems;
}
