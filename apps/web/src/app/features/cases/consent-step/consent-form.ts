import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { CaseConsentInput } from '@caunoi/shared/contracts';
import type { AgeGroup, ConsentGiver, ConsentMethod, ConsentProblem } from '@caunoi/shared/domain';
import { CHILD_ASSENT_AGE, ageOn, checkCaseConsent, isChild } from '@caunoi/shared/domain';
import { vietnamToday } from '../../../shared/forms/vietnam-time';

/** Consent to case management, asked before the story is taken (IASC step 1). */
export function createConsentForm() {
  return new FormGroup({
    given: new FormControl<boolean | null>(null, { validators: [Validators.required] }),
    givenBy: new FormControl<ConsentGiver>('survivor', { nonNullable: true }),
    method: new FormControl<ConsentMethod>('verbal', { nonNullable: true }),
    childAssent: new FormControl(false, { nonNullable: true }),
    guardianIsSuspect: new FormControl(false, { nonNullable: true }),
    bestInterestReason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(1000)],
    }),
  });
}

export type ConsentForm = ReturnType<typeof createConsentForm>;
export type ConsentValue = ReturnType<ConsentForm['getRawValue']>;

/** The survivor's age in completed years: from the birth date when there is one, else the age given. */
export function survivorAge(
  dateOfBirth: string | null | undefined,
  age: number | null | undefined,
  today: string = vietnamToday(),
): number | null {
  if (dateOfBirth) {
    try {
      return ageOn(dateOfBirth, today);
    } catch {
      return null;
    }
  }
  return typeof age === 'number' && Number.isInteger(age) && age >= 0 ? age : null;
}

/** A child of 7 or more (and under 16) is asked for her or his own agreement. */
export function needsChildAssent(age: number | null): boolean {
  return age !== null && age >= CHILD_ASSENT_AGE && isChild(age);
}

export function isChildAge(age: number | null): boolean {
  return age !== null && isChild(age);
}

/**
 * What is wrong with the consent as entered, by the domain's rules (the API checks the same).
 * Refused consent has nothing to check: only an anonymous record is kept.
 */
export function consentProblem(
  consent: ConsentValue,
  age: number | null,
  recordedBySupervisor: boolean,
): ConsentProblem | 'best_interest_reason_required' | null {
  if (consent.given !== true) return null;
  const problem = checkCaseConsent({
    survivorAge: age,
    givenBy: consent.givenBy,
    childAssent: needsChildAssent(age) ? consent.childAssent : null,
    guardianIsSuspect: consent.guardianIsSuspect,
    recordedBySupervisor,
  });
  if (problem) return problem;
  if (consent.givenBy === 'best_interest_decision' && !consent.bestInterestReason.trim()) {
    return 'best_interest_reason_required';
  }
  return null;
}

/** The consent part of a request. */
export function consentInput(consent: ConsentValue, age: number | null): CaseConsentInput {
  return {
    given: consent.given === true,
    givenBy: consent.givenBy,
    method: consent.method,
    childAssent: needsChildAssent(age) ? consent.childAssent : null,
    guardianIsSuspect: consent.guardianIsSuspect,
    bestInterestReason:
      consent.givenBy === 'best_interest_decision' ? consent.bestInterestReason.trim() : null,
  };
}

/**
 * The lowest age of an age group. The groups' edges are the legal thresholds (7, 16), so the
 * consent rules give the same answer for every age in a group.
 */
export function representativeAge(group: AgeGroup): number | null {
  const lowest: Readonly<Record<AgeGroup, number | null>> = {
    '0_6': 0,
    '7_11': 7,
    '12_15': 12,
    '16_17': 16,
    '18_24': 18,
    '25_59': 25,
    '60_plus': 60,
    unknown: null,
  };
  return lowest[group];
}
