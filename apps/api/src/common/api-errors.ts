import { STATUS_CODES } from 'node:http';
import type { HttpStatus } from '@nestjs/common';
import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, FieldError } from '@caunoi/shared/contracts';

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
