import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AccountChangeKind, AccountChangeStatus, Role } from '@caunoi/shared/domain';
import { AgencyEntity } from '../agencies/agency.entity';
import { UserEntity } from './user.entity';

/** A requested change to an account, waiting for a second person (the two-person rule). */
@Entity('account_changes')
export class AccountChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: AccountChangeKind;

  @Column({ type: 'varchar', length: 16 })
  status!: AccountChangeStatus;

  @Column({ name: 'target_user_id', type: 'uuid' })
  targetUserId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'target_user_id' })
  target?: UserEntity;

  /** The grant when the request was made; null for a new account. */
  @Column({ name: 'from_role', type: 'varchar', length: 32, nullable: true })
  fromRole!: Role | null;

  @Column({ name: 'from_agency_id', type: 'uuid', nullable: true })
  fromAgencyId!: string | null;

  /** The grant once approved (for a reset or an enable, the account's grant as requested). */
  @Column({ name: 'target_role', type: 'varchar', length: 32 })
  targetRole!: Role;

  @Column({ name: 'target_agency_id', type: 'uuid' })
  targetAgencyId!: string;

  @ManyToOne(() => AgencyEntity)
  @JoinColumn({ name: 'target_agency_id' })
  targetAgency?: AgencyEntity;

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

  @Column({ name: 'rejection_reason', type: 'varchar', length: 500, nullable: true })
  rejectionReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
