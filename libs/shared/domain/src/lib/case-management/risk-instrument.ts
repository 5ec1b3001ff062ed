import type { AgeGroup, RiskLevel } from '../intake/vocabulary';

/**
 * A risk instrument (issue 10): a versioned checklist of items, each answered yes/no or on a small
 * scale, each with a weight; the sum places the case at low, medium or high risk. Modelled on the way
 * DV danger checklists work (a score threshold, and a few items so dangerous that a "yes" alone means
 * high risk), with our own wording: DOMAIN.md §4 forbids shipping licensed text.
 */

export const RISK_ITEM_KINDS = ['yes_no', 'scale'] as const;
export type RiskItemKind = (typeof RISK_ITEM_KINDS)[number];

export const RISK_AUDIENCES = ['adult', 'child'] as const;
export type RiskAudience = (typeof RISK_AUDIENCES)[number];

export interface LocalisedText {
  vi: string;
  en: string;
}

export interface RiskItem {
  /** Stable within an instrument's versions, so answers compare across reassessments. */
  key: string;
  kind: RiskItemKind;
  /** Points for "yes", or per step of the scale. */
  weight: number;
  /** Scale items: answers run 0..scaleMax. */
  scaleMax?: number;
  /** A "yes" alone places the case at high risk, whatever the score (yes/no items only). */
  critical?: boolean;
  text: LocalisedText;
  /** Scale items: one label per step, 0..scaleMax. */
  scaleLabels?: LocalisedText[];
}

/** A score at or above `medium` is medium risk, at or above `high` is high risk. */
export interface RiskThresholds {
  medium: number;
  high: number;
}

export interface RiskInstrumentContent {
  code: string;
  audience: RiskAudience;
  title: LocalisedText;
  items: RiskItem[];
  thresholds: RiskThresholds;
}

/** An answer: yes/no, a scale step, or null for "not known / did not want to answer". */
export type RiskAnswer = boolean | number | null;
export type RiskAnswers = Readonly<Record<string, RiskAnswer>>;

/** A problem with an instrument or a set of answers, named by the field the web highlights. */
export interface RiskProblem {
  field: string;
  code: string;
  message: string;
}

export interface RiskScore {
  score: number;
  maxScore: number;
  /** The level from the score and the critical items alone. */
  computedLevel: RiskLevel;
  /** Keys of the critical items answered "yes". */
  criticalYes: string[];
  answered: number;
}

const ITEM_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const LEVEL_ORDER: Readonly<Record<RiskLevel, number>> = { unknown: 0, low: 1, medium: 2, high: 3 };
export const MAX_RISK_ITEMS = 60;
export const MAX_RISK_WEIGHT = 10;
export const MAX_RISK_SCALE = 10;
export const MAX_RISK_TEXT = 500;
export const MIN_OVERRIDE_REASON = 10;

export function riskLevelRank(level: RiskLevel): number {
  return LEVEL_ORDER[level];
}

export function maxRiskScore(items: readonly RiskItem[]): number {
  return items.reduce(
    (sum, item) => sum + item.weight * (item.kind === 'scale' ? (item.scaleMax ?? 0) : 1),
    0,
  );
}

function textProblems(field: string, text: LocalisedText | undefined): RiskProblem[] {
  const problems: RiskProblem[] = [];
  for (const lang of ['vi', 'en'] as const) {
    const value = text?.[lang];
    if (typeof value !== 'string' || value.trim().length === 0) {
      problems.push({
        field: `${field}.${lang}`,
        code: 'isNotEmpty',
        message: 'the text is required',
      });
    } else if (value.length > MAX_RISK_TEXT) {
      problems.push({
        field: `${field}.${lang}`,
        code: 'maxLength',
        message: `at most ${MAX_RISK_TEXT} characters`,
      });
    }
  }
  return problems;
}

