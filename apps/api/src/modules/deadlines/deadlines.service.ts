import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppAbility } from '@caunoi/shared/authz';
import type { DeadlineBoardQuery, DeadlineView, Page } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { DeadlineKind, DeadlinePeriod } from '@caunoi/shared/domain';
import {
  INCIDENT_REPORT_PERIOD_DAYS,
  computeDueAt,
  incidentReportStages,
  referralResponseStages,
  startOfVietnamDay,
  vietnamDateOf,
  addDaysToDate,
  WorkingCalendar,
} from '@caunoi/shared/domain';
import { Clock } from '../../common/clock';
import { decodeCursor, keysetPage } from '../../common/cursor';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { accessibleWhere } from '../authz/accessible-where';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { CalendarRepository } from '../calendar/calendar.repository';
import type { DeadlineStageEntity } from './deadline-stage.entity';
import type { DeadlineEntity } from './deadline.entity';
import type { StageToSchedule } from './deadlines.repository';
import { DEADLINE_RULE_COLUMNS, DeadlinesRepository } from './deadlines.repository';
import { DeadlineScheduler } from './deadline-scheduler';

/** What a transaction must do with BullMQ once it has committed. */
export interface AfterCommit {
  schedule: StageToSchedule[];
  unschedule: StageToSchedule[];
}

const NO_CALENDAR = new WorkingCalendar([]);

export const NOTHING_AFTER_COMMIT: AfterCommit = { schedule: [], unschedule: [] };

/** Several clock changes in one transaction, told to BullMQ together after commit. */
export function mergeAfterCommit(...parts: AfterCommit[]): AfterCommit {
  return {
    schedule: parts.flatMap((p) => p.schedule),
    unschedule: parts.flatMap((p) => p.unschedule),
  };
}

