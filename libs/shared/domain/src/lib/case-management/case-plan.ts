import { addDaysToDate } from '../deadlines/calendar';
import type { DeadlineKind, StagePlan } from '../clocks/deadline-kinds';

/**
 * The case action plan (issue 10, IASC step 3): the survivor's needs by domain, the goals agreed with
 * her, and the actions that get there, each with an owner (the centre, or an agency the case is
 * referred to), a due date and a status. The caseworker submits a version; a supervisor of the centre
 * (never the one who submitted) approves it or returns it with a comment. A change after that is a
 * new version, to approve again.
 */
export const CASE_PLAN_DOMAINS = [
  'safety',
  'health',
  'psychosocial',
  'legal',
  'shelter',
  'economic',
  'children',
] as const;
export type CasePlanDomain = (typeof CASE_PLAN_DOMAINS)[number];

export const PLAN_ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type PlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];

/** A version's own status. */
export const CASE_PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type CasePlanStatus = (typeof CASE_PLAN_STATUSES)[number];

export const CASE_PLAN_TEXT_MAX = 1000;
export const CASE_PLAN_COMMENT_MAX = 2000;
export const CASE_PLAN_NEEDS_MAX = 30;
export const CASE_PLAN_GOALS_MAX = 30;
export const CASE_PLAN_ACTIONS_MAX = 60;
/** An action due further away than this is not an action of this plan. */
export const PLAN_ACTION_DUE_MAX_DAYS = 366;

export interface CasePlanNeed {
  domain: CasePlanDomain;
  text: string;
}

export interface CasePlanGoal {
  domain: CasePlanDomain;
  text: string;
}

export interface CasePlanAction {
  /**
   * The action's identity across versions (a UUID the API gives a new action; the editor sends it
   * back unchanged). Its due-date clock on the deadline engine is keyed on it. Versions saved before
   * actions had clocks have none.
   */
  id?: string;
  domain: CasePlanDomain;
  text: string;
  /** Null: the centre itself; else an agency the case has a referral to. */
  ownerAgencyId: string | null;
  dueOn: string;
  status: PlanActionStatus;
}

export interface CasePlanContent {
  needs: CasePlanNeed[];
  goals: CasePlanGoal[];
  actions: CasePlanAction[];
}

export type CasePlanStep = 'save' | 'submit' | 'approve' | 'return';

export type CasePlanRefusal =
  /** A version waits for a supervisor: it is decided before anyone changes the plan. */
  'plan_submitted' | 'no_plan' | 'plan_not_draft' | 'plan_not_submitted';

type Cell = CasePlanStatus | { refused: CasePlanRefusal };

/** `none`: the case has no plan yet. The row is the latest version's status. */
const TRANSITIONS: Readonly<Record<CasePlanStep, Readonly<Record<CasePlanStatus | 'none', Cell>>>> =
  {
    /** Saving always makes a new version, a draft. */
    save: {
      none: 'draft',
      draft: 'draft',
      submitted: { refused: 'plan_submitted' },
      approved: 'draft',
      returned: 'draft',
    },
    /** The latest version goes to the supervisors; a returned one is changed (saved) first. */
    submit: {
      none: { refused: 'no_plan' },
      draft: 'submitted',
      submitted: { refused: 'plan_submitted' },
      approved: { refused: 'plan_not_draft' },
      returned: { refused: 'plan_not_draft' },
    },
    approve: {
      none: { refused: 'no_plan' },
      draft: { refused: 'plan_not_submitted' },
      submitted: 'approved',
      approved: { refused: 'plan_not_submitted' },
      returned: { refused: 'plan_not_submitted' },
    },
    return: {
      none: { refused: 'no_plan' },
      draft: { refused: 'plan_not_submitted' },
      submitted: 'returned',
      approved: { refused: 'plan_not_submitted' },
      returned: { refused: 'plan_not_submitted' },
    },
  };

/** The status after a step on the latest version (or `none`), or why it is refused. */
export function casePlanTransition(
  latest: CasePlanStatus | 'none',
  step: CasePlanStep,
): { next: CasePlanStatus } | { refused: CasePlanRefusal } {
  const cell = TRANSITIONS[step][latest];
  return typeof cell === 'string' ? { next: cell } : cell;
}

