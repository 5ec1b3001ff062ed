import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';
import { ReferralsCoreModule } from '../referrals/referrals-core.module';
import { UsersModule } from '../users/users.module';
import { CaseAccess } from './case-access';
import { CaseOpeningService } from './case-opening.service';
import { CasePartsService } from './case-parts.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { ConsentPolicy } from './consent-policy';
import { DuplicateCheck } from './duplicate-check';
import { IncidentInput } from './incident-input';
import { SurvivorIdentity } from './survivor-identity';

@Module({
  imports: [
    AgenciesModule,
    UsersModule,
    DeadlinesModule,
    ReferralsCoreModule,
    NotificationOutboxModule,
  ],
  controllers: [CasesController],
  providers: [
    CasesService,
    CaseOpeningService,
    CasePartsService,
    CasesRepository,
    CaseAccess,
    ConsentPolicy,
    DuplicateCheck,
    IncidentInput,
    SurvivorIdentity,
  ],
  exports: [CasesService, CaseOpeningService, CasesRepository, CaseAccess],
})
export class CasesModule {}
