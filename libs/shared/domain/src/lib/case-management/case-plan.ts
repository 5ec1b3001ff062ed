import { addDaysToDate } from '../deadlines/calendar';

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
