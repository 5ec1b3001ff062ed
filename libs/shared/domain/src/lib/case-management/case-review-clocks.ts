import type { DeadlineKind, StagePlan } from '../clocks/deadline-kinds';
import type { RiskLevel } from '../intake/vocabulary';
import { RISK_LEVELS } from '../intake/vocabulary';
import { DEFAULT_REASSESSMENT_DAYS } from './risk-instrument';

/**
 * Clocks that keep a case looked at (issue 10): the risk reassessment, due on a schedule set per
 * level and again soon after a new incident, and the safety plan's review date. One of each kind
 * runs per case; a new assessment or plan version meets it and starts the next.
 */
export const CASE_REVIEW_KINDS = [
  'risk_reassessment',
  'safety_plan_review',
] as const satisfies readonly DeadlineKind[];
export type CaseReviewKind = (typeof CASE_REVIEW_KINDS)[number];

/** A new incident changes the danger: reassess within this many days. */
export const REASSESSMENT_AFTER_INCIDENT_DAYS = 1;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The caseworker is reminded the day before; the supervisors hear of it two days after. */
export function caseReviewStages(): StagePlan[] {
  return [
    { stage: 'reminder_1d', kind: 'reminder', audience: 'assigned_caseworker', offsetMs: -DAY_MS },
    {
      stage: 'escalation_2d_after',
      kind: 'escalation',
      audience: 'supervisors',
      offsetMs: 2 * DAY_MS,
    },
  ];
}

/**
 * The reassessment schedule from `REASSESSMENT_DAYS` ("high:7,medium:30,low:90,unknown:3"): levels
 * left out keep their default; a problem is returned for anything that is not a level and 1..365 days.
 */
export function parseReassessmentDays(raw: string | undefined): {
  days: Record<RiskLevel, number>;
  problem: string | null;
} {
  const days: Record<RiskLevel, number> = { ...DEFAULT_REASSESSMENT_DAYS };
  if (!raw || raw.trim() === '') return { days, problem: null };
  for (const part of raw.split(',')) {
    const [level, value] = part.split(':').map((s) => s.trim());
    const n = Number(value);
    if (
      !(RISK_LEVELS as readonly string[]).includes(level ?? '') ||
      !Number.isInteger(n) ||
      n < 1 ||
      n > 365
    ) {
      return {
        days: { ...DEFAULT_REASSESSMENT_DAYS },
        problem:
          'REASSESSMENT_DAYS must look like "high:7,medium:30,low:90" (1 to 365 days per level)',
      };
    }
    days[level as RiskLevel] = n;
  }
  return { days, problem: null };
}
