import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { StatisticsBlockView } from '@caunoi/shared/contracts';
import type { PeriodicReportKind, PeriodicReportStatus } from '@caunoi/shared/domain';

/** A centre's periodic report to its province (one per centre, year and kind): aggregates only. */
@Entity('periodic_reports')
export class PeriodicReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

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

  @Column({ type: 'varchar', length: 16 })
  status!: PeriodicReportStatus;

  /** The protected aggregates, fixed at drafting. */
  @Column({ type: 'jsonb' })
  tables!: StatisticsBlockView[];

  @Column({ name: 'narrative_enc', type: 'text', nullable: true })
  narrativeEnc!: string | null;

  @Column({ name: 'drafted_by_user_id', type: 'uuid' })
  draftedByUserId!: string;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'approved_by_user_id', type: 'uuid', nullable: true })
  approvedByUserId!: string | null;

  @Column({ name: 'recipient_agency_id', type: 'uuid', nullable: true })
  recipientAgencyId!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'submitted_by_user_id', type: 'uuid', nullable: true })
  submittedByUserId!: string | null;

  @Column({ name: 'on_time', type: 'boolean', nullable: true })
  onTime!: boolean | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by_user_id', type: 'uuid', nullable: true })
  acknowledgedByUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
