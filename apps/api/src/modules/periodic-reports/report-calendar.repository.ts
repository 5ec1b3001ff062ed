import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PeriodicReportKind } from '@caunoi/shared/domain';
import { ReportCalendarEntryEntity } from './report-calendar-entry.entity';

/** The admins' changes to the report calendar (a province's year has at most one row per kind). */
@Injectable()
export class ReportCalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  getForProvinceYear(
    provinceCode: string,
    year: number,
    manager?: EntityManager,
  ): Promise<ReportCalendarEntryEntity[]> {
    return (manager ?? this.dataSource.manager)
      .getRepository(ReportCalendarEntryEntity)
      .findBy({ provinceCode, year });
  }

  /** Inserts or replaces the province's entry of this year and kind. */
  async upsert(
    manager: EntityManager,
    entry: Pick<
      ReportCalendarEntryEntity,
      'provinceCode' | 'year' | 'kind' | 'dueOn' | 'periodFrom' | 'periodTo' | 'updatedByUserId'
    >,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO report_calendar_entries
              (province_code, year, kind, due_on, period_from, period_to, updated_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (province_code, year, kind) DO UPDATE
          SET due_on = EXCLUDED.due_on, period_from = EXCLUDED.period_from,
              period_to = EXCLUDED.period_to, updated_by_user_id = EXCLUDED.updated_by_user_id,
              updated_at = now()`,
      [
        entry.provinceCode,
        entry.year,
        entry.kind,
        entry.dueOn,
        entry.periodFrom,
        entry.periodTo,
        entry.updatedByUserId,
      ],
    );
  }

  /** Back to the default; true when there was a change to remove. */
  async remove(
    manager: EntityManager,
    provinceCode: string,
    year: number,
    kind: PeriodicReportKind,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(ReportCalendarEntryEntity)
      .delete({ provinceCode, year, kind });
    return (result.affected ?? 0) > 0;
  }

  /** The province's social-work centres (each has a clock per entry). */
  async centresOf(manager: EntityManager, provinceCode: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT id FROM agencies WHERE type = 'social_work_centre' AND province_code = $1`,
      [provinceCode],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Reports of the entry still in the centres' hands take the new due date. */
  async moveOpenReports(
    manager: EntityManager,
    key: { provinceCode: string; year: number; kind: PeriodicReportKind },
    dueOn: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE periodic_reports SET due_on = $4, updated_at = now()
        WHERE province_code = $1 AND year = $2 AND kind = $3 AND status IN ('draft', 'approved')`,
      [key.provinceCode, key.year, key.kind, dueOn],
    );
  }
}
