/** What a rule can be about. Case-content subjects exist now so that denials are explicit from day one. */
export const ADMINISTRATION_SUBJECTS = [
  'User',
  'Agency',
  'AdministrativeUnit',
  'Setting',
  'AuditLog',
] as const;

/** Everything that carries survivor or case information. The admin role may never touch these. */
export const CASE_CONTENT_SUBJECTS = [
  'Case',
  'Survivor',
  'Incident',
  'Call',
  'CommunityReferral',
  'ConsentRecord',
  'Referral',
  'IncidentReport',
  'Deadline',
  'CaseNote',
] as const;

export type AdministrationSubject = (typeof ADMINISTRATION_SUBJECTS)[number];
export type CaseContentSubject = (typeof CASE_CONTENT_SUBJECTS)[number];
export type SubjectType = AdministrationSubject | CaseContentSubject | 'all';

export const ACTIONS = ['manage', 'create', 'read', 'update', 'disable', 'reset_password'] as const;
export type Action = (typeof ACTIONS)[number];