/** The steps open on the latest version (drives the buttons). */
export function allowedCasePlanSteps(latest: CasePlanStatus | 'none'): CasePlanStep[] {
  return (Object.keys(TRANSITIONS) as CasePlanStep[]).filter(
    (step) => typeof TRANSITIONS[step][latest] === 'string',
  );
}

export interface CasePlanProblem {
  field: string;
  code: string;
  message: string;
}

/** Trimmed texts; entries left empty are dropped. */
export function normaliseCasePlan(plan: CasePlanContent): CasePlanContent {
  return {
    needs: plan.needs
      .map((n) => ({ domain: n.domain, text: n.text.trim() }))
      .filter((n) => n.text.length > 0),
    goals: plan.goals
      .map((g) => ({ domain: g.domain, text: g.text.trim() }))
      .filter((g) => g.text.length > 0),
    actions: plan.actions
      .map((a) => ({
        ...(a.id === undefined ? {} : { id: a.id }),
        domain: a.domain,
        text: a.text.trim(),
        ownerAgencyId: a.ownerAgencyId,
        dueOn: a.dueOn,
        status: a.status,
      }))
      .filter((a) => a.text.length > 0),
  };
}

/**
 * What is wrong with a plan to save (its shape is the DTO's business): no goal, no action, an action
 * owned by an agency the case is not referred to, an action due more than a year ahead. Past due
 * dates stay allowed: an overdue action is carried into the next version as it is.
 */
export function checkCasePlan(
  plan: CasePlanContent,
  today: string,
  referredAgencyIds: readonly string[],
): CasePlanProblem[] {
  const problems: CasePlanProblem[] = [];
  const clean = normaliseCasePlan(plan);
  if (clean.goals.length === 0) {
    problems.push({ field: 'goals', code: 'no_goal', message: 'a plan has at least one goal' });
  }
  if (clean.actions.length === 0) {
    problems.push({
      field: 'actions',
      code: 'no_action',
      message: 'a plan has at least one action',
    });
  }
  const latest = addDaysToDate(today, PLAN_ACTION_DUE_MAX_DAYS);
  const referred = new Set(referredAgencyIds);
  plan.actions.forEach((action, i) => {
    if (action.ownerAgencyId !== null && !referred.has(action.ownerAgencyId)) {
      problems.push({
        field: `actions.${i}.ownerAgencyId`,
        code: 'owner_not_referred',
        message: 'an action belongs to the centre or to an agency this case is referred to',
      });
    }
    if (action.dueOn > latest) {
      problems.push({
        field: `actions.${i}.dueOn`,
        code: 'due_too_far',
        message: `an action is due within ${PLAN_ACTION_DUE_MAX_DAYS} days`,
      });
    }
  });
  return problems;
}

/** Open actions whose due date has passed (Vietnam dates: due today is not yet overdue). */
export function overduePlanActions(plan: CasePlanContent, today: string): CasePlanAction[] {
  return plan.actions.filter((a) => isPlanActionOverdue(a, today));
}

export function isPlanActionOverdue(action: CasePlanAction, today: string): boolean {
  return (action.status === 'planned' || action.status === 'in_progress') && action.dueOn < today;
}

export type CasePlanPart = 'needs' | 'goals' | 'actions';

/** Which parts changed between two versions (the history and the audit name parts, not texts). */
export function changedCasePlanParts(
  before: CasePlanContent | null,
  after: CasePlanContent,
): CasePlanPart[] {
  const parts: CasePlanPart[] = ['needs', 'goals', 'actions'];
  return parts.filter(
    (part) => JSON.stringify(before?.[part] ?? []) !== JSON.stringify(after[part]),
  );
}

/**
 * Each open action (planned or in progress) with a due date runs a `plan_action` clock: the
 * caseworker is reminded three days and one day before, the supervisors hear of it when the day has
 * passed. Done meets it; cancelled, removed or re-dated ends it (a new date starts a new clock).
 */
