import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** Required, and not only spaces (the API trims). */
export function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/**
 * On a `note` beside a `reason` select: the reason "other" needs the note said. The form calls
 * `note.updateValueAndValidity()` when the reason changes.
 */
export function noteRequiredForOther(control: AbstractControl<string>): ValidationErrors | null {
  return control.parent?.get('reason')?.value === 'other' && !(control.value ?? '').trim()
    ? { required: true }
    : null;
}
