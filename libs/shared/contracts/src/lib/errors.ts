/** One problem with one field of a request; `code` is stable and translated by the web app. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** Body of every 4xx response. 5xx bodies carry only `statusCode`, `message` and `requestId`. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: FieldError[];
  /** A stable reason for errors that are not about one field (see `TooManyRequestsCode`). */
  code?: string;
  requestId?: string;
}

/**
 * Why a request got 429 (always with a `Retry-After` header, in seconds):
 * - `sign_in_delayed`: too many failed sign-ins for this name from this client; the same answer
 *   whether or not the account exists;
 * - `rate_limited`: too many requests from this client for one of the API's rate limits.
 */
export type TooManyRequestsCode = 'sign_in_delayed' | 'rate_limited';

/**
 * Codes of the 4xx answers the API gives malformed input on any route (the request-shape checks,
 * the DTO decorators, cursors, the database's last line of defence). The web translates each.
 */
export const INPUT_ERROR_CODES = [
  'nul_character',
  'too_deep',
  'invalid_json',
  'too_large',
  'unsupported_media_type',
  'unsupported_charset',
  'unsupported_encoding',
  'too_many_parameters',
  'invalid_body',
  'invalid_request',
  'invalid_encoding',
  'invalid_cookie',
  'invalid_cursor',
  'isObject',
  'isDefined',
  'invalid_date',
  'isInstant',
  'concurrent_update',
  'already_exists',
  'not_found',
  'still_referenced',
  'invalid_value',
] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];
