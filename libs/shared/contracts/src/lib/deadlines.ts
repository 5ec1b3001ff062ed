import type {
  DeadlineKind,
  DeadlineStatus,
  GbvType,
  IncidentReportStatus,
  StageAudience,
} from '@caunoi/shared/domain';

export interface DeadlineStageView {
  stage: string;
  kind: 'reminder' | 'escalation';
  audience: StageAudience;
  dueAt: string;
  firedAt: string | null;
  cancelledAt: string | null;
}

export interface DeadlineView {
  id: string;
  kind: DeadlineKind;
  subjectType: string;
  subjectId: string;
  caseId: string | null;
  survivorCode: string | null;
  startedAt: string;
  dueAt: string;
  status: DeadlineStatus;
  metAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  stages: DeadlineStageView[];
}

export interface DeadlineBoardQuery {
  /** `overdue`, `today`, `week` (due within 7 days), or everything open. */
  bucket?: 'overdue' | 'today' | 'week' | 'open';
  after?: string;
  limit?: number;
}

export type CalendarDayKindValue = 'public_holiday' | 'compensatory_day_off' | 'makeup_working_day';

export interface CalendarDayView {
  date: string;
  kind: CalendarDayKindValue;
  name: string;
}

export interface UpsertCalendarDayRequest {
  date: string;
  kind: CalendarDayKindValue;
  name: string;
}

/** Changing the calendar moves the pending day-based deadlines it affects. */
export interface CalendarChangeResult {
  day: CalendarDayView | null;
  deadlinesRecomputed: number;
}

export interface NotificationView {
  id: string;
  kind: string;
  /** Codes only (survivor code, deadline kind, stage, due instant): never identity or incident details. */
  params: Record<string, string | number | boolean | null>;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface UnreadCountView {
  unread: number;
}

/** Coded content of an incident report: no identity, ever. */
export interface IncidentReportContent {
  survivorCode: string;
  gbvType: GbvType;
  dvForms: string[];
  communeCode: string;
  occurredAt: string;
  discoveredAt: string;
  seriousReasons: string[];
  servicesGiven: string[];
  agenciesInvolved: string[];
}

export interface IncidentReportView {
  id: string;
  incidentId: string;
  caseId: string;
  status: IncidentReportStatus;
  content: IncidentReportContent;
  /** Actions taken and result of handling (free text, no identity; encrypted at rest). */
  narrative: string | null;
  dueAt: string | null;
  submittedAt: string | null;
  onTime: boolean | null;
  approvedAt: string | null;
  acknowledgedAt: string | null;
  recipientAgencyId: string | null;
}

export interface SaveIncidentReportRequest {
  servicesGiven?: string[];
  agenciesInvolved?: string[];
  narrative?: string | null;
}

export interface UnmarkSeriousRequest {
  reason: string;
}
