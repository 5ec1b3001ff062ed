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
  requestId?: string;
}
