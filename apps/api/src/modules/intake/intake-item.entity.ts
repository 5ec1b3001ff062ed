import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IntakeDismissalReason, IntakeItemStatus } from '@caunoi/shared/domain';

/** One entry in a social-work centre's intake queue: a handed-over call or a community referral. */
@Entity('intake_items')
export class IntakeItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'varchar', length: 24 })
  source!: 'call' | 'community_referral';

  @Column({ name: 'call_id', type: 'uuid', nullable: true })
  callId!: string | null;

  @Column({ name: 'community_referral_id', type: 'uuid', nullable: true })
  communityReferralId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: IntakeItemStatus;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'dismissed_at', type: 'timestamptz', nullable: true })
  dismissedAt!: Date | null;

  @Column({ name: 'dismissed_by_user_id', type: 'uuid', nullable: true })
  dismissedByUserId!: string | null;

  @Column({ name: 'dismissal_reason', type: 'varchar', length: 16, nullable: true })
  dismissalReason!: IntakeDismissalReason | null;

  @Column({ name: 'dismissal_note_enc', type: 'text', nullable: true })
  dismissalNoteEnc!: string | null;
}
