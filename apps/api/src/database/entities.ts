import { AdministrativeUnitNameEntity } from '../modules/administrative-units/administrative-unit-name.entity';
import { AdministrativeUnitEntity } from '../modules/administrative-units/administrative-unit.entity';
import { AgencyEntity } from '../modules/agencies/agency.entity';
import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { CalendarDayEntity } from '../modules/calendar/calendar-day.entity';
import { PeriodicReportEntity } from '../modules/periodic-reports/periodic-report.entity';
import { ReportCalendarEntryEntity } from '../modules/periodic-reports/report-calendar-entry.entity';
import { CallEntity } from '../modules/calls/call.entity';
import { HotlineLineEntity } from '../modules/calls/hotline-line.entity';
import { CaseNoteEntity } from '../modules/cases/case-note.entity';
import { CaseEntity } from '../modules/cases/case.entity';
import { ConsentRecordEntity } from '../modules/cases/consent-record.entity';
import { IncidentEntity } from '../modules/cases/incident.entity';
import { SurvivorEntity } from '../modules/cases/survivor.entity';
import { DeadlineStageEntity } from '../modules/deadlines/deadline-stage.entity';
import { DeadlineEntity } from '../modules/deadlines/deadline.entity';
import { IncidentReportEntity } from '../modules/incident-reports/incident-report.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { CommunityReferralEntity } from '../modules/community-referrals/community-referral.entity';
import { IntakeItemEntity } from '../modules/intake/intake-item.entity';
import { ReferralEventEntity } from '../modules/referrals/referral-event.entity';
import { ReferralEntity } from '../modules/referrals/referral.entity';
import { ResponseTimeEntity } from '../modules/referrals/response-time.entity';
import { ServiceRecordEntity } from '../modules/referrals/service-record.entity';
import { AccountChangeEntity } from '../modules/users/account-change.entity';
import { OneTimeCodeEntity } from '../modules/users/one-time-code.entity';
import { UserEntity } from '../modules/users/user.entity';
import { CaseClosureEntity } from '../modules/cases/closure/case-closure.entity';

export const ENTITIES = [
  AdministrativeUnitEntity,
  AdministrativeUnitNameEntity,
  AgencyEntity,
  UserEntity,
  AccountChangeEntity,
  OneTimeCodeEntity,
  SessionEntity,
  AuditLogEntity,
  HotlineLineEntity,
  CallEntity,
  CommunityReferralEntity,
  IntakeItemEntity,
  SurvivorEntity,
  CaseEntity,
  IncidentEntity,
  ConsentRecordEntity,
  CaseNoteEntity,
  CaseClosureEntity,
  CalendarDayEntity,
  ReportCalendarEntryEntity,
  PeriodicReportEntity,
  DeadlineEntity,
  DeadlineStageEntity,
  NotificationEntity,
  IncidentReportEntity,
  ReferralEntity,
  ReferralEventEntity,
  ServiceRecordEntity,
  ResponseTimeEntity,
];
