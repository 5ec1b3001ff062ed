import type { ArgumentMetadata } from '@nestjs/common';
import { HttpStatus, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldError } from '@caunoi/shared/contracts';
import { FieldErrorException } from './api-errors';
import { findMalformedInput } from './request-shape';
import { memoizeValidationMetadata } from './validation-metadata-memo';

/** Flattens class-validator's tree into one entry per field and failed rule. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    // An empty key (`{"": 1}`) is still named, as `""`; an error about the whole value names it `body`.
    const name = error.property === '' ? '""' : (error.property ?? 'body');
    const field = parent ? `${parent}.${name}` : name;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code,
      message,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/**
 * The global ValidationPipe, plus the checks class-validator cannot make: a body must be one JSON
 * object (an array or a bare value would be validated as nothing), and path parameters, which the
 * request-shape middleware cannot see yet, must hold no NUL character.
 */
export class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param') {
      const problem = findMalformedInput(value, metadata.data ?? 'path');
      if (problem) throw new FieldErrorException(HttpStatus.BAD_REQUEST, [problem]);
    }
    const isDto = typeof metadata.metatype === 'function' && this.toValidate(metadata);
    if (metadata.type === 'body' && isDto && value !== undefined && !isPlainObject(value)) {
      throw new FieldErrorException(HttpStatus.BAD_REQUEST, [
        { field: 'body', code: 'isObject', message: 'the body must be a JSON object' },
      ]);
    }
    return super.transform(value, metadata);
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The global pipe's validator options (the fuzz test validates with the same ones, in process). */
export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  // Nest's default: a DTO without rules (a body that must be empty) is not an unknown value.
  forbidUnknownValues: false,
  // One clear reason per field is easier to act on than three overlapping ones.
  stopAtFirstError: true,
  transformOptions: { enableImplicitConversion: false },
  // Errors carry no copy of the request's values, whatever later code does with them.
  validationError: { target: false, value: false },
} as const;

/** The one global pipe: strips nothing silently, refuses unknown fields, converts types. */
export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
  return new AppValidationPipe({
    ...VALIDATION_OPTIONS,
    transform: true,
    exceptionFactory: (errors) =>
      new FieldErrorException(HttpStatus.BAD_REQUEST, toFieldErrors(errors)),
  });
}
