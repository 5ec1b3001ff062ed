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
