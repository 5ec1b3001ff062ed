import type { RiskLevel } from '../intake/vocabulary';
import { addDaysToDate } from '../deadlines/calendar';

/**
 * A safety plan (issue 10, IASC step 3): what the survivor and the caseworker agreed she will do to
 * stay safe, in structured sections. Every save is a new version; the plan is reviewed by a date.
 */
export const SAFETY_PLAN_SECTIONS = [
  'warning_signs',
  'safe_places',
  'safe_people',
  'code_word',
  'documents_essentials',
  'children',
  'route_to_help',
  'hotlines',
] as const;
export type SafetyPlanSection = (typeof SAFETY_PLAN_SECTIONS)[number];
export type SafetyPlanSections = Partial<Record<SafetyPlanSection, string>>;

export const SAFETY_PLAN_SECTION_MAX = 2000;
/** A review further away than this is no review. */
export const SAFETY_PLAN_REVIEW_MAX_DAYS = 180;

/** Default days until review, by the case's risk: a high-risk plan is looked at within a week. */
export const SAFETY_PLAN_REVIEW_DAYS: Readonly<Record<RiskLevel, number>> = {
  unknown: 7,
  high: 7,
  medium: 30,
  low: 90,
};

/** Sections printed on the one-page plan by default: the code word stays off paper unless chosen. */
export const SAFETY_PLAN_PRINTED_BY_DEFAULT: readonly SafetyPlanSection[] =
  SAFETY_PLAN_SECTIONS.filter((section) => section !== 'code_word');

export interface SafetyPlanProblem {
  field: string;
  code: string;
  message: string;
}

/** Only known sections, trimmed, empty ones left out. */
export function normaliseSafetyPlan(
  sections: Readonly<Record<string, unknown>>,
): SafetyPlanSections {
  const out: SafetyPlanSections = {};
  for (const section of SAFETY_PLAN_SECTIONS) {
    const value = sections[section];
    if (typeof value === 'string' && value.trim().length > 0) out[section] = value.trim();
  }
  return out;
}

/**
 * Every problem with a plan to save: sections the plan does not have, texts that are not text or are
 * too long, a plan with nothing in it, a review date not within 1..180 days after `today`.
 */
export function checkSafetyPlan(
  sections: Readonly<Record<string, unknown>>,
  reviewOn: string,
  today: string,
): SafetyPlanProblem[] {
  const problems: SafetyPlanProblem[] = [];
  const known = new Set<string>(SAFETY_PLAN_SECTIONS);
  for (const [key, value] of Object.entries(sections)) {
    const field = `sections.${key}`;
    if (!known.has(key)) {
      problems.push({
        field,
        code: 'unknown_section',
        message: 'a safety plan has no such section',
      });
    } else if (typeof value !== 'string') {
      problems.push({ field, code: 'isString', message: 'the section is text' });
    } else if (value.length > SAFETY_PLAN_SECTION_MAX) {
      problems.push({
        field,
        code: 'maxLength',
        message: `at most ${SAFETY_PLAN_SECTION_MAX} characters`,
      });
    }
  }
  if (problems.length === 0 && Object.keys(normaliseSafetyPlan(sections)).length === 0) {
    problems.push({
      field: 'sections',
      code: 'empty_plan',
      message: 'fill in at least one section',
    });
  }
  if (reviewOn <= today) {
    problems.push({
      field: 'reviewOn',
      code: 'not_after_today',
      message: 'the review is after today',
    });
  } else if (reviewOn > addDaysToDate(today, SAFETY_PLAN_REVIEW_MAX_DAYS)) {
    problems.push({
      field: 'reviewOn',
      code: 'review_too_far',
      message: `review within ${SAFETY_PLAN_REVIEW_MAX_DAYS} days`,
    });
  }
  return problems;
}

/** The review date a new plan proposes, from the case's risk. */
export function defaultSafetyPlanReview(today: string, risk: RiskLevel): string {
  return addDaysToDate(today, SAFETY_PLAN_REVIEW_DAYS[risk]);
}

/** Sections that changed between two versions (the history shows names, not contents). */
export function changedSafetyPlanSections(
  before: SafetyPlanSections,
  after: SafetyPlanSections,
): SafetyPlanSection[] {
  return SAFETY_PLAN_SECTIONS.filter(
    (section) => (before[section] ?? '') !== (after[section] ?? ''),
  );
}