function itemProblems(item: RiskItem, index: number, seen: Set<string>): RiskProblem[] {
  const at = `items.${index}`;
  const problems: RiskProblem[] = [];
  if (!ITEM_KEY.test(item.key)) {
    problems.push({
      field: `${at}.key`,
      code: 'invalid_key',
      message: 'lower-case letters, digits and _ starting with a letter',
    });
  } else if (seen.has(item.key)) {
    problems.push({
      field: `${at}.key`,
      code: 'duplicate',
      message: 'each item needs its own key',
    });
  }
  seen.add(item.key);
  if (!Number.isInteger(item.weight) || item.weight < 1 || item.weight > MAX_RISK_WEIGHT) {
    problems.push({
      field: `${at}.weight`,
      code: 'weight_range',
      message: `a whole number from 1 to ${MAX_RISK_WEIGHT}`,
    });
  }
  if (item.kind === 'scale') {
    const max = item.scaleMax;
    if (max === undefined || !Number.isInteger(max) || max < 2 || max > MAX_RISK_SCALE) {
      problems.push({
        field: `${at}.scaleMax`,
        code: 'scale_range',
        message: `a scale runs from 0 to a whole number from 2 to ${MAX_RISK_SCALE}`,
      });
    } else if (item.scaleLabels && item.scaleLabels.length !== max + 1) {
      problems.push({
        field: `${at}.scaleLabels`,
        code: 'wrong_count',
        message: `one label for each step from 0 to ${max}`,
      });
    }
    if (item.critical) {
      problems.push({
        field: `${at}.critical`,
        code: 'yes_no_only',
        message: 'only a yes/no item can be critical',
      });
    }
  } else if (item.scaleMax !== undefined || item.scaleLabels !== undefined) {
    problems.push({
      field: `${at}.scaleMax`,
      code: 'scale_only',
      message: 'a yes/no item has no scale',
    });
  }
  problems.push(...textProblems(`${at}.text`, item.text));
  item.scaleLabels?.forEach((label, step) =>
    problems.push(...textProblems(`${at}.scaleLabels.${step}`, label)),
  );
  return problems;
}

/** Every problem of an instrument before it may be published; empty when it is sound. */
export function checkRiskInstrument(content: RiskInstrumentContent): RiskProblem[] {
  const problems: RiskProblem[] = [...textProblems('title', content.title)];
  if (content.items.length === 0 || content.items.length > MAX_RISK_ITEMS) {
    problems.push({
      field: 'items',
      code: 'item_count',
      message: `from 1 to ${MAX_RISK_ITEMS} items`,
    });
  }
  const seen = new Set<string>();
  content.items.forEach((item, index) => problems.push(...itemProblems(item, index, seen)));
  const max = maxRiskScore(content.items);
  const { medium, high } = content.thresholds;
  if (!Number.isInteger(medium) || medium < 1) {
    problems.push({
      field: 'thresholds.medium',
      code: 'threshold_range',
      message: 'a whole number of at least 1',
    });
  }
  if (!Number.isInteger(high) || high <= medium || high > max) {
    problems.push({
      field: 'thresholds.high',
      code: 'threshold_range',
      message: `a whole number above the medium threshold and at most the highest score (${max})`,
    });
  }
  return problems;
}

/**
 * Every problem of a set of answers for an instrument version: each item answered (null counts:
 * "not known" is an answer), yes/no items with a boolean, scale items with a step of their scale,
 * nothing that the version does not ask.
 */
