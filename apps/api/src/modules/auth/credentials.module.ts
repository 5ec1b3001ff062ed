import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy.service';
import { SessionsRepository } from './sessions.repository';

/**
 * Password hashing, the password policy and session storage, shared by auth (sign-in, password
 * change) and users (create, reset, disable, a password set with a one-time code).
 */
@Module({
  providers: [PasswordHasher, PasswordPolicy, SessionsRepository],
  exports: [PasswordHasher, PasswordPolicy, SessionsRepository],
})
export class CredentialsModule {}
