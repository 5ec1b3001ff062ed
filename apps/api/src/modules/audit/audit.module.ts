import { Global, Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { DeniedAccessRecorder } from './denied-access.recorder';

@Global()
@Module({
  providers: [AuditRepository, AuditService, DeniedAccessRecorder],
  exports: [AuditService, AuditRepository, DeniedAccessRecorder],
})
export class AuditModule {}
