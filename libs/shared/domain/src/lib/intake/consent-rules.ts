import { CHILD_ASSENT_AGE, isChild } from './age';
import type { ConsentGiver } from './vocabulary';

export interface CaseConsentInput {
  /** Null when the age is unknown. */
  survivorAge: number | null;
  givenBy: ConsentGiver;
  /** The child's own agreement; null when not asked. */
  childAssent: boolean | null;
  guardianIsSuspect: boolean;
  recordedBySupervisor: boolean;
}

export const CONSENT_PROBLEMS = [
  'guardian_consent_required',
  'guardian_is_suspect',
  'child_assent_required',
  'best_interest_requires_supervisor',
  'best_interest_only_for_children',
  'best_interest_only_when_guardian_suspect',
  'adult_consents_for_self',
  'age_required_for_guardian_consent',
] as const;
export type ConsentProblem = (typeof CONSENT_PROBLEMS)[number];

/** For API error messages; the web translates by code. */
export const CONSENT_PROBLEM_MESSAGES: Readonly<Record<ConsentProblem, string>> = {
  guardian_consent_required: 'A child under 16 needs the consent of a parent or guardian.',
  guardian_is_suspect:
    'The guardian is the suspected perpetrator, so a supervisor must record a best-interest decision instead.',
  child_assent_required: 'A child aged 7 or older must also agree.',
  best_interest_requires_supervisor: 'Only a supervisor may record a best-interest decision.',
  best_interest_only_for_children: 'A best-interest decision is only for a child under 16.',
  best_interest_only_when_guardian_suspect:
    'A best-interest decision is only allowed when the guardian is the suspected perpetrator.',
  adult_consents_for_self: 'A survivor aged 16 or older consents for herself.',
  age_required_for_guardian_consent:
    "Record the survivor's age before recording a guardian's consent.",
};

/**
 * Who may consent to case management (Law on Children 2016, Decree 56/2017, IASC). Returns the
 * first problem, or null when the consent is valid.
 */
export function checkCaseConsent(input: CaseConsentInput): ConsentProblem | null {
  const { survivorAge, givenBy } = input;

  // An unknown age is treated as an adult: the survivor leads, and nobody may speak over her
  // on a guess that she is a child.
  if (survivorAge === null) {
    if (givenBy === 'guardian') return 'age_required_for_guardian_consent';
    return adultConsentProblem(givenBy);
  }
  if (!isChild(survivorAge)) return adultConsentProblem(givenBy);

  switch (givenBy) {
    case 'survivor':
      return 'guardian_consent_required';
    case 'guardian':
      if (input.guardianIsSuspect) return 'guardian_is_suspect';
      if (survivorAge >= CHILD_ASSENT_AGE && input.childAssent !== true) {
        return 'child_assent_required';
      }
      return null;
    case 'best_interest_decision':
      if (!input.recordedBySupervisor) return 'best_interest_requires_supervisor';
      if (!input.guardianIsSuspect) return 'best_interest_only_when_guardian_suspect';
      // The child's assent is recorded when given, but protecting a child from a suspected
      // guardian may not wait for it, so its absence does not block the decision.
      return null;
  }
}

function adultConsentProblem(givenBy: ConsentGiver): ConsentProblem | null {
  switch (givenBy) {
    case 'survivor':
      return null;
    case 'guardian':
      return 'adult_consents_for_self';
    case 'best_interest_decision':
      return 'best_interest_only_for_children';
  }
}
