import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { UserView } from '@caunoi/shared/contracts';
import { PASSWORD_MIN_LENGTH } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { applyServerErrors } from '../../../core/http/api-errors';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { passwordPolicyValidator } from '../../../shared/forms/password.validators';
import { UsersApiService } from '../data/users-api.service';

/** Closes with `true` once the API accepted the new password. */
@Component({
  selector: 'cn-reset-password-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'users.resetTitle' | t: { username: user.username } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>{{ 'users.resetInfo' | t }}</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>{{ 'password.new' | t }}</mat-label>
          <input
            matInput
            type="text"
            formControlName="newPassword"
            autocomplete="off"
            data-testid="reset-password-input"
          />
          <mat-hint>{{ 'password.hint' | t: { min: minLength } }}</mat-hint>
          <mat-error>{{ form.controls.newPassword.errors | fieldError: 'newPassword' }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button
          mat-flat-button
          type="submit"
          [disabled]="submitting()"
          data-testid="reset-password-submit"
        >
          {{ 'users.resetPassword' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
})
export class ResetPasswordDialogComponent {
  private readonly api = inject(UsersApiService);
  private readonly dialogRef =
    inject<MatDialogRef<ResetPasswordDialogComponent, boolean>>(MatDialogRef);
  protected readonly user = inject<UserView>(MAT_DIALOG_DATA);
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly submitting = signal(false);

  protected readonly form = new FormGroup({
    newPassword: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, passwordPolicyValidator(() => this.user.username)],
    }),
  });

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.submitting()) return;
    this.submitting.set(true);
    try {
      await firstValueFrom(
        this.api.resetPassword(this.user.id, this.form.getRawValue().newPassword),
      );
      this.dialogRef.close(true);
    } catch (error) {
      applyServerErrors(this.form, error);
    } finally {
      this.submitting.set(false);
    }
  }
}
