import type { DeadlineKind, StagePlan } from '../clocks/deadline-kinds';
import type { DeadlinePeriod } from '../deadlines/deadline-arithmetic';
import { ageOn, CHILD_AGE_LIMIT } from '../intake/age';
import type { AgeGroup, RiskLevel } from '../intake/vocabulary';
import type { RiskAudience } from './risk-instrument';
import { riskAudienceFor, riskLevelRank } from './risk-instrument';

/**
 * The child emergency (Law on Children 2016, Decree 56/2017; issue 11): when the survivor is a child
 * (under 16) and an assessment or a caseworker marks serious danger, the child gets emergency
 * intervention within 12 hours of the information (an hour period: nights, weekends and Tết run
 * through) and a support plan within 5 working days (over the holiday calendar).
 */
export const CHILD_EMERGENCY_KIND = 'child_emergency' as const satisfies DeadlineKind;
export const CHILD_SUPPORT_PLAN_KIND = 'child_support_plan' as const satisfies DeadlineKind;

export const CHILD_EMERGENCY_PERIOD = {
  unit: 'hours',
  amount: 12,
} as const satisfies DeadlinePeriod;
export const CHILD_SUPPORT_PLAN_PERIOD = {
  unit: 'working_days',
  amount: 5,
} as const satisfies DeadlinePeriod;

/** What marked the danger: a child assessment reaching high risk, a caseworker, or a hotline call. */
export const CHILD_EMERGENCY_SOURCES = ['assessment', 'caseworker', 'hotline'] as const;
export type ChildEmergencySource = (typeof CHILD_EMERGENCY_SOURCES)[number];

/**
 * Intervention measures, after Law on Children 2016 Art. 50 (care, a safe place apart from the
 * threat, temporary alternative care) plus the police's protection, which is how a centre most
 * often gets a child out of danger at night.
 */
export const CHILD_INTERVENTION_MEASURES = [
  'medical_care',
  'safe_place',
  'alternative_care',
  'police_protection',
  'other',
] as const;
export type ChildInterventionMeasure = (typeof CHILD_INTERVENTION_MEASURES)[number];

export const CHILD_EMERGENCY_TEXT_MAX = 2000;
/** A caseworker's mark says why, in a sentence at least. */
export const CHILD_EMERGENCY_REASON_MIN = 10;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Halfway, the caseworker is reminded; at 12 hours without an intervention, the supervisors hear. */
export function childEmergencyStages(): StagePlan[] {
  return [
    {
      stage: 'reminder_halfway',
      kind: 'reminder',
      audience: 'assigned_caseworker',
      offsetMs: -6 * HOUR_MS,
    },
    { stage: 'escalation_due', kind: 'escalation', audience: 'supervisors', offsetMs: 0 },
  ];
}

/** The support plan: the caseworker is reminded the day before, the supervisors hear when it is late. */
export function childSupportPlanStages(): StagePlan[] {
  return [
    { stage: 'reminder_1d', kind: 'reminder', audience: 'assigned_caseworker', offsetMs: -DAY_MS },
    { stage: 'escalation_due', kind: 'escalation', audience: 'supervisors', offsetMs: 0 },
  ];
}

/** What is recorded about the survivor's age: the birth date or an age (never both), else the group. */
export interface RecordedAge {
  dateOfBirth: string | null;
  age: number | null;
  ageGroup: AgeGroup;
}

/**
 * Whether the survivor is a child on `today` (a Vietnam date): under 16 by the birth date when it is
 * recorded (the 16th birthday ends childhood), else by the age recorded, else by the age group (an
 * anonymous record keeps only that). An unknown age is not a child: nothing says so.
 */
export function isChildSurvivor(recorded: RecordedAge, today: string): boolean {
  if (recorded.dateOfBirth !== null) return ageOn(recorded.dateOfBirth, today) < CHILD_AGE_LIMIT;
  if (recorded.age !== null) return recorded.age < CHILD_AGE_LIMIT;
  return riskAudienceFor(recorded.ageGroup) === 'child';
}

/**
 * Serious danger from an assessment: a child instrument placing the case at high risk when it was
 * not high before (staying high on a reassessment is the same danger, not a new emergency).
 */
export function assessmentMarksSeriousDanger(a: {
  audience: RiskAudience;
  level: RiskLevel;
  previousCaseLevel: RiskLevel;
}): boolean {
  return (
    a.audience === 'child' &&
    a.level === 'high' &&
    riskLevelRank(a.previousCaseLevel) < riskLevelRank('high')
  );
}

/**
 * A hotline call about a child in danger: the operator flagged danger now, and the survivor's age
 * group is a child's or the call involves a child.
 */
export function isChildEmergencyCall(call: {
  dangerNow: boolean;
  childInvolved: boolean;
  survivorAgeGroup: AgeGroup | null;
}): boolean {
  if (!call.dangerNow) return false;
  return (
    call.childInvolved || (call.survivorAgeGroup !== null && isChildAgeGroup(call.survivorAgeGroup))
  );
}

function isChildAgeGroup(group: AgeGroup): boolean {
  return riskAudienceFor(group) === 'child';
}

export interface ChildEmergencyProblem {
  field: 'survivor' | 'emergency' | 'takenAt' | 'note';
  code: 'not_a_child' | 'already_open' | 'in_future' | 'before_start' | 'required';
  message: string;
}

/**
 * Whether serious danger starts an emergency: only for a child, and only once while an emergency
 * of the case waits for its intervention (a second mark is the same emergency). The automatic
 * triggers (an assessment, a hotline call) start nothing when this answers a problem; a
 * caseworker's mark answers it (409).
 */
export function checkChildEmergencyStart(facts: {
  isChild: boolean;
  openEmergency: boolean;
}): ChildEmergencyProblem[] {
  if (!facts.isChild) {
    return [
      {
        field: 'survivor',
        code: 'not_a_child',
        message: 'the survivor is not a child (under 16): there is no child emergency clock',
      },
    ];
  }
  if (facts.openEmergency) {
    return [
      {
        field: 'emergency',
        code: 'already_open',
        message: 'an emergency of this case waits for its intervention already',
      },
    ];
  }
  return [];
}

const MINUTE_MS = 60 * 1000;

/** Times are entered to the minute: an intervention in the minute the information came is after it. */
function startOfMinute(instant: Date): number {
  return instant.getTime() - (instant.getTime() % MINUTE_MS);
}

/**
 * Recording the intervention: taken between the start of the emergency (to the minute, as the
 * form enters it) and now; "other" says what.
 * An intervention already recorded is checked by the caller (409 `already_recorded`).
 */
export function checkChildIntervention(
  input: { measure: ChildInterventionMeasure; note: string | null; takenAt: Date },
  emergency: { startedAt: Date },
  now: Date,
): ChildEmergencyProblem[] {
  const problems: ChildEmergencyProblem[] = [];
  if (input.takenAt.getTime() > now.getTime()) {
    problems.push({
      field: 'takenAt',
      code: 'in_future',
      message: 'takenAt cannot be in the future',
    });
  } else if (input.takenAt.getTime() < startOfMinute(emergency.startedAt)) {
    problems.push({
      field: 'takenAt',
      code: 'before_start',
      message: 'takenAt is after the emergency started',
    });
  }
  if (input.measure === 'other' && !(input.note ?? '').trim()) {
    problems.push({ field: 'note', code: 'required', message: 'say what was done' });
  }
  return problems;
}
