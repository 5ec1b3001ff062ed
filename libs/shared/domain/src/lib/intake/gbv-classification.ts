import type { GbvType } from './vocabulary';

/** GBVIMS elimination questions, asked in this order (DOMAIN.md §4). */
export const CLASSIFICATION_QUESTIONS = [
  'penetration',
  'sexual_contact',
  'physical_assault',
  'forced_marriage',
  'denial_of_resources',
  'psychological_abuse',
] as const;
export type ClassificationQuestion = (typeof CLASSIFICATION_QUESTIONS)[number];

/** The core type a "yes" to each question gives. */
export const GBV_TYPE_FOR_QUESTION: Readonly<Record<ClassificationQuestion, GbvType>> = {
  penetration: 'rape',
  sexual_contact: 'sexual_assault',
  physical_assault: 'physical_assault',
  forced_marriage: 'forced_marriage',
  denial_of_resources: 'denial_of_resources',
  psychological_abuse: 'psychological_abuse',
};

/** Unanswered questions are absent; the worker answers them one at a time. */
export type ClassificationAnswers = Partial<Record<ClassificationQuestion, boolean>>;

export type ClassificationResult =
  | { ok: true; gbvType: GbvType }
  | { ok: false; missing: ClassificationQuestion };

/**
 * One incident gets exactly one core type: the first "yes" in GBVIMS order decides, so every
 * earlier question must have been answered "no". Answers after the deciding "yes" are ignored
 * because the more serious type already holds.
 */
export function classifyIncident(answers: ClassificationAnswers): ClassificationResult {
  for (const question of CLASSIFICATION_QUESTIONS) {
    const answer = answers[question];
    if (answer === undefined) return { ok: false, missing: question };
    if (answer) return { ok: true, gbvType: GBV_TYPE_FOR_QUESTION[question] };
  }
  return { ok: true, gbvType: 'non_gbv' };
}

/** The question the worker must answer next, or null once the type is decided. */
export function nextQuestion(answers: ClassificationAnswers): ClassificationQuestion | null {
  const result = classifyIncident(answers);
  return result.ok ? null : result.missing;
}
