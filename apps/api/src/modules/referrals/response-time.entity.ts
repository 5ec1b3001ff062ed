import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AgencyType, ReferralUrgency } from '@caunoi/shared/domain';

/** The respond-by period, in hours, for referrals to an agency type at an urgency (admin setting). */
@Entity('referral_response_times')
export class ResponseTimeEntity {
  @PrimaryColumn({ name: 'agency_type', type: 'varchar', length: 40 })
  agencyType!: AgencyType;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  urgency!: ReferralUrgency;

  @Column({ type: 'integer' })
  hours!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
