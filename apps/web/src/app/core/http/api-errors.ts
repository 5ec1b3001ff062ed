import { HttpErrorResponse } from '@angular/common/http';
import type { FormGroup } from '@angular/forms';
import type { ApiErrorBody, FieldError } from '@caunoi/shared/contracts';

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
 * Puts each API field error on the matching control (as `{ server: FieldError }`, translated at
 * render time so a language switch re-translates it). Returns the errors no control matched.
 */
export function applyServerErrors(form: FormGroup, error: unknown): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const fieldError of fieldErrorsOf(error)) {
    const control = form.get(fieldError.field.split('.')[0] ?? fieldError.field);
    if (control) {
      control.setErrors({ server: fieldError });
      control.markAsTouched();
    } else {
      unmatched.push(fieldError);
    }
  }
  return unmatched;
}
