import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { CredentialsModule } from '../auth/credentials.module';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';
import { AccountChangeEffects } from './account-change-effects';
import { AccountChangeNotices } from './account-change-notices';
import { AccountChangesController } from './account-changes.controller';
import { AccountChangesRepository } from './account-changes.repository';
import { AccountChangesService } from './account-changes.service';
import { AccountGrants } from './account-grants';
import { AccountSetupController } from './account-setup.controller';
import { AccountSetupService } from './account-setup.service';
import { OneTimeCodeEmailsRepository } from './one-time-code-emails.repository';
import { OneTimeCodeIssuer } from './one-time-code-issuer';
import { OneTimeCodesRepository } from './one-time-codes.repository';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** People and accounts, with the two-person rule on what could reach survivor data. */
@Module({
  imports: [AgenciesModule, CredentialsModule, NotificationOutboxModule],
  controllers: [UsersController, AccountChangesController, AccountSetupController],
  providers: [
    UsersService,
    UsersRepository,
    AccountGrants,
    AccountChangesService,
    AccountChangesRepository,
    AccountChangeEffects,
    AccountChangeNotices,
    AccountSetupService,
    OneTimeCodeIssuer,
    OneTimeCodesRepository,
    OneTimeCodeEmailsRepository,
  ],
  exports: [UsersService, UsersRepository],
})
export class UsersModule {}
