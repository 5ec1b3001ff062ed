import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CalendarDayKind } from '@caunoi/shared/domain';

/** A day that breaks the Monday-Friday rule: a public holiday, a compensatory day off, or a make-up working day. */
@Entity('calendar_days')
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: CalendarDayKind;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
