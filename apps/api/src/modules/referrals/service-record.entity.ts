import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SectorOutcome, ServiceOutcome, ServiceType } from '@caunoi/shared/domain';

/** A service the receiving agency gave on a referral; it stays the agency's after access ends. */
@Entity('service_records')
export class ServiceRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'service_type', type: 'varchar', length: 48 })
  serviceType!: ServiceType;

  /** Calendar date in Vietnam (YYYY-MM-DD). */
  @Column({ name: 'provided_on', type: 'date' })
  providedOn!: string;

  @Column({ type: 'varchar', length: 32 })
  outcome!: ServiceOutcome;

  @Column({ name: 'sector_outcome', type: 'jsonb' })
  sectorOutcome!: SectorOutcome;

  @Column({ name: 'note_enc', type: 'text', nullable: true })
  noteEnc!: string | null;

  @Column({ name: 'recorded_by_user_id', type: 'uuid' })
  recordedByUserId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
