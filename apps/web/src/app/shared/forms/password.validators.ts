import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { checkPassword } from '@caunoi/shared/domain';

/** The domain's password policy as a form validator: `{ password: 'too_short' }` etc. */
export function passwordPolicyValidator(username: () => string | undefined): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    if (!control.value) return null;
    const problem = checkPassword(control.value, username());
    return problem ? { password: problem } : null;
  };
}

/** Put on the group; marks the repeat control so the message shows under it. */
export function sameValueValidator(field: string, repeatField: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const repeat = group.get(repeatField);
    const value = group.get(field)?.value;
    if (!repeat || !repeat.value) return null;
    if (repeat.value !== value) {
      repeat.setErrors({ ...repeat.errors, mismatch: true });
      return { mismatch: true };
    }
    if (repeat.hasError('mismatch')) {
      const rest: ValidationErrors = { ...repeat.errors };
      delete rest['mismatch'];
      repeat.setErrors(Object.keys(rest).length ? rest : null);
    }
    return null;
  };
}
