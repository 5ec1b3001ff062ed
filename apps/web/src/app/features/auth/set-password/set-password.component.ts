import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { LOGIN_ROUTE } from '../../../core/auth/landing';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { AccountChangesApiService } from '../../../shared/data/account-changes-api.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import {
  passwordPolicyValidator,
  sameValueValidator,
} from '../../../shared/forms/password.validators';
import { LanguageSwitchComponent } from '../../../shared/ui/language-switch/language-switch.component';
import { PasswordFieldComponent } from '../../../shared/ui/password-field/password-field.component';

/**
 * Public: the holder of a new account, or of an approved password reset, sets a password with the
 * one-time code the approver handed over, then signs in on the login page as usual.
 */
@Component({
  selector: 'cn-set-password',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslatePipe,
    FieldErrorPipe,
    LanguageSwitchComponent,
    PasswordFieldComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './set-password.component.html',
  styleUrl: '../login/login.component.scss',
})
export class SetPasswordComponent {
  private readonly api = inject(AccountChangesApiService);

  protected readonly loginRoute = LOGIN_ROUTE;
  protected readonly done = signal(false);

  private readonly username = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required],
  });
  protected readonly form = new FormGroup(
    {
      username: this.username,
      code: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      newPassword: new FormControl('', {
        nonNullable: true,
        validators: [
          Validators.required,
          passwordPolicyValidator(() => this.username.value.trim()),
        ],
      }),
      repeatPassword: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required],
      }),
    },
    { validators: [sameValueValidator('newPassword', 'repeatPassword')] },
  );
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const { username, code, newPassword } = this.form.getRawValue();
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.setPassword({ username: username.trim(), code, newPassword })),
    );
    if (result.ok) this.done.set(true);
  }
}
