import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, Validators } from '@angular/forms';
import { EXPORT_PASSWORD_LENGTH } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import { PasswordFieldComponent } from '../ui/password-field/password-field.component';

/** The optional password of an export's XLSX or PDF file: empty, or 8 to 128 characters. */
export function exportPasswordControl(): FormControl<string> {
  return new FormControl('', {
    nonNullable: true,
    validators: [
      Validators.minLength(EXPORT_PASSWORD_LENGTH.min),
      Validators.maxLength(EXPORT_PASSWORD_LENGTH.max),
    ],
  });
}

/**
 * The password to send with an export: `undefined` when none is typed, `null` when the field is in
 * error (marked touched, so it says why, and nothing is downloaded).
 */
export function exportPasswordOf(control: FormControl<string>): string | undefined | null {
  if (control.invalid) {
    control.markAsTouched();
    return null;
  }
  return control.value === '' ? undefined : control.value;
}

/** The password field beside a screen's download buttons, with what it does and does not protect. */
@Component({
  selector: 'cn-export-password',
  imports: [PasswordFieldComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <cn-password-field
      [control]="control()"
      label="field.exportPassword"
      field="exportPassword"
      testId="export-password"
      autocomplete="new-password"
    />
    <p class="cn-hint">{{ 'export.passwordHint' | t: { min: min } }}</p>
  `,
  styles: `
    :host {
      display: block;
      max-width: 32rem;
      /* Room for the outlined field's floating label below another field's hint. */
      margin-top: 16px;
    }
    p {
      margin: 0 0 8px;
    }
  `,
})
export class ExportPasswordComponent {
  readonly control = input.required<FormControl<string>>();
  protected readonly min = EXPORT_PASSWORD_LENGTH.min;
}
