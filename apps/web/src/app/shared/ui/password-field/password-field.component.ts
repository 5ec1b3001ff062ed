import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FormControl } from '@angular/forms';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MIN_LENGTH } from '@caunoi/shared/domain';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { TranslationKey } from '../../../core/i18n/vi';

/**
 * One password input with its label, the policy hint (when `hint` is set) and its translated
 * error. `visible` shows what is typed: for an initial or reset password an admin passes on.
 */
@Component({
  selector: 'cn-password-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, TranslatePipe, FieldErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" [subscriptSizing]="hint() ? 'dynamic' : 'fixed'">
      <mat-label>{{ label() | t }}</mat-label>
      <input
        matInput
        [type]="visible() ? 'text' : 'password'"
        [formControl]="control()"
        [attr.autocomplete]="autocomplete()"
        [attr.data-testid]="testId()"
      />
      @if (hint()) {
        <mat-hint>{{ 'password.hint' | t: { min: minLength } }}</mat-hint>
      }
      <mat-error [attr.data-testid]="errorTestId()">{{
        control().errors | fieldError: field()
      }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class PasswordFieldComponent {
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<TranslationKey>();
  /** The field name its errors are labelled with (`newPassword`, `password`...). */
  readonly field = input.required<string>();
  readonly testId = input.required<string>();
  readonly errorTestId = input<string | null>(null);
  readonly autocomplete = input('off');
  readonly hint = input(false);
  readonly visible = input(false);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
}
