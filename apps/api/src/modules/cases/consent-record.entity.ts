import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  AgencyType,
  ConsentGiver,
  ConsentKind,
  ConsentMethod,
  DataCategory,
} from '@caunoi/shared/domain';

/** IASC informed consent: to case management, or to sharing given data categories with agency types. */
@Entity('consent_records')
export class ConsentRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: ConsentKind;

  @Column({ name: 'given_by', type: 'varchar', length: 32 })
  givenBy!: ConsentGiver;

  @Column({ type: 'varchar', length: 16 })
  method!: ConsentMethod;

  @Column({ name: 'child_assent', type: 'boolean', nullable: true })
  childAssent!: boolean | null;

  @Column({ name: 'guardian_is_suspect', type: 'boolean' })
  guardianIsSuspect!: boolean;

  @Column({ name: 'best_interest_reason_enc', type: 'text', nullable: true })
  bestInterestReasonEnc!: string | null;

  @Column({ name: 'agency_types', type: 'text', array: true })
  agencyTypes!: AgencyType[];

  @Column({ name: 'data_categories', type: 'text', array: true })
  dataCategories!: DataCategory[];

  @Column({ name: 'given_at', type: 'timestamptz' })
  givenAt!: Date;

  /** YYYY-MM-DD: the consent holds to the end of this day (Vietnam time). */
  @Column({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  @Column({ name: 'recorded_by_user_id', type: 'uuid' })
  recordedByUserId!: string;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawn_reason_enc', type: 'text', nullable: true })
  withdrawnReasonEnc!: string | null;

  @Column({ name: 'withdrawn_by_user_id', type: 'uuid', nullable: true })
  withdrawnByUserId!: string | null;
}
