import { Module } from '@nestjs/common';
import { AdministrativeUnitLookup } from './administrative-unit-lookup';
import { AdministrativeUnitsRepository } from './administrative-units.repository';

/** Unit checks and successor resolution for the modules that record a place (no cycle with agencies). */
@Module({
  providers: [AdministrativeUnitsRepository, AdministrativeUnitLookup],
  exports: [AdministrativeUnitsRepository, AdministrativeUnitLookup],
})
export class AdministrativeUnitsCoreModule {}
