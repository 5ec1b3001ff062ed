import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { MeResponse, TokenResponse } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import {
  AllowPendingPasswordChange,
  AllowPendingSecondFactor,
  Public,
} from '../authz/policy.decorators';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import type { UserEntity } from '../users/user.entity';
import { ChangePasswordDto, LoginDto } from './auth.dto';
import { LocalAuthGuard } from './auth.guards';
import type { IssuedSession } from './auth.service';
import { AuthService } from './auth.service';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { Caller } from '../authz/caller';

const R = ApiRoutes.auth;

@ApiTags('auth')
@Controller(R.root)
export class AuthController {
  private readonly secureCookies: boolean;

  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secureCookies = config.nodeEnv === 'production';
  }

  @Public()
  @RateLimit('sign_in')
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @Post(R.login)
  @HttpCode(HttpStatus.OK)
  async login(
    @Req() req: Request & { user: UserEntity },
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenResponse> {
    return this.withCookie(res, await this.auth.login(req.user));
  }

  @Public()
  @RateLimit('refresh')
  @Post(R.refresh)
  @HttpCode(HttpStatus.OK)
  async refresh(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenResponse> {
    return this.withCookie(res, await this.auth.refresh(readRefreshCookie(req)));
  }

  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @AllowPendingSecondFactor()
  @Post(R.logout)
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(@Caller() caller: Caller, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(caller.user);
    clearRefreshCookie(res, this.secureCookies);
  }

  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @AllowPendingSecondFactor()
  @Get(R.me)
  me(@Caller() caller: Caller): Promise<MeResponse> {
    return this.auth.me(caller.user);
  }

  @ApiBearerAuth()
  @AllowPendingPasswordChange()
  @RateLimit('password_change')
  @Post(R.changePassword)
  @HttpCode(HttpStatus.OK)
  async changePassword(
    @Caller() caller: Caller,
    @Body() dto: ChangePasswordDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenResponse> {
    return this.withCookie(
      res,
      await this.auth.changePassword(caller.user, dto.currentPassword, dto.newPassword),
    );
  }

  private withCookie(res: Response, issued: IssuedSession): TokenResponse {
    setRefreshCookie(res, issued.refreshToken, issued.sessionExpiresAt, this.secureCookies);
    return issued.body;
  }
}
