import { UnauthorizedException } from '@nestjs/common';
import { retryAfterSeconds } from '@caunoi/shared/domain';
import { TooManyRequestsException } from '../../common/api-errors';

/** One message for an unknown username and a wrong password, so neither is confirmed. */
export const INVALID_CREDENTIALS = 'Invalid username or password';

export function invalidCredentials(): UnauthorizedException {
  return new UnauthorizedException(INVALID_CREDENTIALS);
}

/** One message whether or not the account exists: the wait belongs to this name from this client. */
export const SIGN_IN_DELAYED = 'Too many failed sign-ins. Try again later.';

/** 429 with Retry-After; the same for every name, known or not. */
export function signInDelayed(waitMs: number): TooManyRequestsException {
  return new TooManyRequestsException(
    retryAfterSeconds(waitMs),
    'sign_in_delayed',
    SIGN_IN_DELAYED,
  );
}
