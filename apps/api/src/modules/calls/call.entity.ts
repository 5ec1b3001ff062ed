import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type {
  AgeGroup,
  CallChannel,
  CallerType,
  CallOutcome,
  GbvType,
  NotificationMeans,
  Sex,
} from '@caunoi/shared/domain';

/** A hotline contact. The caller's number exists only as a blind index; notes are encrypted. */
@Entity('calls')
export class CallEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'line_id', type: 'uuid' })
  lineId!: string;

  @Column({ name: 'operator_user_id', type: 'uuid' })
  operatorUserId!: string;

  @Column({ type: 'varchar', length: 16 })
  channel!: CallChannel;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'caller_type', type: 'varchar', length: 20 })
  callerType!: CallerType;

  @Column({ name: 'caller_phone_bidx', type: 'bytea', nullable: true })
  callerPhoneBidx!: Buffer | null;

  /** Id of the blind-index key the digest was made with. */
  @Column({ name: 'caller_phone_bidx_key', type: 'varchar', length: 16, nullable: true })
  callerPhoneBidxKey!: string | null;

  @Column({ name: 'survivor_sex', type: 'varchar', length: 10, nullable: true })
  survivorSex!: Sex | null;

  @Column({ name: 'survivor_age_group', type: 'varchar', length: 10, nullable: true })
  survivorAgeGroup!: AgeGroup | null;

  @Column({ name: 'commune_code', type: 'varchar', length: 16, nullable: true })
  communeCode!: string | null;

  @Column({ name: 'gbv_type_hint', type: 'varchar', length: 32, nullable: true })
  gbvTypeHint!: GbvType | null;

  @Column({ name: 'child_involved', type: 'boolean' })
  childInvolved!: boolean;

  @Column({ name: 'danger_now', type: 'boolean' })
  dangerNow!: boolean;

  @Column({ name: 'crime_signs', type: 'boolean' })
  crimeSigns!: boolean;

  @Column({ name: 'chairman_notified_at', type: 'timestamptz', nullable: true })
  chairmanNotifiedAt!: Date | null;

  @Column({ name: 'chairman_notification_means', type: 'varchar', length: 16, nullable: true })
  chairmanNotificationMeans!: NotificationMeans | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome!: CallOutcome | null;

  @Column({ name: 'notes_enc', type: 'text', nullable: true })
  notesEnc!: string | null;

  @Column({ name: 'handed_over_at', type: 'timestamptz', nullable: true })
  handedOverAt!: Date | null;

  @Column({ name: 'handed_to_agency_id', type: 'uuid', nullable: true })
  handedToAgencyId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
