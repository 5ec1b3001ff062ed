import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type {
  CaseStage,
  ClosureGoalStatus,
  ClosureReason,
  ClosureRequestStatus,
} from '@caunoi/shared/domain';
import { UserEntity } from '../../users/user.entity';

/** One request to close a case, its decision, and (on the approved one) its reopening. */
@Entity('case_closures')
export class CaseClosureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ClosureRequestStatus;

  @Column({ type: 'varchar', length: 24 })
  reason!: ClosureReason;

  @Column({ name: 'goal_status', type: 'varchar', length: 24 })
  goalStatus!: ClosureGoalStatus;

  @Column({ name: 'summary_enc', type: 'text' })
  summaryEnc!: string;

  @Column({ name: 'previous_stage', type: 'varchar', length: 24 })
  previousStage!: CaseStage;

  @Column({ name: 'requested_by_user_id', type: 'uuid' })
  requestedByUserId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'requested_by_user_id' })
  requestedBy?: UserEntity;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'decided_by_user_id' })
  decidedBy?: UserEntity | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'comment_enc', type: 'text', nullable: true })
  commentEnc!: string | null;

  @Column({ name: 'reopened_by_user_id', type: 'uuid', nullable: true })
  reopenedByUserId!: string | null;

  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true })
  reopenedAt!: Date | null;

  @Column({ name: 'reopen_reason_enc', type: 'text', nullable: true })
  reopenReasonEnc!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
