import { HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';

/** One message for an unknown username and a wrong password, so neither is confirmed. */
export const INVALID_CREDENTIALS = 'Invalid username or password';

export function invalidCredentials(): UnauthorizedException {
  return new UnauthorizedException(INVALID_CREDENTIALS);
}

/** 429 with Retry-After; the error filter turns `retryAfterSeconds` into the header. */
export class AccountLockedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: 'Too many failed sign-in attempts. Try again later.',
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
