/** What a rule can be about. Case-content subjects exist now so that denials are explicit from day one. */
export const ADMINISTRATION_SUBJECTS = [
  'User',
  'Agency',
  'AdministrativeUnit',
  'Setting',
  'AuditLog',
  'HotlineLine',
  'CalendarDay',
  /** Per province and year: when each periodic report is due (defaults from the seeds). */
  'ReportCalendar',
  /** A requested change to an account, waiting for a second person (the two-person rule). */
  'AccountChange',
  /** A versioned risk checklist: wording and weights, no case content. */
  'RiskInstrument',
] as const;

/** Everything that carries survivor or case information. The admin role may never touch these. */
export const CASE_CONTENT_SUBJECTS = [
  'Case',
  'Survivor',
  'Incident',
  'Call',
  'CommunityReferral',
  'IntakeItem',
  'ConsentRecord',
  'Referral',
  'ServiceRecord',
  'IncidentReport',
  'Deadline',
  'CaseNote',
  /** Aggregates over case records (decision 0021): counts only, protected against small cells. */
  'Statistics',
  /** A centre's periodic report to the province: protected aggregates and a narrative, no identity. */
  'PeriodicReport',
  /**
   * A protective measure on a case (Law 13/2022 Art. 22): the deciding body and the commune police see
   * its packet, never the case.
   */
  'ProtectiveMeasure',
  /**
   * A case conference: `agencyId` is the convening centre, `invitedAgencyIds` the agencies invited.
   * An invitee sees the conference, never the case.
   */
  'Conference',
] as const;

/** A person's own things, whatever their role. */
export const PERSONAL_SUBJECTS = ['Notification'] as const;

export type AdministrationSubject = (typeof ADMINISTRATION_SUBJECTS)[number];
export type CaseContentSubject = (typeof CASE_CONTENT_SUBJECTS)[number];
export type PersonalSubject = (typeof PERSONAL_SUBJECTS)[number];
export type SubjectType = AdministrationSubject | CaseContentSubject | PersonalSubject | 'all';

export const ACTIONS = [
  'manage',
  'create',
  'read',
  'update',
  'disable',
  'reset_password',
  /** Give a case to a caseworker (supervisors). */
  'assign',
  /** Show a survivor's identity in clear; audited on its own. */
  'reveal_identity',
  /** Open a case's access log ("who saw this file"). */
  'audit',
  /**
   * Approve a case's incident report before it goes to the province (supervisors); decide (approve or
   * reject) a requested account change.
   */
  'approve',
] as const;
export type Action = (typeof ACTIONS)[number];
