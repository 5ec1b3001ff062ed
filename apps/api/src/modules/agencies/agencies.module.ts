import { Module } from '@nestjs/common';
import { AdministrativeUnitsController, AgenciesController } from './agencies.controller';
import { AgenciesRepository } from './agencies.repository';
import { AgenciesService } from './agencies.service';

@Module({
  controllers: [AgenciesController, AdministrativeUnitsController],
  providers: [AgenciesService, AgenciesRepository],
  exports: [AgenciesRepository, AgenciesService],
})
export class AgenciesModule {}
