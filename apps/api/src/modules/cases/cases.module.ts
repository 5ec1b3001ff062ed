import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';
import { ReferralsCoreModule } from '../referrals/referrals-core.module';
import { UsersModule } from '../users/users.module';
import {
  RiskAssessmentsController,
  RiskInstrumentsController,
} from './assessments/risk-assessments.controller';
import { RiskAssessmentsRepository } from './assessments/risk-assessments.repository';
import { RiskAssessmentsService } from './assessments/risk-assessments.service';
import { RiskInstrumentsService } from './assessments/risk-instruments.service';
import { CaseAccess } from './case-access';
import { CaseCorrectionsController } from './corrections/case-corrections.controller';
import { CaseCorrectionsRepository } from './corrections/case-corrections.repository';
import { CaseCorrectionsService } from './corrections/case-corrections.service';
import { SurvivorIdentityCorrectionService } from './corrections/survivor-identity-correction.service';
import { ChildEmergenciesController } from './child-emergencies/child-emergencies.controller';
import { ChildEmergenciesRepository } from './child-emergencies/child-emergencies.repository';
import { ChildEmergenciesService } from './child-emergencies/child-emergencies.service';
import { ChildEmergencyClocks } from './child-emergencies/child-emergency-clocks';
import { PerpetratorsController } from './perpetrators/perpetrators.controller';
import { PerpetratorsRepository } from './perpetrators/perpetrators.repository';
import { PerpetratorsService } from './perpetrators/perpetrators.service';
import { SafetyPlansController } from './safety-plans/safety-plans.controller';
import { SafetyPlansRepository } from './safety-plans/safety-plans.repository';
import { SafetyPlansService } from './safety-plans/safety-plans.service';
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
  controllers: [
    CasesController,
    RiskAssessmentsController,
    RiskInstrumentsController,
    SafetyPlansController,
    PerpetratorsController,
    ChildEmergenciesController,
    CaseCorrectionsController,
  ],
  providers: [
    CasesService,
    CaseOpeningService,
    CasePartsService,
    CasesRepository,
    CaseAccess,
    CaseCorrectionsRepository,
    CaseCorrectionsService,
    ChildEmergenciesRepository,
    ChildEmergenciesService,
    ChildEmergencyClocks,
    ConsentPolicy,
    DuplicateCheck,
    IncidentInput,
    RiskAssessmentsRepository,
    RiskAssessmentsService,
    RiskInstrumentsService,
    PerpetratorsRepository,
    PerpetratorsService,
    SafetyPlansRepository,
    SafetyPlansService,
    SurvivorIdentity,
    SurvivorIdentityCorrectionService,
  ],
  exports: [CasesService, CaseOpeningService, CasesRepository, CaseAccess, PerpetratorsService],
})
export class CasesModule {}
