import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Language, Role } from '@caunoi/shared/domain';
import { AgencyEntity } from '../agencies/agency.entity';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => AgencyEntity)
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  /** Where notifications go by email (the holder's choices in `emailTopics`); set by an admin. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /**
   * Who last set `email`: a one-time code goes to the address only when neither the change's
   * requester nor the holder set it (decision 0023).
   */
  @Column({ name: 'email_set_by', type: 'uuid', nullable: true })
  emailSetBy!: string | null;

  /** The language of the emails (vi or en). */
  @Column({ type: 'varchar', length: 2, default: 'vi' })
  language!: Language;

  /** The holder's email choice per topic (`EmailTopic`); a topic not named keeps its default. */
  @Column({ name: 'email_topics', type: 'jsonb', default: {} })
  emailTopics!: Record<string, boolean>;

  /** Null while the account has no password (new, or reset): it cannot sign in until one is set. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ name: 'must_change_password', type: 'boolean', default: true })
  mustChangePassword!: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  @Column({ name: 'failed_login_count', type: 'integer', default: 0 })
  failedLoginCount!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
