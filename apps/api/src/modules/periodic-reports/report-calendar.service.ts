import { HttpStatus, Injectable } from '@nestjs/common';
import type { ReportCalendarEntryView, ReportCalendarView } from '@caunoi/shared/contracts';
import type {
  PeriodicReportKind,
  ReportCalendarEntry,
  ReportCalendarProblem,
  WorkingCalendar,
} from '@caunoi/shared/domain';
import { defaultReportCalendar, reportCalendarProblem, reportDueAt } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import type { Tx } from '../../database/unit-of-work';
import { UnitOfWork } from '../../database/unit-of-work';
import { AdministrativeUnitLookup } from '../administrative-units/administrative-unit-lookup';
import type { Caller } from '../authz/caller';
import { CalendarRepository } from '../calendar/calendar.repository';
import type { UpdateReportCalendarEntryDto } from './report-calendar.dto';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { periodicReportClockSubject } from './periodic-report-clock-subject';
import { ReportCalendarRepository } from './report-calendar.repository';

/**
 * When each periodic report of a province's year is due: the seeds' defaults, changed per province
 * and year by admins; each due instant counted by the Civil Code over the holiday calendar.
 */
@Injectable()
export class ReportCalendarService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly entries: ReportCalendarRepository,
    private readonly holidays: CalendarRepository,
    private readonly units: AdministrativeUnitLookup,
    private readonly deadlines: DeadlinesService,
  ) {}

  async get(provinceCode: string, year: number): Promise<ReportCalendarView> {
    // A retired province's past years stay readable.
    await this.units.requireProvince(provinceCode, 'provinceCode', { keep: provinceCode });
    return this.view(provinceCode, year);
  }

  async update(
    { user }: Caller,
    key: { provinceCode: string; year: number; kind: PeriodicReportKind },
    dto: UpdateReportCalendarEntryDto,
  ): Promise<ReportCalendarView> {
    const problem = reportCalendarProblem(key.year, dto);
    if (problem) {
      throw fieldError(HttpStatus.BAD_REQUEST, problem.field, problem.code, MESSAGES[problem.code]);
    }
    await this.units.requireProvince(key.provinceCode, 'provinceCode');
    await this.work.run(async (tx) => {
      await this.entries.upsert(tx.manager, { ...key, ...dto, updatedByUserId: user.id });
      await this.followDueDate(tx, key, dto.dueOn);
      await tx.audit({
        actor: user,
        action: 'report_calendar.update',
        subjectType: 'ReportCalendar',
        subjectId: `${key.provinceCode}:${key.year}:${key.kind}`,
        details: { dueOn: dto.dueOn, periodFrom: dto.periodFrom, periodTo: dto.periodTo },
      });
    });
    return this.view(key.provinceCode, key.year);
  }

  /** Drops an admin's change: the entry follows the defaults again. */
  async reset(
    { user }: Caller,
    key: { provinceCode: string; year: number; kind: PeriodicReportKind },
  ): Promise<ReportCalendarView> {
    await this.units.requireProvince(key.provinceCode, 'provinceCode', { keep: key.provinceCode });
    await this.work.run(async (tx) => {
      if (!(await this.entries.remove(tx.manager, key.provinceCode, key.year, key.kind))) return;
      const fallback = defaultReportCalendar(key.year).find((e) => e.kind === key.kind);
      if (fallback) await this.followDueDate(tx, key, fallback.dueOn);
      await tx.audit({
        actor: user,
        action: 'report_calendar.reset',
        subjectType: 'ReportCalendar',
        subjectId: `${key.provinceCode}:${key.year}:${key.kind}`,
      });
    });
    return this.view(key.provinceCode, key.year);
  }

  /** The province's year as it applies: each kind's change if an admin made one, else the default. */
  async effective(
    provinceCode: string,
    year: number,
  ): Promise<(ReportCalendarEntry & { configured: boolean })[]> {
    const changed = new Map(
      (await this.entries.getForProvinceYear(provinceCode, year)).map((e) => [e.kind, e]),
    );
    return defaultReportCalendar(year).map((entry) => {
      const own = changed.get(entry.kind);
      return own
        ? {
            kind: entry.kind,
            dueOn: own.dueOn,
            periodFrom: own.periodFrom,
            periodTo: own.periodTo,
            configured: true,
          }
        : { ...entry, configured: false };
    });
  }

  /**
   * A changed due date moves the province's running clocks for the entry and the due date of its
   * reports not yet submitted (their tables and months stay as drafted).
   */
  private async followDueDate(
    tx: Tx,
    key: { provinceCode: string; year: number; kind: PeriodicReportKind },
    dueOn: string,
  ): Promise<void> {
    for (const agencyId of await this.entries.centresOf(tx.manager, key.provinceCode)) {
      await this.deadlines.movePeriodicReportClock(tx, {
        subjectId: periodicReportClockSubject(agencyId, key.year, key.kind),
        year: key.year,
        dueOn,
      });
    }
    await this.entries.moveOpenReports(tx.manager, key, dueOn);
  }

  private async view(provinceCode: string, year: number): Promise<ReportCalendarView> {
    const [entries, calendar] = await Promise.all([
      this.effective(provinceCode, year),
      this.holidays.load(),
    ]);
    return {
      provinceCode,
      year,
      entries: entries.map((e) => mapEntry(year, e, calendar)),
    };
  }
}

const MESSAGES: Record<ReportCalendarProblem['code'], string> = {
  invalid_date: 'dueOn is not a real calendar date',
  due_outside_years: 'dueOn must fall in the report’s year or the next',
  invalid_month: 'the month must be YYYY-MM',
  period_reversed: 'periodTo must not be before periodFrom',
  period_too_long: 'a report covers at most 24 months',
};

function mapEntry(
  year: number,
  e: ReportCalendarEntry & { configured: boolean },
  calendar: WorkingCalendar,
): ReportCalendarEntryView {
  return {
    kind: e.kind,
    dueOn: e.dueOn,
    dueAt: reportDueAt(year, e.dueOn, calendar).toISOString(),
    periodFrom: e.periodFrom,
    periodTo: e.periodTo,
    configured: e.configured,
  };
}
