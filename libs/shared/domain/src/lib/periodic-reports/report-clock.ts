import type { StagePlan } from '../clocks/deadline-kinds';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A centre's periodic report clock (one per centre and calendar entry, due at the entry's due
 * instant): reminders to the centre's supervisors two weeks, three days and one day before; at the
 * due instant, with no report submitted, escalation to the province's reporting officers.
 */
export function periodicReportStages(): StagePlan[] {
  return [
    ...[14, 3, 1].map((days) => ({
      stage: `reminder_${days}d`,
      kind: 'reminder' as const,
      audience: 'supervisors' as const,
      offsetMs: -days * DAY_MS,
    })),
    { stage: 'escalation_due', kind: 'escalation', audience: 'reporting_officers', offsetMs: 0 },
  ];
}

/**
 * The maintenance pass starts the clock of every centre for each entry due within this many days
 * (drafting starts it earlier): enough for the first reminder, and no clock for a report already late
 * when the system first runs.
 */
export const PERIODIC_REPORT_CLOCK_LEAD_DAYS = 30;
