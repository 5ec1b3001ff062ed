import { Module } from '@nestjs/common';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';
import { AuditChainer } from './audit-chainer';
import { AuditCheckpointMarks } from './audit-checkpoint-marks';
import { AuditIntegrityMonitor } from './audit-integrity.monitor';

/** The worker's audit-log chainer and watch (the API only reads their findings, through /api/health). */
@Module({
  imports: [NotificationOutboxModule],
  providers: [AuditChainer, AuditIntegrityMonitor, AuditCheckpointMarks],
})
export class AuditMonitorModule {}
