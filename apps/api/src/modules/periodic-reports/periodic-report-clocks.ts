import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PeriodicReportKind } from '@caunoi/shared/domain';
import { PERIODIC_REPORT_CLOCK_LEAD_DAYS, reportDueAt, vietnamDateOf } from '@caunoi/shared/domain';
import { Clock } from '../../common/clock';
import type { Tx } from '../../database/unit-of-work';
import { UnitOfWork } from '../../database/unit-of-work';
import { CalendarRepository } from '../calendar/calendar.repository';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { periodicReportClockSubject } from './periodic-report-clock-subject';
import { ReportCalendarService } from './report-calendar.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts the periodic report clocks (docs/periodic-reports.md "Clocks"). */
@Injectable()
export class PeriodicReportClocks {
  private readonly logger = new Logger('PeriodicReportClocks');

  constructor(
    private readonly work: UnitOfWork,
    private readonly deadlines: DeadlinesService,
    private readonly calendar: ReportCalendarService,
    private readonly holidays: CalendarRepository,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The centre's clock for the entry, inside the unit of work that drafts its report. */
  startFor(
    tx: Tx,
    agencyId: string,
    entry: { year: number; kind: PeriodicReportKind; dueOn: string },
  ): Promise<boolean> {
    return this.deadlines.startPeriodicReportClock(tx, {
      agencyId,
      subjectId: periodicReportClockSubject(agencyId, entry.year, entry.kind),
      year: entry.year,
      dueOn: entry.dueOn,
    });
  }

  /**
   * The maintenance pass: every active social-work centre gets the clock of each entry of its
   * province due within the lead time and not yet past (a report already late when the system
   * first runs gets none). Idempotent; returns how many clocks it started.
   */
  async startDue(): Promise<number> {
    const now = this.clock.now();
    const horizon = now.getTime() + PERIODIC_REPORT_CLOCK_LEAD_DAYS * DAY_MS;
    const holidays = await this.holidays.load();
    const year = Number(vietnamDateOf(now).slice(0, 4));
    const centres = (await this.dataSource.query(
      `SELECT id, province_code AS "provinceCode" FROM agencies
        WHERE type = 'social_work_centre' AND active AND province_code IS NOT NULL
        ORDER BY province_code, id`,
    )) as { id: string; provinceCode: string }[];
    let started = 0;
    for (const provinceCode of new Set(centres.map((c) => c.provinceCode))) {
      // An entry of last year may be due this year (a late cut-off).
      for (const y of [year - 1, year]) {
        for (const entry of await this.calendar.effective(provinceCode, y)) {
          const dueAt = reportDueAt(y, entry.dueOn, holidays).getTime();
          if (dueAt <= now.getTime() || dueAt > horizon) continue;
          for (const centre of centres.filter((c) => c.provinceCode === provinceCode)) {
            const fresh = await this.work.run((tx) =>
              this.startFor(tx, centre.id, { year: y, kind: entry.kind, dueOn: entry.dueOn }),
            );
            if (fresh) started++;
          }
        }
      }
    }
    this.logger.log(`Started ${started} periodic report clock(s)`);
    return started;
  }
}