/**
 * Starts, stops and moves clocks. Every method that writes takes the caller's transaction (the
 * clock row commits with the event that starts it) and returns what to tell BullMQ after commit.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deadlines: DeadlinesRepository,
    private readonly calendar: CalendarRepository,
    private readonly scheduler: DeadlineScheduler,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** A serious incident's 10-day report clock, counted from its discovery (which may be long past). */
  async startIncidentReportClock(
    m: EntityManager,
    incident: { id: string; discoveredAt: Date },
    caseRef: { id: string; agencyId: string },
  ): Promise<AfterCommit> {
    const existing = await this.deadlines.getOpenForSubjectForUpdate(
      m,
      'incident_report',
      incident.id,
    );
    if (existing) return this.moveIfDiscoveryChanged(m, existing, incident.discoveredAt);
    const period: DeadlinePeriod = { unit: 'days', amount: INCIDENT_REPORT_PERIOD_DAYS };
    const dueAt = computeDueAt(incident.discoveredAt, period, await this.calendar.load(m));
    const plans = incidentReportStages(this.config.incidentReportReminderDays);
    const { deadline, stages } = await this.deadlines.insert(
      m,
      {
        kind: 'incident_report',
        subjectType: 'Incident',
        subjectId: incident.id,
        caseId: caseRef.id,
        agencyId: caseRef.agencyId,
        periodUnit: period.unit,
        periodAmount: period.amount,
        startedAt: incident.discoveredAt,
        dueAt,
      },
      plans.map((p) => ({ ...p, dueAt: new Date(dueAt.getTime() + p.offsetMs) })),
    );
    return {
      schedule: stages.map((s) => ({ deadlineId: deadline.id, stage: s.stage, dueAt: s.dueAt })),
      unschedule: [],
    };
  }

  /** Un-marking an incident serious stops its clock, with the reason recorded. */
  cancelIncidentReportClock(
    m: EntityManager,
    incidentId: string,
    reason: string,
  ): Promise<AfterCommit> {
    return this.cancel(m, 'incident_report', incidentId, reason);
  }

  /** Submitting the report meets the clock; returns whether it was on time. */
  meetIncidentReportClock(
    m: EntityManager,
    incidentId: string,
  ): Promise<{ onTime: boolean | null; after: AfterCommit }> {
    return this.meet(m, 'incident_report', incidentId);
  }

  /**
   * A referral's respond-by clock, in hours from sending (hour periods ignore the calendar: the
   * police answer at night too). Returns the due instant, which the referral also shows.
   */
  async startReferralResponseClock(
    m: EntityManager,
    referral: { id: string; caseId: string; fromAgencyId: string; sentAt: Date },
    hours: number,
  ): Promise<{ dueAt: Date; after: AfterCommit }> {
    const period: DeadlinePeriod = { unit: 'hours', amount: hours };
    // An hour period never consults the calendar: no need to load it on every referral.
    const dueAt = computeDueAt(referral.sentAt, period, NO_CALENDAR);
    const plans = referralResponseStages(hours);
    const { deadline, stages } = await this.deadlines.insert(
      m,
      {
        kind: 'referral_response',
        subjectType: 'Referral',
        subjectId: referral.id,
        caseId: referral.caseId,
        agencyId: referral.fromAgencyId,
        periodUnit: period.unit,
        periodAmount: period.amount,
        startedAt: referral.sentAt,
        dueAt,
      },
      plans.map((p) => ({ ...p, dueAt: new Date(dueAt.getTime() + p.offsetMs) })),
    );
    return {
      dueAt,
      after: {
        schedule: stages.map((s) => ({ deadlineId: deadline.id, stage: s.stage, dueAt: s.dueAt })),
        unschedule: [],
      },
    };
  }

  /** An answer (accept or decline) meets the respond-by clock. */
  meetReferralResponseClock(
    m: EntityManager,
    referralId: string,
  ): Promise<{ onTime: boolean | null; after: AfterCommit }> {
    return this.meet(m, 'referral_response', referralId);
  }

  /** Withdrawing or re-routing an unanswered referral stops its clock. */
  cancelReferralResponseClock(
    m: EntityManager,
    referralId: string,
    reason: string,
  ): Promise<AfterCommit> {
    return this.cancel(m, 'referral_response', referralId, reason);
  }

  private async cancel(
    m: EntityManager,
    kind: DeadlineKind,
    subjectId: string,
    reason: string,
  ): Promise<AfterCommit> {
    const existing = await this.deadlines.getOpenForSubjectForUpdate(m, kind, subjectId);
    if (!existing) return NOTHING_AFTER_COMMIT;
    const now = this.clock.now();
    const stopped = await this.deadlines.close(
      m,
      existing.id,
      { status: 'cancelled', cancelledAt: now, cancelReason: reason },
      now,
    );
    return { schedule: [], unschedule: stopped };
  }

  private async meet(
    m: EntityManager,
    kind: DeadlineKind,
    subjectId: string,
  ): Promise<{ onTime: boolean | null; after: AfterCommit }> {
    const existing = await this.deadlines.getOpenForSubjectForUpdate(m, kind, subjectId);
    if (!existing) return { onTime: null, after: NOTHING_AFTER_COMMIT };
    const now = this.clock.now();
    const onTime = now < existing.dueAt;
    // A breached clock stays breached (that is the record); closing it stops anything more firing.
    const stopped = await this.deadlines.close(
      m,
      existing.id,
      { status: onTime ? 'met' : 'breached', metAt: now },
      now,
    );
    return { onTime, after: { schedule: [], unschedule: stopped } };
  }

  /** After a calendar change: recompute every pending day-based clock; returns how many moved. */
  async recomputeAfterCalendarChange(
    m: EntityManager,
  ): Promise<{ changed: number; after: AfterCommit }> {
    const calendar = await this.calendar.load(m);
    const after: AfterCommit = { schedule: [], unschedule: [] };
    let changed = 0;
    for (const d of await this.deadlines.getOpenDayBased(m)) {
      const dueAt = computeDueAt(
        d.startedAt,
        { unit: d.periodUnit, amount: d.periodAmount },
        calendar,
      );
      if (dueAt.getTime() === d.dueAt.getTime()) continue;
      changed++;
      const moved = await this.deadlines.moveDue(m, d.id, dueAt);
      after.unschedule.push(...moved);
      after.schedule.push(...moved);
    }
    return { changed, after };
  }

  /** Tells BullMQ, after the transaction has committed. */
  async afterCommit(after: AfterCommit): Promise<void> {
    await this.scheduler.unschedule(after.unschedule);
    await this.scheduler.schedule(after.schedule);
  }

  /** The deadline board: overdue, due today, due this week, or every open clock the caller may see. */
  /** The board shows each clock's case by its code, so each row is a read of that case, audited. */
  async board(
    actor: AuthenticatedUser,
    ability: AppAbility,
    query: DeadlineBoardQuery,
  ): Promise<Page<DeadlineView>> {
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const after = decodeCursor(query.after, { dueAt: 'instant', id: 'uuid' });
    const now = this.clock.now();
    const bucket = query.bucket ?? 'open';
    const until =
      bucket === 'today'
        ? startOfVietnamDay(addDaysToDate(vietnamDateOf(now), 1))
        : bucket === 'week'
          ? new Date(now.getTime() + 7 * 24 * 3600_000)
          : null;
    const rows = await this.deadlines.getBoard(
      accessibleWhere(ability, 'read', 'Deadline', DEADLINE_RULE_COLUMNS),
      until,
      after,
      limit + 1,
      bucket === 'overdue' ? now : null,
    );
    const page = keysetPage(rows, limit, (row) => {
      const last = row.deadline;
      return { dueAt: last.dueAt.toISOString(), id: last.id };
    });
    const items = page.items;
    const stages = await this.deadlines.getStages(items.map((r) => r.deadline.id));
    await this.dataSource.transaction((m) =>
      this.audit.recordMany(
        m,
        items.map(({ deadline }) => ({
          actor,
          action: 'deadline.read',
          subjectType: 'Deadline',
          subjectId: deadline.id,
          caseId: deadline.caseId,
          details: { via: 'deadline_board' },
        })),
      ),
    );
    return {
      items: items.map((r) => mapDeadline(r.deadline, r.survivorCode, stages)),
      nextCursor: page.nextCursor,
    };
  }

  /** Deadlines of the given incidents, newest first, for the case file. */
  async forIncidents(incidentIds: string[], survivorCode: string | null): Promise<DeadlineView[]> {
    const deadlines = await this.deadlines.getForSubject('incident_report', incidentIds);
    const stages = await this.deadlines.getStages(deadlines.map((d) => d.id));
    return deadlines.map((d) => mapDeadline(d, survivorCode, stages));
  }

  private async moveIfDiscoveryChanged(
    m: EntityManager,
    existing: DeadlineEntity,
    discoveredAt: Date,
  ): Promise<AfterCommit> {
    if (existing.startedAt.getTime() === discoveredAt.getTime()) return NOTHING_AFTER_COMMIT;
    const dueAt = computeDueAt(
      discoveredAt,
      { unit: existing.periodUnit, amount: existing.periodAmount },
      await this.calendar.load(m),
    );
    await this.deadlines.moveStart(m, existing.id, discoveredAt);
    const moved = await this.deadlines.moveDue(m, existing.id, dueAt);
    return { schedule: moved, unschedule: moved };
  }
}

export function mapDeadline(
  d: DeadlineEntity,
  survivorCode: string | null,
  stages: DeadlineStageEntity[],
): DeadlineView {
  return {
    id: d.id,
    kind: d.kind,
    subjectType: d.subjectType,
    subjectId: d.subjectId,
    caseId: d.caseId,
    survivorCode,
    startedAt: d.startedAt.toISOString(),
    dueAt: d.dueAt.toISOString(),
    status: d.status,
    metAt: d.metAt?.toISOString() ?? null,
    cancelledAt: d.cancelledAt?.toISOString() ?? null,
    cancelReason: d.cancelReason,
    stages: stages
      .filter((s) => s.deadlineId === d.id)
      .map((s) => ({
        stage: s.stage,
        kind: s.kind,
        audience: s.audience,
        dueAt: s.dueAt.toISOString(),
        firedAt: s.firedAt?.toISOString() ?? null,
        cancelledAt: s.cancelledAt?.toISOString() ?? null,
      })),
  };
}
