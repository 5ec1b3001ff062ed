import type { MongoAbility, MongoQuery } from '@casl/ability';
import { AbilityBuilder, createMongoAbility, subject } from '@casl/ability';
import type { Role } from '@caunoi/shared/domain';
import { mayWorkConferenceInvites } from '@caunoi/shared/domain';
import type { Action, SubjectType } from './subjects';
import { CASE_CONTENT_SUBJECTS } from './subjects';

/** The minimum the rules need to know about the person asking. */
export interface AbilityUser {
  id: string;
  role: Role;
  agencyId: string;
}

export type RecordSubjectType = Exclude<SubjectType, 'all'>;

/** A record tagged with its subject type, for instance checks (`ability.can('read', record)`). */
export type TaggedRecord = {
  [S in RecordSubjectType]: Record<string, unknown> & { readonly __caslSubjectType__: S };
}[RecordSubjectType];

/** Tags a plain record (a copy) with its subject type. */
export function subjectOf(type: RecordSubjectType, record: Record<string, unknown>): TaggedRecord {
  return subject(type, { ...record }) as unknown as TaggedRecord;
}

export type AppAbility = MongoAbility<[Action, SubjectType | TaggedRecord], MongoQuery>;

type Builder = AbilityBuilder<AppAbility>;

/**
 * A receiving agency's powers: referrals addressed to it (the service decides, by status, whether the
 * packet is still disclosed) and the service records it wrote, which stay its own.
 */
function receiveReferrals({ can }: Builder, user: AbilityUser): void {
  can(['read', 'update'], 'Referral', { toAgencyId: user.agencyId });
  can(['read', 'create'], 'ServiceRecord', { agencyId: user.agencyId });
}

/** One function per role keeps each role's powers readable in one place. */
const ROLE_RULES: Readonly<Record<Role, (b: Builder, user: AbilityUser) => void>> = {
  admin: ({ can }) => {
    can('manage', [
      'User',
      'Agency',
      'AdministrativeUnit',
      'Setting',
      'HotlineLine',
      'CalendarDay',
      'ReportCalendar',
      'AccountChange',
      'RiskInstrument',
    ]);
    can('read', 'AuditLog', { subjectType: { $in: ['User', 'Agency', 'Session'] } });
  },
  supervisor: (b, user) => {
    const { can } = b;
    const ownCentre = { agencyId: user.agencyId };
    can('read', 'User', ownCentre);
    // Their centre's queue: read, and taken off it without a case (dismissed with a reason).
    can(['read', 'update'], 'IntakeItem', ownCentre);
    can('create', 'Case');
    can(['read', 'update', 'assign', 'reveal_identity', 'audit', 'approve'], 'Case', ownCentre);
    // The second person for their centre's accounts; the domain rule decides each request.
    can(['read', 'approve'], 'AccountChange', { targetAgencyId: user.agencyId });
    can('read', 'Deadline', ownCentre);
    can('read', 'RiskInstrument');
    can('create', 'Referral');
    receiveReferrals(b, user);
    // Their centre's numbers; a statistic is about the centre whose records it counts.
    can('read', 'Statistics', { agencyId: user.agencyId });
    // Their centre's periodic reports: drafted from those numbers, approved and sent by them.
    can(['create', 'read', 'update', 'approve'], 'PeriodicReport', ownCentre);
    // Protective measures on their centre's cases (request, record a decision, report a breach).
    can('create', 'ProtectiveMeasure');
    can(['read', 'update'], 'ProtectiveMeasure', ownCentre);
    // Case conferences their centre convenes (the case's own readers see them through the case).
    can(['create', 'read', 'update'], 'Conference', ownCentre);
  },
  caseworker: (b, user) => {
    const { can } = b;
    const mine = { agencyId: user.agencyId, assignedUserId: user.id };
    can('read', 'User', { agencyId: user.agencyId });
    can(['read', 'update'], 'IntakeItem', { agencyId: user.agencyId });
    can('create', 'Case');
    can(['read', 'update', 'reveal_identity'], 'Case', mine);
    can('read', 'Deadline', mine);
    can('read', 'RiskInstrument');
    // The centre's unassigned queue: visible so someone picks it up; taking it makes it theirs.
    can('read', 'Case', { agencyId: user.agencyId, assignedUserId: null });
    can('create', 'Referral');
    // Another centre may refer a survivor to this one: the centre's inbox.
    receiveReferrals(b, user);
    can('create', 'ProtectiveMeasure');
    can(['read', 'update'], 'ProtectiveMeasure', mine);
  },
  hotline_operator: ({ can }, user) => {
    can('read', 'HotlineLine', { agencyId: user.agencyId });
    can('create', 'Call');
    can(['read', 'update'], 'Call', { agencyId: user.agencyId });
  },
  volunteer: ({ can }, user) => {
    can('create', 'CommunityReferral');
    // Status only: the service maps these to CommunityReferralStatusView and nothing else.
    can('read', 'CommunityReferral', { submittedByUserId: user.id });
    // The volunteer who referred the case may report a breach of its order (Decree 76 Art. 19), and
    // nothing more: no read, so the packet stays closed to them.
    can('update', 'ProtectiveMeasure', { referringVolunteerId: user.id });
  },
  // Liaisons see referrals addressed to their agency and nothing else of a case.
  police_liaison: (b, user) => {
    receiveReferrals(b, user);
    // The commune police supervise the orders of the communes they cover: the packet, never the case.
    b.can(['read', 'update'], 'ProtectiveMeasure', { policeAgencyId: user.agencyId });
  },
  health_liaison: receiveReferrals,
  justice_liaison: receiveReferrals,
  // The commune People's Committee's officer: protective-measure requests addressed to the committee
  // (issue 11), never the case itself.
  commune_officer: ({ can }, user) => {
    can(['read', 'update'], 'ProtectiveMeasure', { decidingAgencyId: user.agencyId });
  },
  // The province's inbox of serious-incident reports: coded content only, never identities.
  reporting_officer: ({ can }, user) => {
    can(['read', 'update'], 'IncidentReport', { recipientAgencyId: user.agencyId });
    // The numbers of every centre that reports to them: the same link as the 10-day reports.
    can('read', 'Statistics', { reportingAgencyId: user.agencyId });
    // Periodic reports once submitted to their agency (a draft has no recipient yet).
    can(['read', 'update'], 'PeriodicReport', { recipientAgencyId: user.agencyId });
  },
};

/**
 * The single source of truth for who may do what, used by the API (guards, instance checks,
 * SQL list filters) and by the web app (to hide what a role may not do).
 */
export function defineAbilityFor(user: AbilityUser): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  const { can, cannot } = builder;

  // Every signed-in person may see the agency directory, the administrative units and themself.
  can('read', ['Agency', 'AdministrativeUnit', 'CalendarDay', 'ReportCalendar']);
  can('read', 'User', { id: user.id });
  can(['read', 'update'], 'Notification', { userId: user.id });

  ROLE_RULES[user.role](builder, user);
  // Whoever works an agency's inbox works its conference invitations (one domain rule decides who).
  if (mayWorkConferenceInvites(user.role)) {
    can(['read', 'update'], 'Conference', { invitedAgencyIds: user.agencyId });
  }

  if (user.role === 'admin') {
    // Last, so it wins over anything granted above, now or in later issues.
    cannot('manage', [...CASE_CONTENT_SUBJECTS]);
  }
  return builder.build();
}

/** Rebuilds an ability from rules the API sent (web side). */
export function abilityFromRules(rules: AppAbility['rules']): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}
