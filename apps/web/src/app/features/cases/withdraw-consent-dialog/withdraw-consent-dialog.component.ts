import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ConsentView } from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { CasesApiService } from '../data/cases-api.service';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

export interface WithdrawConsentData {
  caseId: string;
  consentId: string;
}

/** Withdrawing a consent needs a reason; closes with the updated consent. */
@Component({
  selector: 'cn-withdraw-consent-dialog',
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
      [title]="'consent.withdrawTitle' | t"
      [submitLabel]="'consent.withdraw' | t"
      testId="withdraw"
    >
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.reason' | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          formControlName="reason"
          data-testid="withdraw-reason"
        ></textarea>
        <mat-error>{{ form.controls.reason.errors | fieldError: 'reason' }}</mat-error>
      </mat-form-field>
    </form>
  `,
})
export class WithdrawConsentDialogComponent {
  private readonly api = inject(CasesApiService);
  private readonly dialogRef =
    inject<MatDialogRef<WithdrawConsentDialogComponent, ConsentView>>(MatDialogRef);
  private readonly data = inject<WithdrawConsentData>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(1000)],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const reason = this.form.getRawValue().reason.trim();
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.withdrawConsent(this.data.caseId, this.data.consentId, reason)),
    );
    if (result.ok) this.dialogRef.close(result.value);
  }
}
