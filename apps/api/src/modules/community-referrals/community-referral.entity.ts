import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CommunityReferralStatus, SafeContactMethod } from '@caunoi/shared/domain';

/** A trusted-address volunteer's referral. Everything the volunteer wrote is encrypted. */
@Entity('community_referrals')
export class CommunityReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  reference!: string;

  @Column({ name: 'submitted_by_user_id', type: 'uuid' })
  submittedByUserId!: string;

  @Column({ name: 'submitted_by_agency_id', type: 'uuid' })
  submittedByAgencyId!: string;

  @Column({ name: 'target_agency_id', type: 'uuid' })
  targetAgencyId!: string;

  @Column({ name: 'survivor_name_enc', type: 'text' })
  survivorNameEnc!: string;

  @Column({ name: 'safe_contact_method', type: 'varchar', length: 32 })
  safeContactMethod!: SafeContactMethod;

  @Column({ name: 'safe_contact_details_enc', type: 'text' })
  safeContactDetailsEnc!: string;

  @Column({ name: 'commune_code', type: 'varchar', length: 16 })
  communeCode!: string;

  @Column({ name: 'what_happened_enc', type: 'text' })
  whatHappenedEnc!: string;

  @Column({ name: 'danger_now', type: 'boolean' })
  dangerNow!: boolean;

  @Column({ name: 'child_involved', type: 'boolean' })
  childInvolved!: boolean;

  @Column({ name: 'consent_to_contact', type: 'boolean' })
  consentToContact!: boolean;

  /** The phone's key for this submission: a replay by the same volunteer returns this referral. */
  @Column({ name: 'idempotency_key', type: 'uuid', nullable: true })
  idempotencyKey!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: CommunityReferralStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
