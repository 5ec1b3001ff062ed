import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StageAudience, StageKind } from '@caunoi/shared/domain';

/** A reminder or escalation of a deadline; `fired_at` is set exactly once, by whoever claims it first. */
@Entity('deadline_stages')
export class DeadlineStageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'deadline_id', type: 'uuid' })
  deadlineId!: string;

  @Column({ type: 'varchar', length: 40 })
  stage!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: StageKind;

  @Column({ type: 'varchar', length: 32 })
  audience!: StageAudience;

  @Column({
    name: 'offset_ms',
    type: 'bigint',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  offsetMs!: number;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true })
  firedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}
