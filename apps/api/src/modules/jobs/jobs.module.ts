import { Module } from '@nestjs/common';
import { CredentialsModule } from '../auth/credentials.module';
import { MaintenanceProcessor } from './maintenance.processor';
import { QueueRuntime } from './queue-runtime';

@Module({ imports: [CredentialsModule], providers: [MaintenanceProcessor, QueueRuntime] })
export class JobsModule {}
