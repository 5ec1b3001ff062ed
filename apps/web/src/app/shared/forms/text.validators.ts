import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** Required, and not only spaces (the API trims). */
export function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}
