import { Module } from '@nestjs/common';
import { AdministrativeUnitsCoreModule } from '../administrative-units/administrative-units-core.module';
import { AgenciesController } from './agencies.controller';
import { AgenciesRepository } from './agencies.repository';
import { AgenciesService } from './agencies.service';

@Module({
  imports: [AdministrativeUnitsCoreModule],
  controllers: [AgenciesController],
  providers: [AgenciesService, AgenciesRepository],
  exports: [AgenciesRepository, AgenciesService, AdministrativeUnitsCoreModule],
})
export class AgenciesModule {}
