import { HttpStatus } from '@nestjs/common';
import type { FieldError, InputErrorCode } from '@caunoi/shared/contracts';
import { FieldErrorException } from './api-errors';

/** A PostgreSQL error as `pg` reports it (TypeORM's QueryFailedError copies these fields). */
interface PgError {
  code: string;
  detail?: string;
  column?: string;
  constraint?: string;
  table?: string;
}

/** Two transactions got in each other's way; running the losing one again is safe. */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

export function sqlStateOf(error: unknown): string | null {
  const code = (error as Partial<PgError> | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

export function isRetryableTransactionError(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code !== null && RETRYABLE_SQLSTATES.has(code);
}

/**
 * The last line of defence for input that validation let through: PostgreSQL errors that mean
 * "this request's data", not "the server broke", become a 4xx. Values are never echoed (the
 * error's detail holds them); a column name, when PostgreSQL gives one, names the field.
 */
export function httpErrorForDatabase(error: unknown): FieldErrorException | null {
  const code = sqlStateOf(error);
  if (!code) return null;
  const pg = error as PgError;
  if (RETRYABLE_SQLSTATES.has(code) || code === '55P03') {
    return one(
      HttpStatus.CONFLICT,
      'id',
      'concurrent_update',
      'someone changed this record at the same time; try again',
    );
  }
  if (code === '23505') {
    return one(
      HttpStatus.CONFLICT,
      fieldOf(pg) ?? 'id',
      'already_exists',
      'a record with this value already exists',
    );
  }
  if (code === '23503') {
    // Deleting a row still referenced is a conflict; pointing at a row that does not exist is bad input.
    return /still referenced/.test(pg.detail ?? '')
      ? one(HttpStatus.CONFLICT, 'id', 'still_referenced', 'other records still refer to this one')
      : one(
          HttpStatus.BAD_REQUEST,
          fieldOf(pg) ?? 'id',
          'not_found',
          'refers to a record that does not exist',
        );
  }
  if (code === '23502') {
    return one(
      HttpStatus.BAD_REQUEST,
      fieldOf(pg) ?? 'body',
      'isDefined',
      'a required value is missing',
    );
  }
  // Class 22 is "data exception": a value of the wrong form, too long, out of range, a NUL byte.
  if (code.startsWith('22') || code === '23514') {
    return one(
      HttpStatus.BAD_REQUEST,
      fieldOf(pg) ?? 'body',
      'invalid_value',
      'a value in the request is not valid',
    );
  }
  return null;
}

function one(
  status: HttpStatus,
  field: string,
  code: InputErrorCode,
  message: string,
): FieldErrorException {
  const error: FieldError = { field, code, message };
  return new FieldErrorException(status, [error], message);
}

/** `agency_id` from the error's column, or from "Key (agency_id)=(…)" in its detail, as `agencyId`. */
function fieldOf(pg: PgError): string | null {
  const column = pg.column ?? /^Key \(([a-z0-9_]+)\)=/.exec(pg.detail ?? '')?.[1];
  return column ? column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : null;
}
