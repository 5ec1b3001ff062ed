import type { CaseStage } from '../intake/vocabulary';

/** Why a case closes (IASC step 6). */
export const CLOSURE_REASONS = [
  'needs_met',
  'survivor_wish',
  'moved_away',
  'no_contact',
  'transferred',
  'died',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** How far the case plan's goals were reached when the case closes. */
export const CLOSURE_GOAL_STATUSES = ['achieved', 'partly_achieved', 'not_achieved'] as const;
export type ClosureGoalStatus = (typeof CLOSURE_GOAL_STATUSES)[number];

/** A closure request's own status: waiting for the supervisor, then approved or returned. */
export const CLOSURE_REQUEST_STATUSES = ['requested', 'approved', 'returned'] as const;
export type ClosureRequestStatus = (typeof CLOSURE_REQUEST_STATUSES)[number];

/** The summary and comments are free text the caseworker writes; bounded like case notes. */
export const CLOSURE_SUMMARY_MAX = 4000;
export const CLOSURE_COMMENT_MAX = 2000;

export type CaseClosureAction =
  /** Caseworker (or supervisor) in charge of the case. */
  | 'request_closure'
  /** A supervisor of the centre, never the one who asked. */
  | 'approve_closure'
  | 'return_closure'
  | 'reopen';

export type CaseClosureRefusal =
  | 'closure_pending'
  | 'case_closed'
  | 'no_closure_request'
  | 'case_not_closed';

/** `previous`: back to the stage the case was in when closure was requested. */
type Cell = CaseStage | 'previous' | { refused: CaseClosureRefusal };

const OPEN_TO_PENDING: Readonly<Record<CaseStage, Cell>> = {
  intake: 'closure_pending',
  assessment: 'closure_pending',
  case_planning: 'closure_pending',
  implementation: 'closure_pending',
  follow_up: 'closure_pending',
  reopened: 'closure_pending',
  closure_pending: { refused: 'closure_pending' },
  closed: { refused: 'case_closed' },
};

/**
 * Closure as a table, one row per action over every case stage. Any open stage may ask for closure
 * (the survivor may stop at any time); a supervisor approves (closed) or returns it with a comment
 * (back to the stage it was asked from); only a closed case reopens, to start again at assessment.
 */
const TRANSITIONS: Readonly<Record<CaseClosureAction, Readonly<Record<CaseStage, Cell>>>> = {
  request_closure: OPEN_TO_PENDING,
  approve_closure: {
    intake: { refused: 'no_closure_request' },
    assessment: { refused: 'no_closure_request' },
    case_planning: { refused: 'no_closure_request' },
    implementation: { refused: 'no_closure_request' },
    follow_up: { refused: 'no_closure_request' },
    reopened: { refused: 'no_closure_request' },
    closure_pending: 'closed',
    closed: { refused: 'case_closed' },
  },
  return_closure: {
    intake: { refused: 'no_closure_request' },
    assessment: { refused: 'no_closure_request' },
    case_planning: { refused: 'no_closure_request' },
    implementation: { refused: 'no_closure_request' },
    follow_up: { refused: 'no_closure_request' },
    reopened: { refused: 'no_closure_request' },
    closure_pending: 'previous',
    closed: { refused: 'case_closed' },
  },
  reopen: {
    intake: { refused: 'case_not_closed' },
    assessment: { refused: 'case_not_closed' },
    case_planning: { refused: 'case_not_closed' },
    implementation: { refused: 'case_not_closed' },
    follow_up: { refused: 'case_not_closed' },
    reopened: { refused: 'case_not_closed' },
    closure_pending: { refused: 'case_not_closed' },
    closed: 'reopened',
  },
};

/**
 * The stage after a closure action, or the reason it is refused. `previousStage` is the stage the
 * pending request was made from (a returned request goes back there).
 */
export function caseClosureTransition(
  stage: CaseStage,
  action: CaseClosureAction,
  previousStage: CaseStage | null = null,
): { next: CaseStage } | { refused: CaseClosureRefusal } {
  const cell = TRANSITIONS[action][stage];
  if (typeof cell !== 'string') return cell;
  if (cell === 'previous') return { next: previousStage ?? 'follow_up' };
  return { next: cell };
}

/** The closure actions open from a stage (drives the buttons of the case page). */
export function allowedClosureActions(stage: CaseStage): CaseClosureAction[] {
  return (Object.keys(TRANSITIONS) as CaseClosureAction[]).filter(
    (action) => typeof TRANSITIONS[action][stage] === 'string',
  );
}

/** Stage moves that only the closure steps make (a plain stage change may not). */
export function isClosureStep(from: CaseStage, to: CaseStage): boolean {
  return (
    to === 'closure_pending' || to === 'closed' || to === 'reopened' || from === 'closure_pending'
  );
}

/** What keeps a case from closing: work it started that is not finished. */
export type ClosureBlocker = 'referral_open' | 'incident_report_open';

export function closureBlockers(open: {
  referralsSent: number;
  incidentReports: number;
}): ClosureBlocker[] {
  const blockers: ClosureBlocker[] = [];
  if (open.referralsSent > 0) blockers.push('referral_open');
  if (open.incidentReports > 0) blockers.push('incident_report_open');
  return blockers;
}

/** A closed case is read-only: changing it needs a reopening first. */
export function isCaseEditable(stage: CaseStage): boolean {
  return stage !== 'closed';
}
