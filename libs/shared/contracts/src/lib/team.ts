/**
 * One row of the supervisor's team view: a person of the centre and the open cases assigned to
 * them (`userId` null: the centre's unassigned cases). Counts of the supervisor's own centre, for
 * managing the work, never published: no small-cell rule applies.
 */
export interface CaseloadRow {
  userId: string | null;
  displayName: string | null;
  openCases: number;
  highRiskCases: number;
  /** Running clocks of those cases past their due instant (what the deadline board lists as overdue). */
  overdueClocks: number;
  /** Action plan versions submitted and waiting for a supervisor's decision. */
  plansWaiting: number;
  /** Closure requests waiting for a supervisor's decision. */
  closuresWaiting: number;
}

export interface TeamCaseloadView {
  asOf: string;
  rows: CaseloadRow[];
}
