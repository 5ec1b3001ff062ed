import type { IncidentReportStatus } from '../clocks/deadline-kinds';

/** What can happen to a serious-incident report, and who does it. */
export type IncidentReportAction =
  /** Caseworker: change the draft (an approved draft goes back for approval). */
  | 'edit'
  /** Supervisor. */
  | 'approve'
  /** Caseworker or supervisor: send the approved report to the province (meets the 10-day clock). */
  | 'submit'
  /** Reporting officer of the province. */
  | 'acknowledge';

/** Why an action is refused from a status (the API answers 409 with this code). */
export type IncidentReportRefusal =
  | 'already_submitted'
  | 'already_approved'
  | 'not_approved'
  | 'already_acknowledged';

type Cell = IncidentReportStatus | { refused: IncidentReportRefusal };

/**
 * The report's state machine, one row per action: draft → approved (supervisor) → submitted to the
 * province → acknowledged there. Editing an approved draft sends it back to draft; a submitted
 * report is final. Each refused cell names its reason.
 */
const TRANSITIONS: Readonly<
  Record<IncidentReportAction, Readonly<Record<IncidentReportStatus, Cell>>>
> = {
  edit: {
    draft: 'draft',
    approved: 'draft',
    submitted: { refused: 'already_submitted' },
    acknowledged: { refused: 'already_submitted' },
  },
  approve: {
    draft: 'approved',
    approved: { refused: 'already_approved' },
    submitted: { refused: 'already_submitted' },
    acknowledged: { refused: 'already_submitted' },
  },
  submit: {
    draft: { refused: 'not_approved' },
    approved: 'submitted',
    submitted: { refused: 'already_submitted' },
    acknowledged: { refused: 'already_submitted' },
  },
  acknowledge: {
    draft: { refused: 'already_acknowledged' },
    approved: { refused: 'already_acknowledged' },
    submitted: 'acknowledged',
    acknowledged: { refused: 'already_acknowledged' },
  },
};

/** The status after `action`, or the reason it is refused from `status`. */
export function incidentReportTransition(
  status: IncidentReportStatus,
  action: IncidentReportAction,
): { next: IncidentReportStatus } | { refused: IncidentReportRefusal } {
  const cell = TRANSITIONS[action][status];
  return typeof cell === 'string' ? { next: cell } : cell;
}

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextIncidentReportStatus(
  status: IncidentReportStatus,
  action: IncidentReportAction,
): IncidentReportStatus | null {
  const cell = TRANSITIONS[action][status];
  return typeof cell === 'string' ? cell : null;
}

/** The actions allowed from a status (drives which buttons the web shows). */
export function allowedIncidentReportActions(status: IncidentReportStatus): IncidentReportAction[] {
  return (Object.keys(TRANSITIONS) as IncidentReportAction[]).filter(
    (action) => nextIncidentReportStatus(status, action) !== null,
  );
}

/** A report still in the centre's hands (not yet sent to the province): it keeps its case open. */
export function isIncidentReportOpen(status: IncidentReportStatus): boolean {
  return status === 'draft' || status === 'approved';
}
