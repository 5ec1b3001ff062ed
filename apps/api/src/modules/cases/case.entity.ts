import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CaseSource, CaseStage, RiskLevel } from '@caunoi/shared/domain';
import { UserEntity } from '../users/user.entity';
import { SurvivorEntity } from './survivor.entity';

@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'survivor_id', type: 'uuid' })
  survivorId!: string;

  @ManyToOne(() => SurvivorEntity)
  @JoinColumn({ name: 'survivor_id' })
  survivor?: SurvivorEntity;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'varchar', length: 24 })
  stage!: CaseStage;

  @Column({ name: 'risk_level', type: 'varchar', length: 10 })
  riskLevel!: RiskLevel;

  @Column({ type: 'varchar', length: 24 })
  source!: CaseSource;

  @Column({ name: 'intake_item_id', type: 'uuid', nullable: true })
  intakeItemId!: string | null;

  @Column({ name: 'assigned_user_id', type: 'uuid', nullable: true })
  assignedUserId!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'assigned_user_id' })
  assignedUser?: UserEntity | null;

  @Column({ name: 'commune_code', type: 'varchar', length: 16, nullable: true })
  communeCode!: string | null;

  @Column({ name: 'child_involved', type: 'boolean' })
  childInvolved!: boolean;

  @Column({ name: 'serious_incident', type: 'boolean' })
  seriousIncident!: boolean;

  @Column({ name: 'opened_by_user_id', type: 'uuid' })
  openedByUserId!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
