import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AdministrativeUnitLevel } from '@caunoi/shared/domain';

@Entity('administrative_units')
export class AdministrativeUnitEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: AdministrativeUnitLevel;

  @Column({ name: 'parent_code', type: 'varchar', length: 16, nullable: true })
  parentCode!: string | null;
}
