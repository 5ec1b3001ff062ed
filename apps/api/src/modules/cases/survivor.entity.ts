import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AgeGroup, DisabilityStatus, EthnicMinorityStatus, Sex } from '@caunoi/shared/domain';

/**
 * The person. Identity is one encrypted JSON document (`identity_enc`); only coded facts
 * (sex, age group) and the names of the fields on file are in clear, for masking and statistics.
 */
@Entity('survivors')
export class SurvivorEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  code!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'boolean' })
  anonymous!: boolean;

  @Column({ type: 'varchar', length: 10 })
  sex!: Sex;

  @Column({ name: 'age_group', type: 'varchar', length: 10 })
  ageGroup!: AgeGroup;

  /** Coded for statistics (yes / no / unknown), outside the encrypted identity. */
  @Column({ name: 'disability', type: 'varchar', length: 8, default: 'unknown' })
  disabilityStatus!: DisabilityStatus;

  @Column({ name: 'ethnic_minority', type: 'varchar', length: 8, default: 'unknown' })
  ethnicMinority!: EthnicMinorityStatus;

  @Column({ name: 'identity_enc', type: 'text', nullable: true })
  identityEnc!: string | null;

  /** Raised by each correction of the identity (a stale correction is a 409). */
  @Column({ name: 'identity_version', type: 'integer', default: 1 })
  identityVersion!: number;

  @Column({ name: 'identity_fields', type: 'text', array: true, default: () => `'{}'` })
  identityFields!: string[];

  @Column({ name: 'phone_bidx', type: 'bytea', nullable: true })
  phoneBidx!: Buffer | null;

  @Column({ name: 'name_dob_bidx', type: 'bytea', nullable: true })
  nameDobBidx!: Buffer | null;

  /** Id of the blind-index key both digests were made with (null when there is none). */
  @Column({ name: 'bidx_key', type: 'varchar', length: 16, nullable: true })
  bidxKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
