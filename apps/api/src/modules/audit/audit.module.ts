import { Global, Module } from '@nestjs/common';
import { AuditChainRepository } from './audit-chain.repository';
import { AuditChainService } from './audit-chain.service';
import { AuditIntegrityRepository } from './audit-integrity.repository';
import { AuditIntegrityService } from './audit-integrity.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { DeniedAccessRecorder } from './denied-access.recorder';

@Global()
@Module({
  providers: [
    AuditRepository,
    AuditChainRepository,
    AuditChainService,
    AuditService,
    AuditIntegrityRepository,
    AuditIntegrityService,
    DeniedAccessRecorder,
  ],
  exports: [
    AuditService,
    AuditRepository,
    AuditChainRepository,
    AuditChainService,
    AuditIntegrityRepository,
    AuditIntegrityService,
    DeniedAccessRecorder,
  ],
})
export class AuditModule {}
