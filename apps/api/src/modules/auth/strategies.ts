import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy as JwtPassportStrategy } from 'passport-jwt';
import { Strategy as LocalPassportStrategy } from 'passport-local';
import type { Request } from 'express';
import { BACKGROUND_REQUEST_HEADER } from '@caunoi/shared/contracts';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { clientKey } from '../rate-limit/client-key';
import type { UserEntity } from '../users/user.entity';
import { accessTokenKey } from './access-token-key';
import type { AccessTokenPayload } from './auth.service';
import { AuthService } from './auth.service';

/** Username + password sign-in; the client's address decides whose failures slow whom. */
@Injectable()
export class LocalStrategy extends PassportStrategy(LocalPassportStrategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: Request, username: string, password: string): Promise<UserEntity> {
    return this.auth.validateCredentials(username, password, clientKey(request.ip));
  }
}

/**
 * Bearer access tokens. Expiry is checked against the injected clock in AuthService (so tests
 * can move time), which is why the library's own expiry check is off.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtPassportStrategy, 'jwt') {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A secret-key object, made once: passport-jwt hands it to jsonwebtoken as it is (its types
      // say string | Buffer, jsonwebtoken takes a KeyObject too).
      secretOrKey: accessTokenKey(config) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: true,
      passReqToCallback: true,
    });
  }

  validate(request: Request, payload: AccessTokenPayload): Promise<AuthenticatedUser> {
    const background = request.header(BACKGROUND_REQUEST_HEADER) === '1';
    return this.auth.authenticate(payload, { background });
  }
}
