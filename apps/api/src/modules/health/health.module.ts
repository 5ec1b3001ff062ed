import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { HealthController, QueuesController } from './health.controller';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';
import { QueueStatsRepository } from './queue-stats.repository';

@Module({
  imports: [DeadlinesModule],
  controllers: [HealthController, QueuesController],
  providers: [HealthService, HealthRepository, QueueStatsRepository],
})
export class HealthModule {}
