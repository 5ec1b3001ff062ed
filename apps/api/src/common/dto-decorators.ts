import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import type { ValidationOptions } from 'class-validator';
import {
  IsArray,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  isEmail,
  isISO8601,
} from 'class-validator';
import { saslprep } from '@mongodb-js/saslprep';
import { EXPORT_PASSWORD_LENGTH } from '@caunoi/shared/contracts';
import { isValidCalendarDate } from '@caunoi/shared/domain';

/**
 * The field may be left out, but `null` is refused. class-validator's `@IsOptional()` lets `null`
 * through every other rule, which is right only for fields whose null means "clear this"; a field
 * the service cannot hold as null (a list, a required column, a nested object) uses this instead.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

interface NestedOptions {
  /** May be left out (`null` still refused). */
  optional?: boolean;
  /** May be left out or `null`. */
  nullable?: boolean;
}

/**
 * One nested DTO. `@ValidateNested()` alone passes a missing value and validates an array in place
 * of the object (so `survivor: []` or a body without `consent` reached the service): this also
 * requires a plain object unless the field is optional.
 */
export function NestedObject(
  type: () => new () => object,
  options: NestedOptions = {},
): PropertyDecorator {
  const presence = options.nullable
    ? IsOptional()
    : options.optional
      ? IsOmittable()
      : IsDefined({ message: '$property is required' });
  return applyDecorators(
    presence,
    IsObject({ message: '$property must be an object' }),
    ValidateNested(),
    Type(type),
  );
}

/** A list of nested DTOs: an array whose every element is a plain object that validates. */
export function NestedArray(type: () => new () => object): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    IsObject({ each: true, message: 'each of $property must be an object' }),
    ValidateNested({ each: true }),
    Type(type),
  );
}

/** `YYYY-MM-DD` naming a real day (no 2024-02-30, no year 0): PostgreSQL's `date` takes every one. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      // The code the services already give an impossible date, so the web has one message for both.
      name: 'invalid_date',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidCalendarDate(value),
        defaultMessage: () => '$property must be a real date (YYYY-MM-DD)',
      },
    },
    options,
  );
}

/** Years an instant of ours can fall in; outside them a date is a typo, and far ones break `Date`. */
const INSTANT_MIN = Date.UTC(1900, 0, 1);
const INSTANT_MAX = Date.UTC(2200, 0, 1);

/** A strict ISO 8601 date-time (or date) between 1900 and 2200, which JavaScript and PostgreSQL both read. */
export function isPlausibleInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !isISO8601(value, { strict: true })) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && time >= INSTANT_MIN && time < INSTANT_MAX;
}

/** See isPlausibleInstant. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isPlausibleInstant,
        defaultMessage: () => '$property must be an ISO 8601 date and time between 1900 and 2200',
      },
    },
    options,
  );
}

/** A UTF-16 surrogate without its pair: not text, and `validator`'s isEmail throws on it (a 500). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * An email address. class-validator's `@IsEmail()` throws a URIError on a string holding a lone
 * surrogate (found by the fuzz test), which would answer 500: this refuses it first.
 */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmail',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value),
        defaultMessage: () => '$property must be an email address',
      },
    },
    options,
  );
}

/**
 * A password an AES-256 PDF can hold: PDF security prepares it with SASLprep (RFC 4013), which refuses
 * control characters and code points unassigned in Unicode 3.2 (emoji among them). Vietnamese letters,
 * digits, punctuation and spaces pass.
 */
function isFilePassword(value: unknown): boolean {
  if (typeof value !== 'string') return true; // IsString names that problem
  try {
    return saslprep(value).length > 0;
  } catch {
    return false;
  }
}

/** The optional password of an XLSX or PDF export (the user types it; it is never kept). */
export function IsExportPassword(): PropertyDecorator {
  return applyDecorators(
    IsOmittable(),
    IsString(),
    MinLength(EXPORT_PASSWORD_LENGTH.min),
    MaxLength(EXPORT_PASSWORD_LENGTH.max),
    ValidateBy({
      name: 'unsupported_characters',
      validator: {
        validate: isFilePassword,
        defaultMessage: () =>
          '$property holds characters a protected file cannot use (emoji, control or unassigned characters)',
      },
    }),
  );
}
