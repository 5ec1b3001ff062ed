import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { SessionsRepository } from './sessions.repository';

/** Password hashing and session storage, shared by auth (sign-in) and users (reset, disable). */
@Module({
  providers: [PasswordHasher, SessionsRepository],
  exports: [PasswordHasher, SessionsRepository],
})
export class CredentialsModule {}
