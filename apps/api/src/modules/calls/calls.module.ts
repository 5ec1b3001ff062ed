import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { IntakeRepository } from '../intake/intake.repository';
import { CallsController, HotlineLinesController } from './calls.controller';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';
import { HotlineLinesService } from './hotline-lines.service';

@Module({
  imports: [AgenciesModule],
  controllers: [CallsController, HotlineLinesController],
  providers: [CallsService, HotlineLinesService, CallsRepository, IntakeRepository],
})
export class CallsModule {}
