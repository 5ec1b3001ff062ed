import { Module } from '@nestjs/common';
import { StatisticsRecounter } from './statistics-recounter';
import { StatisticsRepository } from './statistics.repository';

/** The worker's side of statistics: stale stored years are counted again in the background. */
@Module({
  providers: [StatisticsRepository, StatisticsRecounter],
})
export class StatisticsWorkerModule {}
