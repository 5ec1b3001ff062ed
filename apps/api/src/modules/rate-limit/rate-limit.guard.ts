import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { TooManyRequestsException } from '../../common/api-errors';
import { clientKey } from './client-key';
import type { RateLimitPolicyName } from './rate-limit-policies';
import { RATE_LIMIT_POLICY } from './rate-limit.decorator';
import { RateLimiter } from './rate-limiter';

export const RATE_LIMITED_MESSAGE = 'Too many requests. Try again later.';

/**
 * Global, and first of the guards: a route's named policies are counted before the credentials
 * are looked at, so a flood of guesses costs no password hashing.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policies = this.reflector.getAllAndOverride<RateLimitPolicyName[] | undefined>(
      RATE_LIMIT_POLICY,
      [context.getHandler(), context.getClass()],
    );
    if (!policies?.length) return true;
    const client = clientKey(context.switchToHttp().getRequest<Request>().ip);
    for (const policy of policies) {
      const decision = await this.limiter.consume(policy, client);
      if (!decision.allowed) {
        throw new TooManyRequestsException(
          decision.retryAfterSeconds,
          'rate_limited',
          RATE_LIMITED_MESSAGE,
        );
      }
    }
    return true;
  }
}
