import { CONSENT_PROBLEMS, CONSENT_PROBLEM_MESSAGES, checkCaseConsent } from './consent-rules';
import type { CaseConsentInput, ConsentProblem } from './consent-rules';
import { CONSENT_GIVERS } from './vocabulary';
import type { ConsentGiver } from './vocabulary';

const AGES = [0, 6, 7, 15, 16, 40, null] as const;
const ASSENTS = [true, false, null] as const;
const BOOLEANS = [true, false] as const;

type Age = (typeof AGES)[number];
type Flags = {
  childAssent: boolean | null;
  guardianIsSuspect: boolean;
  recordedBySupervisor: boolean;
};

/**
 * The expected outcome written per (age, giver) cell of the rules in DOMAIN.md §3, so the full
 * matrix below checks every combination of the remaining flags.
 */
const EXPECTED: Record<string, Record<ConsentGiver, (f: Flags) => ConsentProblem | null>> = {
  // Under 7: guardian consents, no assent needed.
  young_child: {
    survivor: () => 'guardian_consent_required',
    guardian: (f) => (f.guardianIsSuspect ? 'guardian_is_suspect' : null),
    best_interest_decision: (f) =>
      !f.recordedBySupervisor
        ? 'best_interest_requires_supervisor'
        : !f.guardianIsSuspect
          ? 'best_interest_only_when_guardian_suspect'
          : null,
  },
  // 7 to 15: guardian consents and the child assents.
  older_child: {
    survivor: () => 'guardian_consent_required',
    guardian: (f) =>
      f.guardianIsSuspect
        ? 'guardian_is_suspect'
        : f.childAssent === true
          ? null
          : 'child_assent_required',
    best_interest_decision: (f) =>
      !f.recordedBySupervisor
        ? 'best_interest_requires_supervisor'
        : !f.guardianIsSuspect
          ? 'best_interest_only_when_guardian_suspect'
          : null,
  },
  adult: {
    survivor: () => null,
    guardian: () => 'adult_consents_for_self',
    best_interest_decision: () => 'best_interest_only_for_children',
  },
  unknown: {
    survivor: () => null,
    guardian: () => 'age_required_for_guardian_consent',
    best_interest_decision: () => 'best_interest_only_for_children',
  },
};

function ageClass(age: Age): string {
  if (age === null) return 'unknown';
  if (age >= 16) return 'adult';
  return age >= 7 ? 'older_child' : 'young_child';
}

const MATRIX: [CaseConsentInput, ConsentProblem | null][] = AGES.flatMap((survivorAge) =>
  CONSENT_GIVERS.flatMap((givenBy) =>
    ASSENTS.flatMap((childAssent) =>
      BOOLEANS.flatMap((guardianIsSuspect) =>
        BOOLEANS.map((recordedBySupervisor): [CaseConsentInput, ConsentProblem | null] => {
          const flags = { childAssent, guardianIsSuspect, recordedBySupervisor };
          return [
            { survivorAge, givenBy, ...flags },
            EXPECTED[ageClass(survivorAge)][givenBy](flags),
          ];
        }),
      ),
    ),
  ),
);

const base: CaseConsentInput = {
  survivorAge: 30,
  givenBy: 'survivor',
  childAssent: null,
  guardianIsSuspect: false,
  recordedBySupervisor: false,
};

describe('checkCaseConsent', () => {
  it('covers every age × giver × assent × suspect × supervisor combination', () => {
    expect(MATRIX).toHaveLength(7 * 3 * 3 * 2 * 2);
  });

  it.each(MATRIX)('%o → %p', (input, problem) => {
    expect(checkCaseConsent(input)).toBe(problem);
  });

  describe('named cases', () => {
    it.each<[string, Partial<CaseConsentInput>, ConsentProblem | null]>([
      ['an adult consents for herself', {}, null],
      ['a 16-year-old consents for herself', { survivorAge: 16 }, null],
      [
        'a guardian cannot consent for an adult',
        { givenBy: 'guardian' },
        'adult_consents_for_self',
      ],
      [
        'a supervisor cannot decide best interest for an adult',
        { givenBy: 'best_interest_decision', recordedBySupervisor: true, guardianIsSuspect: true },
        'best_interest_only_for_children',
      ],
      ['unknown age consents for herself', { survivorAge: null }, null],
      [
        'unknown age blocks guardian consent',
        { survivorAge: null, givenBy: 'guardian', childAssent: true },
        'age_required_for_guardian_consent',
      ],
      [
        'unknown age is not a child for best interest',
        {
          survivorAge: null,
          givenBy: 'best_interest_decision',
          recordedBySupervisor: true,
          guardianIsSuspect: true,
        },
        'best_interest_only_for_children',
      ],
      ['a 15-year-old cannot consent alone', { survivorAge: 15 }, 'guardian_consent_required'],
      [
        'a 15-year-old whose guardian consents and who assents',
        { survivorAge: 15, givenBy: 'guardian', childAssent: true },
        null,
      ],
      [
        'a 7-year-old must assent',
        { survivorAge: 7, givenBy: 'guardian', childAssent: null },
        'child_assent_required',
      ],
      [
        'a 7-year-old who refuses blocks guardian consent',
        { survivorAge: 7, givenBy: 'guardian', childAssent: false },
        'child_assent_required',
      ],
      [
        'a 6-year-old needs no assent',
        { survivorAge: 6, givenBy: 'guardian', childAssent: null },
        null,
      ],
      [
        'a suspected guardian cannot consent, even with the child’s assent',
        { survivorAge: 10, givenBy: 'guardian', childAssent: true, guardianIsSuspect: true },
        'guardian_is_suspect',
      ],
      [
        'a best-interest decision needs a supervisor',
        { survivorAge: 10, givenBy: 'best_interest_decision', guardianIsSuspect: true },
        'best_interest_requires_supervisor',
      ],
      [
        'a best-interest decision needs a suspected guardian',
        { survivorAge: 10, givenBy: 'best_interest_decision', recordedBySupervisor: true },
        'best_interest_only_when_guardian_suspect',
      ],
      [
        'a supervisor’s best-interest decision proceeds without the child’s assent',
        {
          survivorAge: 10,
          givenBy: 'best_interest_decision',
          recordedBySupervisor: true,
          guardianIsSuspect: true,
          childAssent: false,
        },
        null,
      ],
    ])('%s', (_label, overrides, problem) => {
      expect(checkCaseConsent({ ...base, ...overrides })).toBe(problem);
    });
  });

  it.each([-1, 7.5, Number.NaN])('throws RangeError for age %p', (survivorAge) => {
    expect(() => checkCaseConsent({ ...base, survivorAge })).toThrow(RangeError);
  });
});

describe('CONSENT_PROBLEM_MESSAGES', () => {
  it('has one distinct English sentence per problem', () => {
    expect(Object.keys(CONSENT_PROBLEM_MESSAGES).sort()).toEqual([...CONSENT_PROBLEMS].sort());
    const messages = CONSENT_PROBLEMS.map((p) => CONSENT_PROBLEM_MESSAGES[p]);
    expect(new Set(messages).size).toBe(messages.length);
    for (const message of messages) expect(message).toMatch(/^[A-Z].*\.$/);
  });

  it('can be produced by some input', () => {
    const produced = new Set(MATRIX.map(([input]) => checkCaseConsent(input)));
    for (const problem of CONSENT_PROBLEMS) expect(produced).toContain(problem);
  });
});
