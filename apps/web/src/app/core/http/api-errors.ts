import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiErrorBody, FieldError, TooManyRequestsCode } from '@caunoi/shared/contracts';

export function apiErrorBody(error: unknown): Partial<ApiErrorBody> | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  return body && typeof body === 'object' ? (body as Partial<ApiErrorBody>) : null;
}

export function fieldErrorsOf(error: unknown): FieldError[] {
  const errors = apiErrorBody(error)?.errors;
  return Array.isArray(errors) ? errors : [];
}

/** The API marks "change your password first" with this code (403). */
export const PASSWORD_CHANGE_REQUIRED = 'password_change_required';

export function isPasswordChangeRequired(error: HttpErrorResponse): boolean {
  if (error.status !== 403) return false;
  const body = apiErrorBody(error) as (Partial<ApiErrorBody> & { code?: string }) | null;
  return (
    body?.code === PASSWORD_CHANGE_REQUIRED ||
    body?.error === PASSWORD_CHANGE_REQUIRED ||
    body?.message === PASSWORD_CHANGE_REQUIRED ||
    (body?.errors ?? []).some((e) => e.code === PASSWORD_CHANGE_REQUIRED)
  );
}

/**
 * The control an API field path names: the longest prefix of `survivor.fullName` or
 * `classificationAnswers.penetration` that is a control of the form (nested groups mirror the
 * request), so `services.0` lands on `services`.
 */
export function controlForField(form: FormGroup, field: string): AbstractControl | null {
  const segments = field.split('.');
  for (let length = segments.length; length > 0; length--) {
    const control = form.get(segments.slice(0, length).join('.'));
    if (control) return control;
  }
  return null;
}

/**
 * Puts each API field error on the matching control (as `{ server: FieldError }`, translated at
 * render time so a language switch re-translates it). Returns the errors no control matched.
 */
export function applyServerErrors(form: FormGroup, error: unknown): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const fieldError of fieldErrorsOf(error)) {
    const control = controlForField(form, fieldError.field);
    if (control && control !== form) {
      control.setErrors({ server: fieldError });
      control.markAsTouched();
    } else {
      unmatched.push(fieldError);
    }
  }
  return unmatched;
}

/** A 429's reason and wait (Retry-After, in seconds), or null for any other error. */
export function tooManyRequests(
  error: unknown,
): { code: TooManyRequestsCode; retryAfterSeconds: number } | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 429) return null;
  const seconds = Number(error.headers.get('Retry-After'));
  return {
    code: apiErrorBody(error)?.code === 'sign_in_delayed' ? 'sign_in_delayed' : 'rate_limited',
    // Without a usable header, a minute is an honest guess that does not lock the form for long.
    retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60,
  };
}