export function checkRiskAnswers(
  content: Pick<RiskInstrumentContent, 'items'>,
  answers: RiskAnswers,
): RiskProblem[] {
  const problems: RiskProblem[] = [];
  const keys = new Set(content.items.map((item) => item.key));
  for (const key of Object.keys(answers)) {
    if (!keys.has(key)) {
      problems.push({
        field: `answers.${key}`,
        code: 'unknown_item',
        message: 'this version of the instrument has no such item',
      });
    }
  }
  for (const item of content.items) {
    const field = `answers.${item.key}`;
    if (!Object.prototype.hasOwnProperty.call(answers, item.key)) {
      problems.push({
        field,
        code: 'not_answered',
        message: 'answer every item (or "not known")',
      });
      continue;
    }
    const answer = answers[item.key];
    if (answer === null) continue;
    if (item.kind === 'yes_no' && typeof answer !== 'boolean') {
      problems.push({ field, code: 'not_yes_no', message: 'the answer is yes or no' });
    } else if (
      item.kind === 'scale' &&
      (typeof answer !== 'number' ||
        !Number.isInteger(answer) ||
        answer < 0 ||
        answer > (item.scaleMax ?? 0))
    ) {
      problems.push({
        field,
        code: 'out_of_scale',
        message: `a whole number from 0 to ${item.scaleMax ?? 0}`,
      });
    }
  }
  return problems;
}

/** The score and level of answers already checked with `checkRiskAnswers`. */
export function scoreRiskAnswers(content: RiskInstrumentContent, answers: RiskAnswers): RiskScore {
  let score = 0;
  let answered = 0;
  const criticalYes: string[] = [];
  for (const item of content.items) {
    const answer = answers[item.key];
    if (answer === null || answer === undefined) continue;
    answered += 1;
    if (item.kind === 'yes_no') {
      if (answer === true) {
        score += item.weight;
        if (item.critical) criticalYes.push(item.key);
      }
    } else if (typeof answer === 'number') {
      score += item.weight * answer;
    }
  }
  const { medium, high } = content.thresholds;
  // Nothing known is not "low": the case stays unassessed.
  let computedLevel: RiskLevel =
    answered === 0 ? 'unknown' : score >= high ? 'high' : score >= medium ? 'medium' : 'low';
  if (criticalYes.length > 0) computedLevel = 'high';
  return { score, maxScore: maxRiskScore(content.items), computedLevel, criticalYes, answered };
}

/**
 * Professional judgement may raise the computed level, with a reason, and never lower it. Returns
 * the level the case takes, or the problem with the override.
 */
export function judgedRiskLevel(
  computed: RiskLevel,
  override: { level: RiskLevel; reason: string | null } | null,
): { level: RiskLevel; problem: null } | { level: null; problem: RiskProblem } {
  if (!override) return { level: computed, problem: null };
  if (riskLevelRank(override.level) < riskLevelRank(computed)) {
    return {
      level: null,
      problem: {
        field: 'overrideLevel',
        code: 'cannot_lower',
        message: `judgement may raise the computed level (${computed}), never lower it`,
      },
    };
  }
  if (override.level === computed) {
    return {
      level: null,
      problem: {
        field: 'overrideLevel',
        code: 'not_raised',
        message: 'an override must raise the level; leave it empty to keep the computed one',
      },
    };
  }
  const reason = override.reason?.trim() ?? '';
  if (reason.length < MIN_OVERRIDE_REASON) {
    return {
      level: null,
      problem: {
        field: 'overrideReason',
        code: 'reason_required',
        message: `say why the level is raised (at least ${MIN_OVERRIDE_REASON} characters)`,
      },
    };
  }
  return { level: override.level, problem: null };
}

/** Days until reassessment is due, per level (admins may configure; these are the defaults). */
export const DEFAULT_REASSESSMENT_DAYS: Readonly<Record<RiskLevel, number>> = {
  unknown: 3,
  high: 7,
  medium: 30,
  low: 90,
};

const CHILD_AGE_GROUPS: ReadonlySet<AgeGroup> = new Set(['0_6', '7_11', '12_15']);

/** The instrument for a survivor: the child variant under 16 (DOMAIN.md: a child is under 16). */
export function riskAudienceFor(ageGroup: AgeGroup): RiskAudience {
  return CHILD_AGE_GROUPS.has(ageGroup) ? 'child' : 'adult';
}
