import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { TooManyRequestsException } from '../../common/api-errors';
import { clientKey } from './client-key';
import { RATE_LIMITED_MESSAGE } from './rate-limit.guard';
import type { RateLimiter } from './rate-limiter';

/**
 * The `general` policy on every API request, as Express middleware ahead of body parsing and
 * routing, so malformed bodies and unknown routes count too. The error goes to the one filter.
 */
export function generalRateLimit(limiter: RateLimiter): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    limiter
      .consume('general', clientKey(req.ip))
      .then(
        (decision) =>
          next(
            decision.allowed
              ? undefined
              : new TooManyRequestsException(
                  decision.retryAfterSeconds,
                  'rate_limited',
                  RATE_LIMITED_MESSAGE,
                ),
          ),
        next,
      );
  };
}
