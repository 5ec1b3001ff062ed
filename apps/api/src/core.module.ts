import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { Clock, SystemClock } from './common/clock';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { RetryingDataSource } from './database/retrying-data-source';
import { UnitOfWork } from './database/unit-of-work';
import { loggerOptions } from './logging';
import { AuditModule } from './modules/audit/audit.module';
import { CryptoModule } from './modules/crypto/crypto.module';
import { DeadlineScheduler } from './modules/deadlines/deadline-scheduler';
import { EnqueueFailuresRepository } from './modules/deadlines/enqueue-failures.repository';
import { RedisModule } from './modules/redis/redis.module';

/**
 * What both processes (HTTP and worker) need: config, logging, the database and its unit of work,
 * Redis, the clock, audit.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config),
          // Every service's transactions retry deadlocks and serialization failures (see the class).
          dataSourceFactory: (options) => {
            if (!options) throw new Error('no data source options');
            return new RetryingDataSource(options).initialize();
          },
        }),
        RedisModule,
        AuditModule,
        CryptoModule,
      ],
      // Every command's transaction (UnitOfWork) hands its deadline stages to BullMQ after commit.
      providers: [
        { provide: Clock, useClass: SystemClock },
        DeadlineScheduler,
        EnqueueFailuresRepository,
        UnitOfWork,
      ],
      exports: [Clock, DeadlineScheduler, EnqueueFailuresRepository, UnitOfWork],
    };
  }
}
