import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager } from 'typeorm';
import { WorkingCalendar } from '@caunoi/shared/domain';
import { CalendarDayEntity } from './calendar-day.entity';

@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  getYear(year: number): Promise<CalendarDayEntity[]> {
    return this.dataSource
      .getRepository(CalendarDayEntity)
      .find({ where: { date: Between(`${year}-01-01`, `${year}-12-31`) }, order: { date: 'ASC' } });
  }

  get(date: string, manager?: EntityManager): Promise<CalendarDayEntity | null> {
    return (manager ?? this.dataSource.manager)
      .getRepository(CalendarDayEntity)
      .findOneBy({ date });
  }

  save(
    manager: EntityManager,
    day: Pick<CalendarDayEntity, 'date' | 'kind' | 'name'>,
  ): Promise<CalendarDayEntity> {
    return manager.getRepository(CalendarDayEntity).save(manager.create(CalendarDayEntity, day));
  }

  async delete(manager: EntityManager, date: string): Promise<void> {
    await manager.getRepository(CalendarDayEntity).delete({ date });
  }

  /** The whole calendar as the pure arithmetic needs it (a few dozen rows a year). */
  async load(manager?: EntityManager): Promise<WorkingCalendar> {
    const days = await (manager ?? this.dataSource.manager).getRepository(CalendarDayEntity).find();
    return new WorkingCalendar(days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })));
  }
}
