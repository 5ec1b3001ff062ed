import { ProtectionModule } from './modules/protection/protection.module';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { AdministrativeUnitsModule } from './modules/administrative-units/administrative-units.module';
import { AgenciesModule } from './modules/agencies/agencies.module';
import { AuthModule } from './modules/auth/auth.module';
import { CallsModule } from './modules/calls/calls.module';
import { CasesModule } from './modules/cases/cases.module';
import { CommunityReferralsModule } from './modules/community-referrals/community-referrals.module';
import { JwtAuthGuard } from './modules/auth/auth.guards';
import { PolicyGuard } from './modules/authz/policy.guard';
import { RateLimitGuard } from './modules/rate-limit/rate-limit.guard';
import { RateLimitModule } from './modules/rate-limit/rate-limit.module';
import { HealthModule } from './modules/health/health.module';
import { IntakeModule } from './modules/intake/intake.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { PeriodicReportsModule } from './modules/periodic-reports/periodic-reports.module';
import { DeadlinesModule } from './modules/deadlines/deadlines.module';
import { IncidentReportsModule } from './modules/incident-reports/incident-reports.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ReferralsModule } from './modules/referrals/referrals.module';
import { StatisticsModule } from './modules/statistics/statistics.module';
import { UsersModule } from './modules/users/users.module';
import { CaseClosureModule } from './modules/cases/closure/case-closure.module';
import { CasePlansModule } from './modules/cases/plans/case-plans.module';
import { CaseFollowUpsModule } from './modules/cases/follow-ups/case-follow-ups.module';
import { ConferencesModule } from './modules/conferences/conferences.module';
import { TeamCaseloadModule } from './modules/cases/team/team-caseload.module';

/**
 * The HTTP process. Guards run in order: not too often (rate limits), who are you (JWT + session),
 * then may you (CASL).
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        RateLimitModule,
        HealthModule,
        AuthModule,
        UsersModule,
        AgenciesModule,
        AdministrativeUnitsModule,
        CallsModule,
        CommunityReferralsModule,
        CasesModule,
        ReferralsModule,
        IntakeModule,
        DeadlinesModule,
        CalendarModule,
        NotificationsModule,
        IncidentReportsModule,
        CaseClosureModule,
        CasePlansModule,
        CaseFollowUpsModule,
        ConferencesModule,
        TeamCaseloadModule,
        ProtectionModule,
        StatisticsModule,
        PeriodicReportsModule,
      ],
      providers: [
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PolicyGuard },
      ],
    };
  }
}
