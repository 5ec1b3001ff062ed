import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { UserView } from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { UsersApiService } from '../../../shared/data/users-api.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import { passwordPolicyValidator } from '../../../shared/forms/password.validators';
import { PasswordFieldComponent } from '../../../shared/ui/password-field/password-field.component';

/** Closes with `true` once the API accepted the new password. */
@Component({
  selector: 'cn-reset-password-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    TranslatePipe,
    PasswordFieldComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'users.resetTitle' | t: { username: user.username } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>{{ 'users.resetInfo' | t }}</p>
        <cn-password-field
          [control]="form.controls.newPassword"
          label="password.new"
          field="newPassword"
          testId="reset-password-input"
          [hint]="true"
          [visible]="true"
        />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button
          mat-flat-button
          type="submit"
          [disabled]="submission.submitting()"
          data-testid="reset-password-submit"
        >
          {{ 'users.resetPassword' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ResetPasswordDialogComponent {
  private readonly api = inject(UsersApiService);
  private readonly dialogRef =
    inject<MatDialogRef<ResetPasswordDialogComponent, boolean>>(MatDialogRef);
  protected readonly user = inject<UserView>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({
    newPassword: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, passwordPolicyValidator(() => this.user.username)],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const { newPassword } = this.form.getRawValue();
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.resetPassword(this.user.id, newPassword)),
    );
    if (result.ok) this.dialogRef.close(true);
  }
}
