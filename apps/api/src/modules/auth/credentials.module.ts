import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { SecondFactorRepository } from './second-factor/second-factor.repository';
import { SessionsRepository } from './sessions.repository';

/**
 * Password hashing, session storage and second-factor secrets, shared by auth (sign-in) and users
 * (reset, disable).
 */
@Module({
  providers: [PasswordHasher, SessionsRepository, SecondFactorRepository],
  exports: [PasswordHasher, SessionsRepository, SecondFactorRepository],
})
export class CredentialsModule {}
