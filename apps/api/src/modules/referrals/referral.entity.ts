import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type {
  DataCategory,
  DeclineReason,
  OverrideReason,
  ReferralStatus,
  ReferralUrgency,
  ServiceType,
  WithdrawReason,
} from '@caunoi/shared/domain';

/** A referral from a case's centre to another agency (not to a person). */
@Entity('referrals')
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** e.g. CG-2026-000045: what both ends call it on the phone; carries nothing of the case. */
  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'from_agency_id', type: 'uuid' })
  fromAgencyId!: string;

  @Column({ name: 'to_agency_id', type: 'uuid' })
  toAgencyId!: string;

  @Column({ name: 'referred_by_user_id', type: 'uuid' })
  referredByUserId!: string;

  @Column({ type: 'text', array: true })
  services!: ServiceType[];

  @Column({ type: 'varchar', length: 16 })
  urgency!: ReferralUrgency;

  @Column({ name: 'reason_enc', type: 'text' })
  reasonEnc!: string;

  /** The categories disclosed. */
  @Column({ type: 'text', array: true })
  packet!: DataCategory[];

  /** The disclosed data as sent (encrypted); null once the referral is closed. */
  @Column({ name: 'packet_enc', type: 'text', nullable: true })
  packetEnc!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ReferralStatus;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;

  @Column({ name: 'respond_by', type: 'timestamptz' })
  respondBy!: Date;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @Column({ name: 'responded_on_time', type: 'boolean', nullable: true })
  respondedOnTime!: boolean | null;

  @Column({ name: 'decline_reason', type: 'varchar', length: 32, nullable: true })
  declineReason!: DeclineReason | null;

  @Column({ name: 'decline_note_enc', type: 'text', nullable: true })
  declineNoteEnc!: string | null;

  @Column({ name: 'withdraw_reason', type: 'varchar', length: 32, nullable: true })
  withdrawReason!: WithdrawReason | null;

  @Column({ name: 'withdraw_note_enc', type: 'text', nullable: true })
  withdrawNoteEnc!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'override_reason', type: 'varchar', length: 48, nullable: true })
  overrideReason!: OverrideReason | null;

  @Column({ name: 'override_justification_enc', type: 'text', nullable: true })
  overrideJustificationEnc!: string | null;

  @Column({ name: 'override_reviewed_at', type: 'timestamptz', nullable: true })
  overrideReviewedAt!: Date | null;

  @Column({ name: 'override_reviewed_by_user_id', type: 'uuid', nullable: true })
  overrideReviewedByUserId!: string | null;

  @Column({ name: 'rerouted_from_id', type: 'uuid', nullable: true })
  reroutedFromId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