export const PLAN_ACTION_KIND = 'plan_action' as const satisfies DeadlineKind;

const DAY_MS = 24 * 60 * 60 * 1000;

export function planActionStages(): StagePlan[] {
  return [
    {
      stage: 'reminder_3d',
      kind: 'reminder',
      audience: 'assigned_caseworker',
      offsetMs: -3 * DAY_MS,
    },
    { stage: 'reminder_1d', kind: 'reminder', audience: 'assigned_caseworker', offsetMs: -DAY_MS },
    { stage: 'escalation_due', kind: 'escalation', audience: 'supervisors', offsetMs: 0 },
  ];
}

export function isPlanActionOpen(action: Pick<CasePlanAction, 'status'>): boolean {
  return action.status === 'planned' || action.status === 'in_progress';
}

/**
 * Gives the actions of a new version their identity. An action sent with an id keeps it when the
 * version it was made from has that action; an unknown or repeated id is a problem naming the field.
 * An action without one is new and gets `newId()`; so does a done or cancelled action set going
 * again (a fresh clock for what is, in effect, a new undertaking).
 */
export function identifyPlanActions(
  before: readonly CasePlanAction[],
  after: readonly CasePlanAction[],
  newId: () => string,
): { actions: CasePlanAction[]; problems: CasePlanProblem[] } {
  const previous = new Map(
    before.filter((a) => a.id !== undefined).map((a) => [a.id as string, a] as const),
  );
  const seen = new Set<string>();
  const problems: CasePlanProblem[] = [];
  const actions = after.map((action, i) => {
    if (action.id === undefined) return { ...action, id: newId() };
    const was = previous.get(action.id);
    if (!was) {
      problems.push({
        field: `actions.${i}.id`,
        code: 'unknown_action',
        message: 'an action id comes from the version the plan was made from',
      });
      return action;
    }
    if (seen.has(action.id)) {
      problems.push({
        field: `actions.${i}.id`,
        code: 'duplicate_action',
        message: 'each action appears once in a plan',
      });
      return action;
    }
    seen.add(action.id);
    return !isPlanActionOpen(was) && isPlanActionOpen(action) ? { ...action, id: newId() } : action;
  });
  return { actions, problems };
}

export type PlanActionClockStep =
  | { step: 'start'; id: string; dueOn: string }
  | { step: 'meet'; id: string }
  | { step: 'cancel'; id: string; reason: 'action_cancelled' | 'action_removed' | 'due_changed' };

/**
 * What a new version does to the actions' clocks, from the version it was made from (both with
 * ids; actions of old versions without one never had a clock). Cancels come before starts, so a
 * re-dated action's old clock ends before its new one begins.
 */
export function planActionClockSteps(
  before: readonly CasePlanAction[],
  after: readonly CasePlanAction[],
): PlanActionClockStep[] {
  const previous = new Map(
    before.filter((a) => a.id !== undefined).map((a) => [a.id as string, a] as const),
  );
  const next = new Map(
    after.filter((a) => a.id !== undefined).map((a) => [a.id as string, a] as const),
  );
  const closing: PlanActionClockStep[] = [];
  const starting: PlanActionClockStep[] = [];
  for (const [id, was] of previous) {
    if (!isPlanActionOpen(was)) continue;
    const now = next.get(id);
    if (!now) closing.push({ step: 'cancel', id, reason: 'action_removed' });
    else if (now.status === 'done') closing.push({ step: 'meet', id });
    else if (now.status === 'cancelled')
      closing.push({ step: 'cancel', id, reason: 'action_cancelled' });
    else if (now.dueOn !== was.dueOn) {
      closing.push({ step: 'cancel', id, reason: 'due_changed' });
      starting.push({ step: 'start', id, dueOn: now.dueOn });
    }
  }
  for (const [id, now] of next) {
    const was = previous.get(id);
    if (isPlanActionOpen(now) && (!was || !isPlanActionOpen(was))) {
      starting.push({ step: 'start', id, dueOn: now.dueOn });
    }
  }
  return [...closing, ...starting];
}
