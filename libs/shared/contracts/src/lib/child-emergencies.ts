import type { ChildEmergencySource, ChildInterventionMeasure } from '@caunoi/shared/domain';
import type { DeadlineView } from './deadlines';

/** The intervention taken for a child in serious danger: what, by whom, when. */
export interface ChildInterventionView {
  measure: ChildInterventionMeasure;
  note: string | null;
  takenAt: string;
  recordedByName: string | null;
  recordedAt: string;
}

/**
 * A child emergency on a case (Law on Children 2016, Decree 56/2017): the 12-hour intervention
 * clock from the information, and the 5-working-day support plan clock.
 */
export interface ChildEmergencyView {
  id: string;
  caseId: string;
  source: ChildEmergencySource;
  /** The caseworker's reason (encrypted at rest); null for an assessment or a hotline call. */
  reason: string | null;
  /** When the information arrived (the call's start for a hotline call): the clock counts from it. */
  startedAt: string;
  markedByName: string | null;
  /** The 12-hour intervention clock. */
  emergency: DeadlineView | null;
  /** The 5-working-day support plan clock (one per case at a time: null on a later emergency). */
  supportPlan: DeadlineView | null;
  intervention: ChildInterventionView | null;
}

export interface MarkChildEmergencyRequest {
  /** Why the child is in serious danger (at least 10 characters). */
  reason: string;
}

export interface RecordChildInterventionRequest {
  measure: ChildInterventionMeasure;
  /** What was done, in a sentence; required for `other`. */
  note?: string | null;
  /** When it was taken (not before the emergency started, not in the future). */
  takenAt: string;
}
