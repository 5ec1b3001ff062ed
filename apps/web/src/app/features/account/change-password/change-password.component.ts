import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { AuthService } from '../../../core/auth/auth.service';
import { takeReturnRoute } from '../../../core/auth/return-route';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import type { TranslationKey } from '../../../core/i18n/vi';
import { formSubmission } from '../../../shared/forms/form-submission';
import {
  passwordPolicyValidator,
  sameValueValidator,
} from '../../../shared/forms/password.validators';
import { PasswordFieldComponent } from '../../../shared/ui/password-field/password-field.component';

@Component({
  selector: 'cn-change-password',
  imports: [ReactiveFormsModule, MatButtonModule, TranslatePipe, PasswordFieldComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './change-password.component.html',
})
export class ChangePasswordComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  protected readonly mustChange = this.auth.mustChangePassword;
  protected readonly error = signal<TranslationKey | null>(null);

  protected readonly form = new FormGroup(
    {
      currentPassword: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required],
      }),
      newPassword: new FormControl('', {
        nonNullable: true,
        validators: [
          Validators.required,
          passwordPolicyValidator(() => this.auth.me()?.user.username),
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
    this.error.set(null);
    const { currentPassword, newPassword } = this.form.getRawValue();
    const result = await this.submission.run(
      () => this.auth.changePassword({ currentPassword, newPassword }),
      {
        onError: (error) => {
          if (
            error instanceof HttpErrorResponse &&
            (error.status === 401 || error.status === 403)
          ) {
            this.error.set('password.wrongCurrent');
            return true;
          }
          if (error instanceof HttpErrorResponse && error.status === 429) {
            this.error.set('error.rateLimited');
            return true;
          }
          return false;
        },
      },
    );
    if (!result.ok) {
      if (this.submission.otherErrors().length > 0) this.error.set('error.serverNoReference');
      return;
    }
    this.snackBar.open(this.translation.t('password.changed'));
    await this.router.navigateByUrl(takeReturnRoute(this.auth.homeRoute()));
  }
}
