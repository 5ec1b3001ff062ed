import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { PeriodicReportKind } from '@caunoi/shared/domain';

/** An admin's change to one report of one province's year (a kind without a row follows the defaults). */
@Entity('report_calendar_entries')
@Index('report_calendar_entries_province_year_kind', ['provinceCode', 'year', 'kind'], {
  unique: true,
})
export class ReportCalendarEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'province_code', type: 'varchar', length: 16 })
  provinceCode!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 32 })
  kind!: PeriodicReportKind;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'period_from', type: 'char', length: 7 })
  periodFrom!: string;

  @Column({ name: 'period_to', type: 'char', length: 7 })
  periodTo!: string;

  @Column({ name: 'updated_by_user_id', type: 'uuid' })
  updatedByUserId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
