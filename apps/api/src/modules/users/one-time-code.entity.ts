import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A one-time code with which a holder sets their password. Only its SHA-256 is stored (the code
 * has 80 random bits and lives hours, so a slow hash adds nothing); single use, void after too many
 * wrong tries.
 */
@Entity('one_time_codes')
export class OneTimeCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The approved request that yielded it; null for the first admin's (`cli create-admin`). */
  @Column({ name: 'account_change_id', type: 'uuid', nullable: true })
  accountChangeId!: string | null;

  @Column({ name: 'code_hash', type: 'bytea', select: false })
  codeHash!: Buffer;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts!: number;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
