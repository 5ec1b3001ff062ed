import { AdministrativeUnitEntity } from '../modules/agencies/administrative-unit.entity';
import { AgencyEntity } from '../modules/agencies/agency.entity';
import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/users/user.entity';

export const ENTITIES = [
  AdministrativeUnitEntity,
  AgencyEntity,
  UserEntity,
  SessionEntity,
  AuditLogEntity,
];
