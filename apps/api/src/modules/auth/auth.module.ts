import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CredentialsModule } from './credentials.module';
import { SecondFactorController } from './second-factor/second-factor.controller';
import { SecondFactorService } from './second-factor/second-factor.service';
import { SignInFailuresRepository } from './sign-in-failures.repository';
import { SignInThrottle } from './sign-in-throttle';
import { JwtStrategy, LocalStrategy } from './strategies';

@Module({
  imports: [PassportModule, JwtModule.register({}), UsersModule, CredentialsModule],
  controllers: [AuthController, SecondFactorController],
  providers: [
    AuthService,
    LocalStrategy,
    JwtStrategy,
    SecondFactorService,
    SignInThrottle,
    SignInFailuresRepository,
  ],
})
export class AuthModule {}
