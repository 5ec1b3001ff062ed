import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { AccountChangeView } from '@caunoi/shared/contracts';
import { REJECTION_REASON_MAX_LENGTH } from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { AccountChangesApiService } from '../../../shared/data/account-changes-api.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import { requiredText } from '../../../shared/forms/text.validators';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

export interface RejectDialogData {
  change: AccountChangeView;
  /** The requester taking back their own request (the same rejection, other words). */
  withdraw: boolean;
}

/** Rejecting needs a reason, kept and shown to the requester and the holder. Closes with the change. */
@Component({
  selector: 'cn-reject-dialog',
  imports: [
    FormDialogComponent,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      cnFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      [title]="
        (data.withdraw ? 'approvals.withdrawTitle' : 'approvals.rejectTitle')
          | t
            : {
                kind: ('approvals.kind.' + data.change.kind | t),
                username: data.change.target.username,
              }
      "
      [submitLabel]="(data.withdraw ? 'approvals.withdraw' : 'approvals.reject') | t"
      testId="reject"
    >
      <p cnDialogIntro class="cn-hint">{{ 'approvals.rejectHint' | t }}</p>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.reason' | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          formControlName="reason"
          [attr.maxlength]="maxLength"
          data-testid="reject-reason"
        ></textarea>
        <mat-error data-testid="reject-reason-error">{{
          form.controls.reason.errors | fieldError: 'reason'
        }}</mat-error>
      </mat-form-field>
    </form>
  `,
})
export class RejectDialogComponent {
  private readonly api = inject(AccountChangesApiService);
  private readonly dialogRef =
    inject<MatDialogRef<RejectDialogComponent, AccountChangeView>>(MatDialogRef);
  protected readonly data = inject<RejectDialogData>(MAT_DIALOG_DATA);

  protected readonly maxLength = REJECTION_REASON_MAX_LENGTH;
  protected readonly form = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [requiredText, Validators.maxLength(REJECTION_REASON_MAX_LENGTH)],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const reason = this.form.getRawValue().reason.trim();
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.reject(this.data.change.id, reason)),
    );
    if (result.ok) this.dialogRef.close(result.value);
  }
}
