import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { CredentialsModule } from '../auth/credentials.module';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [AgenciesModule, CredentialsModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository],
  exports: [UsersService, UsersRepository],
})
export class UsersModule {}
