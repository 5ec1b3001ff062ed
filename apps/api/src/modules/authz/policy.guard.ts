import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { CASE_CONTENT_SUBJECTS } from '@caunoi/shared/authz';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AuthenticatedUser } from './authenticated-user';
import type { RequiredPermission } from './policy.decorators';
import {
  abilityOf,
  ALLOW_PENDING_PASSWORD_CHANGE,
  ALLOW_PENDING_SECOND_FACTOR,
  IS_PUBLIC,
  REQUIRED_PERMISSION,
} from './policy.decorators';

/**
 * Runs after authentication. Blocks everything but the second-factor screens until the session has its
 * second factor, then everything but the password screen while a temporary password is in use, then checks the route's required permission against the caller's CASL ability.
 * Routes without a declared permission and not public are refused: forgetting is not an open door.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const user = request.user;
    if (!user) throw new ForbiddenException();

    const allowSecondFactor = this.reflector.getAllAndOverride<boolean>(
      ALLOW_PENDING_SECOND_FACTOR,
      targets,
    );
    if (user.secondFactor !== null) {
      if (allowSecondFactor) return true;
      const message =
        user.secondFactor === 'enrol'
          ? 'Set up your authenticator app first'
          : 'Give the code from your authenticator app first';
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message,
        errors: [{ field: 'verificationCode', code: 'second_factor_required', message }],
      });
    }
    const allowPending = this.reflector.getAllAndOverride<boolean>(
      ALLOW_PENDING_PASSWORD_CHANGE,
      targets,
    );
    if (user.mustChangePassword && !allowPending) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Change your temporary password first',
        errors: [
          {
            field: 'password',
            code: 'password_change_required',
            message: 'Change your temporary password first',
          },
        ],
      });
    }
    // The second-factor routes check the session's step themselves (409 when there is none to take).
    if (allowPending || allowSecondFactor) return true;

    const required = this.reflector.getAllAndOverride<RequiredPermission | undefined>(
      REQUIRED_PERMISSION,
      targets,
    );
    if (!required) throw new ForbiddenException('No permission declared for this route');
    const ability = abilityOf(request);
    if (!ability.can(required.action, required.subject)) {
      const isCaseRecord =
        (CASE_CONTENT_SUBJECTS as readonly string[]).includes(required.subject) &&
        Boolean(request.params['id']);
      if (!isCaseRecord) throw new ForbiddenException('Your role may not do this');
      // One case record: the service's instance check answers 404 for a record the caller may not
      // see and 403 for one they see but may not change, so probing ids tells nothing.
      if (ability.can('read', required.subject)) return true;
      throw new NotFoundException('Not found');
    }
    return true;
  }
}
