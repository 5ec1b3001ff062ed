import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { AdministrativeUnitsController } from './administrative-units.controller';
import { AdministrativeUnitsCoreModule } from './administrative-units-core.module';
import { AdministrativeUnitsService } from './administrative-units.service';

/** The unit list for every picker and the admin's rename / retire / merge. */
@Module({
  imports: [AdministrativeUnitsCoreModule, AgenciesModule],
  controllers: [AdministrativeUnitsController],
  providers: [AdministrativeUnitsService],
})
export class AdministrativeUnitsModule {}
