import type { SessionSecondFactor } from '@caunoi/shared/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A signed-in session. The refresh token is stored only as a SHA-256 hash. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'refresh_token_hash', type: 'bytea' })
  refreshTokenHash!: Buffer;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 40, nullable: true })
  revokedReason!: string | null;

  @Column({ name: 'second_factor', type: 'varchar', length: 16, default: 'not_required' })
  secondFactor!: SessionSecondFactor;

  @Column({ name: 'second_factor_failures', type: 'integer', default: 0 })
  secondFactorFailures!: number;
}
