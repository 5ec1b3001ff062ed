import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import type { AppAbility } from '@caunoi/shared/authz';
import type { AuthenticatedUser } from './authenticated-user';
import { abilityOf } from './policy.decorators';
import type { RequestWithAbility } from './policy.decorators';

/** Who is calling: the authenticated user and what their role may do (built once per request). */
export interface Caller {
  readonly user: AuthenticatedUser;
  readonly ability: AppAbility;
}

/** The one parameter decorator a route needs to know its caller: `@Caller() caller: Caller`. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const request = ctx.switchToHttp().getRequest<RequestWithAbility>();
  if (!request.user) throw new Error('Caller used on a public route');
  return { user: request.user, ability: abilityOf(request) };
});
