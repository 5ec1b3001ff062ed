import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CredentialsModule } from './credentials.module';
import { SignInFailuresRepository } from './sign-in-failures.repository';
import { SignInThrottle } from './sign-in-throttle';
import { JwtStrategy, LocalStrategy } from './strategies';

@Module({
  imports: [PassportModule, JwtModule.register({}), UsersModule, CredentialsModule],
  controllers: [AuthController],
  providers: [AuthService, LocalStrategy, JwtStrategy, SignInThrottle, SignInFailuresRepository],
})
export class AuthModule {}
