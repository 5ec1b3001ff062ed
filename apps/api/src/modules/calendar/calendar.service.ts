import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CalendarChangeResult, CalendarDayView } from '@caunoi/shared/contracts';
import { isValidCalendarDate, vietnamDateOf } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { CalendarDayEntity } from './calendar-day.entity';
import { CalendarRepository } from './calendar.repository';
import type { CreateCalendarDayDto, UpdateCalendarDayDto } from './calendar.dto';
import { UnitOfWork } from '../../database/unit-of-work';

/** The admin-maintained working calendar; every change moves the pending day-based clocks it affects. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly calendar: CalendarRepository,
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
  ) {}

  async list(year: number | undefined): Promise<CalendarDayView[]> {
    const days = await this.calendar.getYear(
      year ?? Number(vietnamDateOf(this.clock.now()).slice(0, 4)),
    );
    return days.map(mapDay);
  }

  async create(actor: AuthenticatedUser, dto: CreateCalendarDayDto): Promise<CalendarChangeResult> {
    assertDate(dto.date);
    return this.change(actor, 'calendar.create', dto.date, async (m) => {
      if (await this.calendar.get(dto.date, m)) {
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'date',
          'duplicate_date',
          'this date is already in the calendar',
        );
      }
      return this.calendar.save(m, { date: dto.date, kind: dto.kind, name: dto.name.trim() });
    });
  }

  async update(
    actor: AuthenticatedUser,
    date: string,
    dto: UpdateCalendarDayDto,
  ): Promise<CalendarChangeResult> {
    assertDate(date);
    return this.change(actor, 'calendar.update', date, async (m) => {
      if (!(await this.calendar.get(date, m))) throw new NotFoundException('No such calendar day');
      return this.calendar.save(m, { date, kind: dto.kind, name: dto.name.trim() });
    });
  }

  async remove(actor: AuthenticatedUser, date: string): Promise<CalendarChangeResult> {
    assertDate(date);
    return this.change(actor, 'calendar.delete', date, async (m) => {
      if (!(await this.calendar.get(date, m))) throw new NotFoundException('No such calendar day');
      await this.calendar.delete(m, date);
      return null;
    });
  }

  private async change(
    actor: AuthenticatedUser,
    action: string,
    date: string,
    write: (m: EntityManager) => Promise<CalendarDayEntity | null>,
  ): Promise<CalendarChangeResult> {
    const { day, changed } = await this.work.run(async (tx) => {
      const saved = await write(tx.manager);
      const recomputed = await this.deadlines.recomputeAfterCalendarChange(tx);
      await tx.audit({
        actor,
        action,
        subjectType: 'CalendarDay',
        subjectId: date,
        details: { deadlinesRecomputed: recomputed.changed },
      });
      return { day: saved, changed: recomputed.changed };
    });
    return { day: day ? mapDay(day) : null, deadlinesRecomputed: changed };
  }
}

function assertDate(date: string): void {
  if (!isValidCalendarDate(date))
    throw fieldError(
      HttpStatus.BAD_REQUEST,
      'date',
      'invalid_date',
      'date is not a real calendar date',
    );
  if (date < '2000-01-01' || date > '2100-12-31') {
    throw fieldError(
      HttpStatus.BAD_REQUEST,
      'date',
      'out_of_range',
      'date must be between 2000 and 2100',
    );
  }
}

function mapDay(d: CalendarDayEntity): CalendarDayView {
  return { date: d.date, kind: d.kind, name: d.name };
}
