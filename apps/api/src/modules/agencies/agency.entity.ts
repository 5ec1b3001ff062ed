import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AgencyType, ServiceType } from '@caunoi/shared/domain';

@Entity('agencies')
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: AgencyType;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'province_code', type: 'varchar', length: 16 })
  provinceCode!: string;

  @Column({ name: 'commune_code', type: 'varchar', length: 16, nullable: true })
  communeCode!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  services!: ServiceType[];

  @Column({ name: 'covers_whole_province', type: 'boolean', default: false })
  coversWholeProvince!: boolean;

  @Column({ name: 'coverage_commune_codes', type: 'text', array: true, default: () => `'{}'` })
  coverageCommuneCodes!: string[];

  @Column({ name: 'open_24h', type: 'boolean', default: false })
  open24h!: boolean;

  @Column({ name: 'opening_hours', type: 'varchar', length: 200, nullable: true })
  openingHours!: string | null;

  @Column({ name: 'capacity_note', type: 'varchar', length: 300, nullable: true })
  capacityNote!: string | null;

  @Column({ name: 'accepting_referrals', type: 'boolean', default: true })
  acceptingReferrals!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
