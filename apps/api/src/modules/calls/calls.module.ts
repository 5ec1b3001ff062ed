import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { IntakeRepository } from '../intake/intake.repository';
import { CallsController, HotlineLinesController } from './calls.controller';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';

@Module({
  imports: [AgenciesModule],
  controllers: [CallsController, HotlineLinesController],
  providers: [CallsService, CallsRepository, IntakeRepository],
})
export class CallsModule {}
