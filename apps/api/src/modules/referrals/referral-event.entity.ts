import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReferralEventKind } from '@caunoi/shared/domain';

/** One step of a referral's life, shown on the sending case's timeline. */
@Entity('referral_events')
export class ReferralEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'varchar', length: 32 })
  event!: ReferralEventKind;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_agency_id', type: 'uuid', nullable: true })
  actorAgencyId!: string | null;

  /** A reason or stage code. */
  @Column({ type: 'varchar', length: 48, nullable: true })
  reason!: string | null;

  @Column({ name: 'note_enc', type: 'text', nullable: true })
  noteEnc!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;
}
