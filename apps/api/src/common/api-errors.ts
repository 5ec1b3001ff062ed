import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorBody, FieldError, TooManyRequestsCode } from '@caunoi/shared/contracts';

/** A 4xx that names the field and the reason, in the same shape as validation errors. */
export class FieldErrorException extends HttpException {
  constructor(status: HttpStatus, errors: FieldError[], message = 'Validation failed') {
    const body: ApiErrorBody = {
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message,
      errors,
    };
    super(body, status);
  }
}

export function fieldError(
  status: HttpStatus,
  field: string,
  code: string,
  message: string,
): FieldErrorException {
  return new FieldErrorException(status, [{ field, code, message }]);
}

/** 429 with a reason code; the error filter turns `retryAfterSeconds` into the Retry-After header. */
export class TooManyRequestsException extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    code: TooManyRequestsCode,
    message: string,
  ) {
    const body: ApiErrorBody = {
      statusCode: HttpStatus.TOO_MANY_REQUESTS,
      error: 'Too Many Requests',
      message,
      code,
    };
    super(body, HttpStatus.TOO_MANY_REQUESTS);
  }
}
