import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, ElementRef, Injector, computed, inject, signal } from '@angular/core';
import type { FormGroup, FormGroupDirective } from '@angular/forms';
import type { FieldError } from '@caunoi/shared/contracts';
import { apiErrorBody, applyServerErrors, fieldErrorsOf } from '../../core/http/api-errors';
import { translateFieldError } from '../../core/i18n/field-errors';
import { TranslationService } from '../../core/i18n/translation.service';
import { focusFirstInvalidAfterRender } from './focus-invalid';

export type SubmitResult<T> = { ok: true; value: T } | { ok: false; error?: unknown };

export interface SubmitOptions {
  /**
   * Handles an error before the default mapping; return true when it was dealt with (e.g. the
   * login page's own message for a 401).
   */
  onError?: (error: unknown) => boolean;
}

/**
 * The submit cycle every form shares: touch and validate, one request at a time, put the API's
 * field errors on the matching controls, and keep the ones no control matched (translated at
 * render time, so a language switch re-translates them). 5xx and network errors are announced by
 * the server-error interceptor.
 */
export class FormSubmission {
  private readonly translation = inject(TranslationService);
  private readonly injector = inject(Injector);
  /** The component that holds the form (absent when made outside one, as in unit tests). */
  private readonly host = inject(ElementRef, { optional: true }) as ElementRef<unknown> | null;
  private readonly busy = signal(false);
  private readonly unmatched = signal<FieldError[]>([]);
  private readonly all = signal<FieldError[]>([]);
  private readonly statusCode = signal<number | null>(null);
  private readonly done = signal(false);

  readonly submitting = this.busy.asReadonly();
  /** Errors from the last answer that no control matched. */
  readonly otherErrors = this.unmatched.asReadonly();
  readonly otherMessages = computed(() =>
    this.unmatched().map((error) => translateFieldError(this.translation, error)),
  );
  /** Every field error of the last answer. */
  readonly fieldErrors = this.all.asReadonly();
  /** Every field error of the last answer, for forms whose fields sit on several steps. */
  readonly allMessages = computed(() =>
    this.all().map((error) => translateFieldError(this.translation, error)),
  );
  /** HTTP status of the last failed answer without field errors (403, 404, 409...), if any. */
  readonly failedStatus = this.statusCode.asReadonly();
  /**
   * True from `succeeded()` until the form is edited again or submitted anew: the time to show a
   * "saved" notice by the submit button (`cn-saved-notice`).
   */
  readonly saved = this.done.asReadonly();

  constructor(private readonly form: FormGroup) {
    const subscription = form.valueChanges.subscribe(() => {
      if (form.dirty) this.done.set(false);
    });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  /**
   * After a successful submit: empties the form to `value` through its directive, which also
   * forgets that it was submitted (a bare `form.reset()` leaves `submitted` set, and Material then
   * shows every required field in red), and marks it saved.
   */
  succeeded(directive: FormGroupDirective | undefined, value?: unknown): void {
    if (directive) directive.resetForm(value);
    else this.form.reset(value);
    this.done.set(true);
  }

  async run<T>(action: () => Promise<T>, options: SubmitOptions = {}): Promise<SubmitResult<T>> {
    this.form.markAllAsTouched();
    if (this.form.invalid) this.focusFirstError();
    if (this.form.invalid || this.busy()) return { ok: false };
    this.busy.set(true);
    this.done.set(false);
    this.clear();
    try {
      return { ok: true, value: await action() };
    } catch (error) {
      if (!options.onError?.(error)) this.absorb(error);
      return { ok: false, error };
    } finally {
      this.busy.set(false);
    }
  }

  clear(): void {
    this.unmatched.set([]);
    this.all.set([]);
    this.statusCode.set(null);
  }

  /** Maps a 4xx answer onto the form; returns the field errors no control matched. */
  absorb(error: unknown): FieldError[] {
    if (!(error instanceof HttpErrorResponse) || error.status >= 500 || error.status === 0) {
      return [];
    }
    const fieldErrors = fieldErrorsOf(error);
    this.all.set(fieldErrors);
    if (fieldErrors.length === 0) {
      this.statusCode.set(error.status);
      // A refusal without field errors (403, 404, 409) still gets one message the user can read.
      const unmatched = [statusError(error)];
      this.unmatched.set(unmatched);
      return unmatched;
    }
    const unmatched = applyServerErrors(this.form, error);
    this.unmatched.set(unmatched);
    if (this.form.invalid) this.focusFirstError();
    return unmatched;
  }

  /** Once the messages are shown, the focus goes to the first field in error (focus-invalid.ts). */
  private focusFirstError(): void {
    const element = this.host?.nativeElement;
    if (element instanceof Element) focusFirstInvalidAfterRender(element, this.injector);
  }
}

/**
 * The API's message doubles as a code for refusals such as `already_handed_over`; otherwise the
 * status decides (`error.status_404`...), and the translation falls back to a generic message.
 */
function statusError(error: HttpErrorResponse): FieldError {
  const message = apiErrorBody(error)?.message;
  const code = typeof message === 'string' && /^[a-z_]+$/.test(message) ? message : null;
  return { field: '', code: code ?? `status_${error.status}`, message: message ?? '' };
}

/** `protected readonly submission = formSubmission(this.form);` in a component's fields. */
export function formSubmission(form: FormGroup): FormSubmission {
  return new FormSubmission(form);
}

/**
 * One readable message for a refused action outside a form (a stage change, a reveal): the first
 * field error, else the refusal's code or status. Null for 5xx and network errors, which the
 * server-error interceptor announces.
 */
export function refusalMessage(translation: TranslationService, error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse) || error.status >= 500 || error.status === 0) {
    return null;
  }
  const first = fieldErrorsOf(error)[0] ?? statusError(error);
  return translateFieldError(translation, first);
}
