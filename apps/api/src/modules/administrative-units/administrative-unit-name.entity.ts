import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One name of a unit and the period it was in use; the open period is the current name. */
@Entity('administrative_unit_names')
export class AdministrativeUnitNameEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 16 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo!: string | null;
}
