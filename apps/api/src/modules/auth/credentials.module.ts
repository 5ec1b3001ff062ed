import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy.service';
import { SecondFactorRepository } from './second-factor/second-factor.repository';
import { SessionsRepository } from './sessions.repository';

/**
 * Password hashing, the password policy, session storage and second-factor secrets, shared by auth
 * (sign-in, password change) and users (create, reset, disable, a password set with a one-time code).
 */
@Module({
  providers: [PasswordHasher, PasswordPolicy, SessionsRepository, SecondFactorRepository],
  exports: [PasswordHasher, PasswordPolicy, SessionsRepository, SecondFactorRepository],
})
export class CredentialsModule {}
