import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type {
  ContextFlag,
  DatePrecision,
  DvForm,
  GbvType,
  InjuryType,
  SeriousReason,
} from '@caunoi/shared/domain';
import type { PerpetratorInput } from '@caunoi/shared/contracts';

/** One event (GBVIMS: one incident = one event), coded; only the description is free text (encrypted). */
@Entity('incidents')
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'occurred_precision', type: 'varchar', length: 8 })
  occurredPrecision!: DatePrecision;

  @Column({ name: 'discovered_at', type: 'timestamptz' })
  discoveredAt!: Date;

  @Column({ name: 'commune_code', type: 'varchar', length: 16 })
  communeCode!: string;

  @Column({ name: 'classification_answers', type: 'jsonb' })
  classificationAnswers!: Record<string, boolean>;

  @Column({ name: 'gbv_type', type: 'varchar', length: 32 })
  gbvType!: GbvType;

  @Column({ name: 'dv_forms', type: 'text', array: true })
  dvForms!: DvForm[];

  @Column({ name: 'context_flags', type: 'text', array: true })
  contextFlags!: ContextFlag[];

  @Column({ type: 'jsonb' })
  perpetrators!: PerpetratorInput[];

  @Column({ type: 'text', array: true })
  injuries!: InjuryType[];

  @Column({ type: 'boolean' })
  serious!: boolean;

  @Column({ name: 'serious_reasons', type: 'text', array: true })
  seriousReasons!: SeriousReason[];

  @Column({ name: 'description_enc', type: 'text', nullable: true })
  descriptionEnc!: string | null;

  /** Raised by each change (a stale correction is a 409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
