/**
 * Every kind of clock the system runs: the 10-day report, a referral's respond-by time, and the
 * case reviews (risk reassessment, safety plan review; case-management/case-review-clocks.ts), and a
 * consent's expiry (intake/consent-expiry.ts), and each planned follow-up contact
 * (case-management/follow-up.ts), and a centre's periodic report to its province
 * (periodic-reports/report-clock.ts), and a child's emergency intervention and support plan
 * (case-management/child-emergency.ts).
 */
export const DEADLINE_KINDS = [
  'incident_report',
  'referral_response',
  'risk_reassessment',
  'safety_plan_review',
  'consent_expiry',
  'follow_up',
  'periodic_report',
  /** Protection (protection/protection-clocks.ts): the commune's 12-hour decision on a no-contact order, */
  'no_contact_decision',
  /** the commune police's 1-hour supervision plan, */
  'supervision_plan',
  /** and an order's end (renewal or a court order). */
  'measure_expiry',
  /** An action agreed at a case conference (conferences/conference.ts). */
  'conference_action',
  'child_emergency',
  'child_support_plan',
  /** An action of a case's action plan, by its due date (case-management/case-plan.ts). */
  'plan_action',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATUSES = ['pending', 'met', 'breached', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Who a stage speaks to. */
export const STAGE_AUDIENCES = [
  'assigned_caseworker',
  'supervisors',
  'reporting_officers',
  /** Users of the agency a referral is addressed to who work its inbox. */
  'receiving_agency',
  /** The caseworker who sent a referral (the centre's supervisors if they have left). */
  'referring_user',
  /** Officers of the commune committee a protective measure is addressed to (never the case). */
  'deciding_agency',
  /** The caseworker who requested a protective measure (the centre's supervisors if they have left). */
  'requesting_user',
  /** Users of the commune police covering an order's commune (never the case). */
  'police_agency',
  /** Users of the agency that owns a conference action who work its conference inbox. */
  'action_owner_agency',
  /** The supervisor who convened a conference (the centre's supervisors if they have left). */
  'convener',
] as const;
export type StageAudience = (typeof STAGE_AUDIENCES)[number];

export type StageKind = 'reminder' | 'escalation';

export interface StagePlan {
  stage: string;
  kind: StageKind;
  audience: StageAudience;
  /** Relative to the due instant: negative is before, positive after. */
  offsetMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The 10-day serious-incident report (seed 003 VI.2): reminders to the assigned caseworker some days
 * before (default 3 and 1), escalation to the supervisors at the deadline and to the province's
 * reporting officers one day after.
 */
export function incidentReportStages(reminderDaysBefore: readonly number[]): StagePlan[] {
  const reminders = [...new Set(reminderDaysBefore)]
    .sort((a, b) => b - a)
    .map((days) => ({
      stage: `reminder_${days}d`,
      kind: 'reminder' as const,
      audience: 'assigned_caseworker' as const,
      offsetMs: -days * DAY_MS,
    }));
  return [
    ...reminders,
    { stage: 'escalation_due', kind: 'escalation', audience: 'supervisors', offsetMs: 0 },
    {
      stage: 'escalation_1d_after',
      kind: 'escalation',
      audience: 'reporting_officers',
      offsetMs: DAY_MS,
    },
  ];
}

export const INCIDENT_REPORT_PERIOD_DAYS = 10;

export const INCIDENT_REPORT_STATUSES = ['draft', 'approved', 'submitted', 'acknowledged'] as const;
export type IncidentReportStatus = (typeof INCIDENT_REPORT_STATUSES)[number];
