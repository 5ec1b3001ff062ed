import { Inject, Injectable } from '@nestjs/common';
import type { DeadlineBoardQuery, DeadlineView, Page } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type {
  CaseReviewKind,
  DeadlineKind,
  DeadlinePeriod,
  StagePlan,
} from '@caunoi/shared/domain';
import {
  CONFERENCE_ACTION_KIND,
  CHILD_EMERGENCY_KIND,
  CHILD_EMERGENCY_PERIOD,
  CHILD_SUPPORT_PLAN_KIND,
  CHILD_SUPPORT_PLAN_PERIOD,
  childEmergencyStages,
  childSupportPlanStages,
  FOLLOW_UP_KIND,
  conferenceActionStages,
  INCIDENT_REPORT_PERIOD_DAYS,
  followUpStages,
  expiryClockPeriod,
  measureExpiryStages,
  noContactDecisionStages,
  supervisionPlanStages,
  NO_CONTACT_DECISION_HOURS,
  SUPERVISION_PLAN_HOURS,
  caseReviewStages,
  consentExpiryStages,
  daysBetween,
  computeDueAt,
  incidentReportStages,
  periodicReportStages,
  reportClockPeriod,
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
import { accessibleWhere } from '../authz/accessible-where';
import { CalendarRepository } from '../calendar/calendar.repository';
import type { DeadlineStageEntity } from './deadline-stage.entity';
import type { DeadlineEntity } from './deadline.entity';
import { DEADLINE_RULE_COLUMNS, DeadlinesRepository } from './deadlines.repository';
import type { Tx } from '../../database/unit-of-work';
import { UnitOfWork } from '../../database/unit-of-work';
import type { Caller } from '../authz/caller';

const NO_CALENDAR = new WorkingCalendar([]);

/**
 * Starts, stops and moves clocks. Every method that writes takes the caller's unit of work (the
 * clock row commits with the event that starts it) and leaves on it what to tell BullMQ after commit.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deadlines: DeadlinesRepository,
    private readonly calendar: CalendarRepository,
    private readonly work: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** A serious incident's 10-day report clock, counted from its discovery (which may be long past). */
  async startIncidentReportClock(
    tx: Tx,
    incident: { id: string; discoveredAt: Date },
    caseRef: { id: string; agencyId: string },
  ): Promise<void> {
    const m = tx.manager;
    const existing = await this.deadlines.getOpenForSubjectForUpdate(
      m,
      'incident_report',
      incident.id,
    );
    if (existing) return this.moveIfDiscoveryChanged(tx, existing, incident.discoveredAt);
    await this.open(
      tx,
      {
        kind: 'incident_report',
        subjectType: 'Incident',
        subjectId: incident.id,
        caseId: caseRef.id,
        agencyId: caseRef.agencyId,
        startedAt: incident.discoveredAt,
        period: { unit: 'days', amount: INCIDENT_REPORT_PERIOD_DAYS },
      },
      incidentReportStages(this.config.incidentReportReminderDays),
    );
  }

  /** Un-marking an incident serious stops its clock, with the reason recorded. */
  cancelIncidentReportClock(tx: Tx, incidentId: string, reason: string): Promise<void> {
    return this.cancel(tx, 'incident_report', incidentId, reason);
  }

  /** Submitting the report meets the clock; returns whether it was on time. */
  meetIncidentReportClock(tx: Tx, incidentId: string): Promise<{ onTime: boolean | null }> {
    return this.meet(tx, 'incident_report', incidentId);
  }

  /**
   * A referral's respond-by clock, in hours from sending (hour periods ignore the calendar: the
   * police answer at night too). Returns the due instant, which the referral also shows.
   */
  async startReferralResponseClock(
    tx: Tx,
    referral: { id: string; caseId: string; fromAgencyId: string; sentAt: Date },
    hours: number,
  ): Promise<{ dueAt: Date }> {
    return this.open(
      tx,
      {
        kind: 'referral_response',
        subjectType: 'Referral',
        subjectId: referral.id,
        caseId: referral.caseId,
        agencyId: referral.fromAgencyId,
        startedAt: referral.sentAt,
        period: { unit: 'hours', amount: hours },
      },
      referralResponseStages(hours),
    );
  }

  /** An answer (accept or decline) meets the respond-by clock. */
  meetReferralResponseClock(tx: Tx, referralId: string): Promise<{ onTime: boolean | null }> {
    return this.meet(tx, 'referral_response', referralId);
  }

  /** Withdrawing or re-routing an unanswered referral stops its clock. */
  cancelReferralResponseClock(tx: Tx, referralId: string, reason: string): Promise<void> {
    return this.cancel(tx, 'referral_response', referralId, reason);
  }

  /**
   * A case review clock (risk reassessment, safety plan review) due in `days` calendar days, counted
   * like every day period (Civil Code). One runs per case and kind: the running one is met (the new
   * assessment or plan version is the review) or, when the review is brought forward without one
   * (a new incident), cancelled with the reason if the new one is sooner. The subject is the record
   * that set the clock.
   */
  async startCaseReviewClock(
    tx: Tx,
    kind: CaseReviewKind,
    caseRef: { id: string; agencyId: string },
    subject: { type: string; id: string },
    days: number,
    previous: { end: 'met' } | { end: 'brought_forward'; reason: string } = { end: 'met' },
  ): Promise<{ dueAt: Date }> {
    const m = tx.manager;
    const running = await this.deadlines.getRunningForCaseForUpdate(m, caseRef.id, kind);
    const startedAt = this.clock.now();
    const period: DeadlinePeriod = { unit: 'days', amount: days };
    const dueAt = computeDueAt(startedAt, period, await this.calendar.load(m));
    if (running && previous.end === 'brought_forward') {
      // Never pushes a review later than it already was.
      if (running.dueAt <= dueAt) return { dueAt: running.dueAt };
      await this.stop(tx, running.id, previous.reason);
    }
    if (running && previous.end === 'met') await this.meet(tx, kind, running.subjectId);
    return this.open(
      tx,
      {
        kind,
        subjectType: subject.type,
        subjectId: subject.id,
        caseId: caseRef.id,
        agencyId: caseRef.agencyId,
        startedAt,
        period,
      },
      caseReviewStages(),
    );
  }

  /**
   * A planned follow-up contact's clock, due at the end of the planned day (or the next working
   * day). A reminder that would already be past (a contact planned for today) is left out.
   */
  async startFollowUpClock(
    tx: Tx,
    caseRef: { id: string; agencyId: string },
    followUp: { id: string; plannedOn: string },
  ): Promise<{ dueAt: Date }> {
    const startedAt = this.clock.now();
    return this.open(
      tx,
      {
        kind: FOLLOW_UP_KIND,
        subjectType: 'FollowUp',
        subjectId: followUp.id,
        caseId: caseRef.id,
        agencyId: caseRef.agencyId,
        startedAt,
        period: { unit: 'days', amount: daysBetween(vietnamDateOf(startedAt), followUp.plannedOn) },
      },
      followUpStages(),
      { dropPastStages: true },
    );
  }

  /** Recording a contact's outcome meets its clock (breached stays breached when it came late). */
  meetFollowUpClock(tx: Tx, followUpId: string): Promise<{ onTime: boolean | null }> {
    return this.meet(tx, FOLLOW_UP_KIND, followUpId);
  }

  /**
   * A conference action's clock, due at the end of its due day (or the next working day); its agency
   * is the convening centre (the clock shows on that centre's board). A reminder already past (an
   * action due today) is left out.
   */
  async startConferenceActionClock(
    tx: Tx,
    caseRef: { id: string; agencyId: string },
    action: { id: string; dueOn: string },
  ): Promise<{ dueAt: Date }> {
    const startedAt = this.clock.now();
    return this.open(
      tx,
      {
        kind: CONFERENCE_ACTION_KIND,
        subjectType: 'ConferenceAction',
        subjectId: action.id,
        caseId: caseRef.id,
        agencyId: caseRef.agencyId,
        startedAt,
        period: { unit: 'days', amount: daysBetween(vietnamDateOf(startedAt), action.dueOn) },
      },
      conferenceActionStages(),
      { dropPastStages: true },
    );
  }

  /** The owner marks its action done: the clock is met (breached stays breached when late). */
  meetConferenceActionClock(tx: Tx, actionId: string): Promise<{ onTime: boolean | null }> {
    return this.meet(tx, CONFERENCE_ACTION_KIND, actionId);
  }

  /** A cancelled action needs no reminder. */
  cancelConferenceActionClock(tx: Tx, actionId: string, reason: string): Promise<void> {
    return this.cancel(tx, CONFERENCE_ACTION_KIND, actionId, reason);
  }

  /**
   * A centre's periodic report clock for one calendar entry, due at the entry's due instant (a day
   * period from 1 January of the report's year, so a holiday change recounts it). Started once per
   * centre and entry, by the centre's draft or the maintenance pass, whichever comes first; a
   * reminder already past is left out. Returns whether it started now.
   */
  async startPeriodicReportClock(
    tx: Tx,
    entry: { agencyId: string; subjectId: string; year: number; dueOn: string },
  ): Promise<boolean> {
    const m = tx.manager;
    if (await this.deadlines.lockAndHasAny(m, 'periodic_report', entry.subjectId)) return false;
    const { startedAt, period } = reportClockPeriod(entry.year, entry.dueOn);
    await this.open(
      tx,
      {
        kind: 'periodic_report',
        subjectType: 'PeriodicReportEntry',
        subjectId: entry.subjectId,
        caseId: null,
        agencyId: entry.agencyId,
        startedAt,
        period,
      },
      periodicReportStages(),
      { dropPastStages: true },
    );
    return true;
  }

  /**
   * An admin moved the entry's due date: the running clock follows (its period too, so a later
   * holiday change recounts from the new date). Fired stages stay fired. Returns whether it moved.
   */
  async movePeriodicReportClock(
    tx: Tx,
    entry: { subjectId: string; year: number; dueOn: string },
  ): Promise<boolean> {
    const m = tx.manager;
    const running = await this.deadlines.getOpenForSubjectForUpdate(
      m,
      'periodic_report',
      entry.subjectId,
    );
    if (!running) return false;
    const { startedAt, period } = reportClockPeriod(entry.year, entry.dueOn);
    const dueAt = computeDueAt(startedAt, period, await this.calendar.load(m));
    await this.deadlines.setPeriodAmount(m, running.id, period.amount);
    if (dueAt.getTime() === running.dueAt.getTime()) return false;
    const moved = await this.deadlines.moveDue(m, running.id, dueAt);
    tx.afterCommit({ unschedule: moved, schedule: moved });
    return true;
  }

  /** Submitting the report meets its clock; returns whether it was on time (null: no clock). */
  meetPeriodicReportClock(tx: Tx, subjectId: string): Promise<{ onTime: boolean | null }> {
    return this.meet(tx, 'periodic_report', subjectId);
  }

  /** Whether a case review clock of this kind runs for the case (only assessed cases are reassessed). */
  async hasCaseReviewClock(tx: Tx, kind: CaseReviewKind, caseId: string): Promise<boolean> {
    return (await this.deadlines.getRunningForCaseForUpdate(tx.manager, caseId, kind)) !== null;
  }

  /**
   * A consent's expiry clock: a day period from the day it was given to its expiry day (so, like
   * every day period, a holiday at the end moves the notice, never the consent's own date, which
   * the sharing gate reads). Reminds the caseworker two weeks before and when it has expired.
   */
  async startConsentExpiryClock(
    tx: Tx,
    consent: { id: string; givenAt: Date; expiresOn: string },
    caseRef: { id: string; agencyId: string },
  ): Promise<void> {
    await this.open(
      tx,
      {
        kind: 'consent_expiry',
        subjectType: 'ConsentRecord',
        subjectId: consent.id,
        caseId: caseRef.id,
        agencyId: caseRef.agencyId,
        startedAt: consent.givenAt,
        period: {
          unit: 'days',
          amount: daysBetween(vietnamDateOf(consent.givenAt), consent.expiresOn),
        },
      },
      consentExpiryStages(),
      // A consent given for less than the reminder's lead needs no "expires soon" at once.
      { dropPastStages: true },
    );
  }

  /** A withdrawn consent needs no renewal reminder. */
  cancelConsentExpiryClock(tx: Tx, consentId: string): Promise<void> {
    return this.cancel(tx, 'consent_expiry', consentId, 'consent_withdrawn');
  }

  /**
   * A commune no-contact order's 12-hour decision clock (Law 13/2022 Art. 25.2), from the request's
   * receipt, straight through nights and holidays. The clock is the requesting centre's (its board).
   */
  startNoContactDecisionClock(
    tx: Tx,
    measure: { id: string; caseId: string; agencyId: string; requestedAt: Date },
  ): Promise<{ dueAt: Date }> {
    return this.open(
      tx,
      {
        kind: 'no_contact_decision',
        subjectType: 'ProtectiveMeasure',
        subjectId: measure.id,
        caseId: measure.caseId,
        agencyId: measure.agencyId,
        startedAt: measure.requestedAt,
        period: { unit: 'hours', amount: NO_CONTACT_DECISION_HOURS },
      },
      noContactDecisionStages(),
    );
  }

  /** The committee's decision (grant or refusal) meets the 12-hour clock. */
  meetNoContactDecisionClock(tx: Tx, measureId: string): Promise<{ onTime: boolean | null }> {
    return this.meet(tx, 'no_contact_decision', measureId);
  }

  /** The commune police's 1-hour supervision plan clock, from the decision reaching them. */
  startSupervisionPlanClock(
    tx: Tx,
    measure: { id: string; caseId: string; agencyId: string },
    receivedAt: Date,
  ): Promise<{ dueAt: Date }> {
    return this.open(
      tx,
      {
        kind: 'supervision_plan',
        subjectType: 'ProtectiveMeasure',
        subjectId: measure.id,
        caseId: measure.caseId,
        agencyId: measure.agencyId,
        startedAt: receivedAt,
        period: { unit: 'hours', amount: SUPERVISION_PLAN_HOURS },
      },
      supervisionPlanStages(),
    );
  }

  meetSupervisionPlanClock(tx: Tx, measureId: string): Promise<{ onTime: boolean | null }> {
    return this.meet(tx, 'supervision_plan', measureId);
  }

  /**
   * An order's end: the caseworker is reminded (`PROTECTION_EXPIRY_REMINDER_HOURS` before) to decide
   * on renewal or a court order. A reminder already past (a short order) is left out.
   */
  startMeasureExpiryClock(
    tx: Tx,
    measure: { id: string; caseId: string; agencyId: string },
    order: { startsAt: Date; endsAt: Date },
  ): Promise<{ dueAt: Date }> {
    const { startedAt, hours } = expiryClockPeriod(order.startsAt, order.endsAt);
    return this.open(
      tx,
      {
        kind: 'measure_expiry',
        subjectType: 'ProtectiveMeasure',
        subjectId: measure.id,
        caseId: measure.caseId,
        agencyId: measure.agencyId,
        startedAt,
        period: { unit: 'hours', amount: hours },
      },
      measureExpiryStages(this.config.protectionExpiryReminderHours),
      { dropPastStages: true },
    );
  }

  /** A renewal requested or a court order recorded on the case: every running expiry clock of it is met. */
  async meetMeasureExpiryClocksOfCase(tx: Tx, caseId: string): Promise<void> {
    const running = await this.deadlines.getOpenForCaseForUpdate(tx.manager, caseId);
    for (const d of running.filter((r) => r.kind === 'measure_expiry')) {
      await this.meet(tx, 'measure_expiry', d.subjectId);
    }
  }

  /** A revoked order needs no renewal reminder nor supervision plan any more. */
  async cancelMeasureClocks(tx: Tx, measureId: string, reason: string): Promise<void> {
    for (const kind of ['no_contact_decision', 'supervision_plan', 'measure_expiry'] as const) {
      await this.cancel(tx, kind, measureId, reason);
    }
  }

  /** The due instants of a case's protection clocks, by measure and kind, for the case file's countdowns. */
  async protectionDueAts(
    measureIds: string[],
  ): Promise<Map<string, { kind: DeadlineKind; dueAt: Date; status: string }[]>> {
    const byMeasure = new Map<string, { kind: DeadlineKind; dueAt: Date; status: string }[]>();
    const kinds = ['no_contact_decision', 'supervision_plan', 'measure_expiry'] as const;
    for (const d of await this.deadlines.getForSubject(kinds, measureIds)) {
      const list = byMeasure.get(d.subjectId) ?? [];
      list.push({ kind: d.kind, dueAt: d.dueAt, status: d.status });
      byMeasure.set(d.subjectId, list);
    }
    return byMeasure;
  }

  /**
   * A child emergency's clocks (Law on Children 2016, Decree 56/2017), from the instant the
   * information arrived (a hotline call's start may be hours back): the intervention within 12 hours
   * (an hour period, through nights and Tết) and the child's support plan within 5 working days. One
   * support plan is due per case at a time: while one runs, a new emergency adds none. Reminders
   * already past are left out; an escalation already due fires at once.
   */
  async startChildEmergencyClocks(
    tx: Tx,
    caseRef: { id: string; agencyId: string },
    emergency: { id: string; startedAt: Date },
  ): Promise<void> {
    const clock = {
      subjectType: 'ChildEmergency',
      subjectId: emergency.id,
      caseId: caseRef.id,
      agencyId: caseRef.agencyId,
      startedAt: emergency.startedAt,
    };
    const late = { dropPastStages: true };
    await this.open(
      tx,
      { ...clock, kind: CHILD_EMERGENCY_KIND, period: CHILD_EMERGENCY_PERIOD },
      childEmergencyStages(),
      late,
    );
    const m = tx.manager;
    if (await this.deadlines.getRunningForCaseForUpdate(m, caseRef.id, CHILD_SUPPORT_PLAN_KIND)) {
      return;
    }
    await this.open(
      tx,
      { ...clock, kind: CHILD_SUPPORT_PLAN_KIND, period: CHILD_SUPPORT_PLAN_PERIOD },
      childSupportPlanStages(),
      late,
    );
  }

  /** Recording the intervention meets the 12-hour clock (breached stays breached when late). */
  meetChildEmergencyClock(tx: Tx, emergencyId: string): Promise<{ onTime: boolean | null }> {
    return this.meet(tx, CHILD_EMERGENCY_KIND, emergencyId);
  }

  /** A case plan submitted for a child in an emergency is the support plan: it meets the clock. */
  async meetChildSupportPlanClock(tx: Tx, caseId: string): Promise<{ onTime: boolean | null }> {
    const m = tx.manager;
    const running = await this.deadlines.getRunningForCaseForUpdate(
      m,
      caseId,
      CHILD_SUPPORT_PLAN_KIND,
    );
    if (!running) return { onTime: null };
    return this.meet(tx, CHILD_SUPPORT_PLAN_KIND, running.subjectId);
  }

  /** Both clocks of the given child emergencies, for the case file. */
  async forChildEmergencies(emergencyIds: string[]): Promise<DeadlineView[]> {
    const rows = await this.deadlines.getForSubject(
      [CHILD_EMERGENCY_KIND, CHILD_SUPPORT_PLAN_KIND],
      emergencyIds,
    );
    const stages = await this.deadlines.getStages(rows.map((d) => d.id));
    return rows.map((d) => mapDeadline(d, null, stages));
  }

  /**
   * Inserts a clock and its stages in the caller's transaction and schedules the stages after
   * commit. Hour periods never consult the working calendar, so it is loaded only for day periods.
   * `dropPastStages` leaves out reminders already past at start (a clock started late).
   */
  private async open(
    tx: Tx,
    clock: {
      kind: DeadlineKind;
      subjectType: string;
      subjectId: string;
      caseId: string | null;
      agencyId: string;
      startedAt: Date;
      period: DeadlinePeriod;
    },
    plans: readonly StagePlan[],
    options: { dropPastStages?: boolean } = {},
  ): Promise<{ dueAt: Date }> {
    const m = tx.manager;
    const { period, ...fields } = clock;
    const calendar = period.unit === 'hours' ? NO_CALENDAR : await this.calendar.load(m);
    const dueAt = computeDueAt(clock.startedAt, period, calendar);
    const now = this.clock.now();
    const staged = plans
      .map((p) => ({ ...p, dueAt: new Date(dueAt.getTime() + p.offsetMs) }))
      .filter((p) => !options.dropPastStages || p.kind !== 'reminder' || p.dueAt > now);
    const { deadline, stages } = await this.deadlines.insert(
      m,
      { ...fields, periodUnit: period.unit, periodAmount: period.amount, dueAt },
      staged,
    );
    tx.afterCommit({
      schedule: stages.map((s) => ({ deadlineId: deadline.id, stage: s.stage, dueAt: s.dueAt })),
    });
    return { dueAt };
  }

  /** Closing a case ends every clock it still runs, each cancelled with the reason. */
  async cancelAllForCase(tx: Tx, caseId: string, reason: string): Promise<number> {
    const open = await this.deadlines.getOpenForCaseForUpdate(tx.manager, caseId);
    for (const d of open) await this.stop(tx, d.id, reason);
    return open.length;
  }

  private async cancel(
    tx: Tx,
    kind: DeadlineKind,
    subjectId: string,
    reason: string,
  ): Promise<void> {
    const existing = await this.deadlines.getOpenForSubjectForUpdate(tx.manager, kind, subjectId);
    if (existing) await this.stop(tx, existing.id, reason);
  }

  /** Cancels one clock and its unfired stages; their jobs leave BullMQ after commit. */
  private async stop(tx: Tx, deadlineId: string, reason: string): Promise<void> {
    const now = this.clock.now();
    const stopped = await this.deadlines.close(
      tx.manager,
      deadlineId,
      { status: 'cancelled', cancelledAt: now, cancelReason: reason },
      now,
    );
    tx.afterCommit({ unschedule: stopped });
  }

  private async meet(
    tx: Tx,
    kind: DeadlineKind,
    subjectId: string,
  ): Promise<{ onTime: boolean | null }> {
    const existing = await this.deadlines.getOpenForSubjectForUpdate(tx.manager, kind, subjectId);
    if (!existing) return { onTime: null };
    const now = this.clock.now();
    const onTime = now < existing.dueAt;
    // A breached clock stays breached (that is the record); closing it stops anything more firing.
    const stopped = await this.deadlines.close(
      tx.manager,
      existing.id,
      { status: onTime ? 'met' : 'breached', metAt: now },
      now,
    );
    tx.afterCommit({ unschedule: stopped });
    return { onTime };
  }

  /** After a calendar change: recompute every pending day-based clock; returns how many moved. */
  async recomputeAfterCalendarChange(tx: Tx): Promise<{ changed: number }> {
    const m = tx.manager;
    const calendar = await this.calendar.load(m);
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
      tx.afterCommit({ unschedule: moved, schedule: moved });
    }
    return { changed };
  }

  /** The deadline board: overdue, due today, due this week, or every open clock the caller may see. */
  /** The board shows each clock's case by its code, so each row is a read of that case, audited. */
  async board(
    { user: actor, ability }: Caller,
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
    await this.work.audit(
      ...items.map(({ deadline }) => ({
        actor,
        action: 'deadline.read',
        subjectType: 'Deadline',
        subjectId: deadline.id,
        caseId: deadline.caseId,
        details: { via: 'deadline_board' },
      })),
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
    tx: Tx,
    existing: DeadlineEntity,
    discoveredAt: Date,
  ): Promise<void> {
    if (existing.startedAt.getTime() === discoveredAt.getTime()) return;
    const m = tx.manager;
    const dueAt = computeDueAt(
      discoveredAt,
      { unit: existing.periodUnit, amount: existing.periodAmount },
      await this.calendar.load(m),
    );
    await this.deadlines.moveStart(m, existing.id, discoveredAt);
    const moved = await this.deadlines.moveDue(m, existing.id, dueAt);
    tx.afterCommit({ schedule: moved, unschedule: moved });
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
