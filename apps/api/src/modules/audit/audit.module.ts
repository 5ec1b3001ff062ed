import { Global, Module } from '@nestjs/common';
import { AuditIntegrityRepository } from './audit-integrity.repository';
import { AuditIntegrityService } from './audit-integrity.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Global()
@Module({
  providers: [AuditRepository, AuditService, AuditIntegrityRepository, AuditIntegrityService],
  exports: [AuditService, AuditRepository, AuditIntegrityRepository, AuditIntegrityService],
})
export class AuditModule {}
