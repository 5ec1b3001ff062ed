import { Global, Module } from '@nestjs/common';
import { AuditIntegrityRepository } from './audit-integrity.repository';
import { AuditIntegrityService } from './audit-integrity.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { DeniedAccessRecorder } from './denied-access.recorder';

@Global()
@Module({
  providers: [
    AuditRepository,
    AuditService,
    AuditIntegrityRepository,
    AuditIntegrityService,
    DeniedAccessRecorder,
  ],
  exports: [
    AuditService,
    AuditRepository,
    AuditIntegrityRepository,
    AuditIntegrityService,
    DeniedAccessRecorder,
  ],
})
export class AuditModule {}
