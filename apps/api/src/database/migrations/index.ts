import { Foundation1763800000000 } from './1763800000000-foundation';
import { Intake1763900000000 } from './1763900000000-intake';
import { Deadlines1764000000000 } from './1764000000000-deadlines';
import { Referrals1764100000000 } from './1764100000000-referrals';
import { AdministrativeUnits1764240000000 } from './1764240000000-administrative-units';
import { BlindIndexKeys1764240000001 } from './1764240000001-blind-index-keys';
import { AccountChanges1764300000000 } from './1764300000000-account-changes';
import { DatabaseRoles1764310000000 } from './1764310000000-database-roles';
import { AuditCheckpoints1764310000001 } from './1764310000001-audit-checkpoints';
import { SecondFactor1764340000000 } from './1764340000000-second-factor';
import { SecondFactorReset1764340000001 } from './1764340000001-second-factor-reset';
import { CaseClosures1764400000000 } from './1764400000000-case-closures';
import { Statistics1764410000000 } from './1764410000000-statistics';
import { AuditChainLinks1764420000000 } from './1764420000000-audit-chain-links';
import { EmailNotifications1764430000000 } from './1764430000000-email-notifications';
import { OneTimeCodeEmails1764430000001 } from './1764430000001-one-time-code-emails';
import { RiskAssessments1764440000000 } from './1764440000000-risk-assessments';
import { SafetyPlans1764440000001 } from './1764440000001-safety-plans';
import { Perpetrators1764470000000 } from './1764470000000-perpetrators';
import { ConsentExpiry1764440000002 } from './1764440000002-consent-expiry';
import { CasePlans1764450000000 } from './1764450000000-case-plans';
import { CaseFollowUps1764460000000 } from './1764460000000-case-follow-ups';
import { ReportCalendar1764480000000 } from './1764480000000-report-calendar';
import { PeriodicReports1764490000000 } from './1764490000000-periodic-reports';
import { ProtectiveMeasures1764500000000 } from './1764500000000-protective-measures';
import { CaseConferences1764510000000 } from './1764510000000-case-conferences';
import { ChildEmergencies1764520000000 } from './1764520000000-child-emergencies';
import { CaseCorrections1764520000001 } from './1764520000001-case-corrections';
import { CommunityReferralIdempotency1764540000000 } from './1764540000000-community-referral-idempotency';
import { IntakeDismissals1764550000000 } from './1764550000000-intake-dismissals';
import { CorrectionVersions1764600000000 } from './1764600000000-correction-versions';
import { MeasureRevocationConferenceCancel1764620000000 } from './1764620000000-measure-revocation-conference-cancel';
import { DeadlineEnqueueFailures1764660000000 } from './1764660000000-deadline-enqueue-failures';
import { CaseSourceAgencyReferral1764730000000 } from './1764730000000-case-source-agency-referral';
import { CommunityReferralsTargetIndex1764730000001 } from './1764730000001-community-referrals-target-index';
import { RiskAssessmentCorrections1764740000000 } from './1764740000000-risk-assessment-corrections';
import { StatisticsYearCounts1764750000000 } from './1764750000000-statistics-year-counts';

/** Every migration, in order. The bundle cannot glob, so each one is listed here. */
export const MIGRATIONS = [
  Foundation1763800000000,
  Intake1763900000000,
  Deadlines1764000000000,
  Referrals1764100000000,
  AdministrativeUnits1764240000000,
  BlindIndexKeys1764240000001,
  AccountChanges1764300000000,
  DatabaseRoles1764310000000,
  AuditCheckpoints1764310000001,
  SecondFactor1764340000000,
  SecondFactorReset1764340000001,
  CaseClosures1764400000000,
  Statistics1764410000000,
  AuditChainLinks1764420000000,
  EmailNotifications1764430000000,
  OneTimeCodeEmails1764430000001,
  RiskAssessments1764440000000,
  SafetyPlans1764440000001,
  ConsentExpiry1764440000002,
  CasePlans1764450000000,
  CaseFollowUps1764460000000,
  Perpetrators1764470000000,
  ReportCalendar1764480000000,
  PeriodicReports1764490000000,
  ProtectiveMeasures1764500000000,
  CaseConferences1764510000000,
  ChildEmergencies1764520000000,
  CaseCorrections1764520000001,
  CommunityReferralIdempotency1764540000000,
  IntakeDismissals1764550000000,
  CorrectionVersions1764600000000,
  MeasureRevocationConferenceCancel1764620000000,
  DeadlineEnqueueFailures1764660000000,
  CaseSourceAgencyReferral1764730000000,
  CommunityReferralsTargetIndex1764730000001,
  RiskAssessmentCorrections1764740000000,
  StatisticsYearCounts1764750000000,
];
