import { INCIDENT_REPORT_STATUSES } from '../clocks/deadline-kinds';
import type {
  IncidentReportAction,
  IncidentReportRefusal,
} from '../incident-reports/incident-report-status';
import { incidentReportTransition } from '../incident-reports/incident-report-status';

/** Where a centre's periodic report stands: drafted, approved, sent to the province, acknowledged. */
export const PERIODIC_REPORT_STATUSES = INCIDENT_REPORT_STATUSES;
export type PeriodicReportStatus = (typeof PERIODIC_REPORT_STATUSES)[number];

/**
 * What can happen to a periodic report: the centre's supervisor edits the narrative, approves and
 * submits; the province's reporting officer acknowledges.
 */
export type PeriodicReportAction = IncidentReportAction;

/** Why an action is refused from a status (the API answers 409 with this code). */
export type PeriodicReportRefusal = IncidentReportRefusal | 'not_submitted';

/**
 * The 10-day incident report's machine (draft → approved → submitted → acknowledged; editing an
 * approved draft sends it back; a submitted report is final), except that acknowledging a report the
 * province has not received says so (`not_submitted`). The spec pins every cell.
 */
export function periodicReportTransition(
  status: PeriodicReportStatus,
  action: PeriodicReportAction,
): { next: PeriodicReportStatus } | { refused: PeriodicReportRefusal } {
  if (action === 'acknowledge' && (status === 'draft' || status === 'approved')) {
    return { refused: 'not_submitted' };
  }
  return incidentReportTransition(status, action);
}

/** The actions allowed from a status (drives which buttons the web shows). */
export function allowedPeriodicReportActions(status: PeriodicReportStatus): PeriodicReportAction[] {
  const actions: PeriodicReportAction[] = ['edit', 'approve', 'submit', 'acknowledge'];
  return actions.filter((action) => 'next' in periodicReportTransition(status, action));
}
