import { Module } from '@nestjs/common';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';
import { AuditCheckpointMarks } from './audit-checkpoint-marks';
import { AuditIntegrityMonitor } from './audit-integrity.monitor';

/** The worker's audit-log watch (the API only reads its findings, through /api/health). */
@Module({
  imports: [NotificationOutboxModule],
  providers: [AuditIntegrityMonitor, AuditCheckpointMarks],
})
export class AuditMonitorModule {}
