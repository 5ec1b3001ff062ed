import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CaseReferralView } from '@caunoi/shared/contracts';
import type { WithdrawReason } from '@caunoi/shared/domain';
import { SENDER_WITHDRAW_REASONS } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { noteRequiredForOther } from '../../../shared/forms/text.validators';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import { CaseReferralsApiService } from '../data/case-referrals-api.service';
import { referralErrorMessage } from '../referral-form/referral-form';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

export const WITHDRAW_NOTE_MAX = 1000;

export interface WithdrawReferralData {
  caseId: string;
  referralId: string;
  agencyName: string;
}

/** The sender withdraws a referral with a reason; closes with the updated referral. */
@Component({
  selector: 'cn-withdraw-referral-dialog',
  imports: [
    FormDialogComponent,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
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
      [errors]="messages()"
      [title]="'withdrawReferral.title' | t"
      [submitLabel]="'caseReferrals.withdraw' | t"
      testId="withdraw-referral"
    >
      <p cnDialogIntro class="cn-hint">
        {{ 'withdrawReferral.hint' | t: { agency: data.agencyName } }}
      </p>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.reason' | t }}</mat-label>
        <mat-select formControlName="reason" data-testid="withdraw-referral-reason">
          @for (reason of reasons; track reason) {
            <mat-option
              [value]="reason"
              [attr.data-testid]="'withdraw-referral-reason-' + reason"
              >{{ 'withdrawReason.' + reason | t }}</mat-option
            >
          }
        </mat-select>
        <mat-error>{{ form.controls.reason.errors | fieldError: 'reason' }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.note' | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          formControlName="note"
          data-testid="withdraw-referral-note"
        ></textarea>
        <mat-error data-testid="withdraw-referral-note-error">{{
          form.controls.note.errors | fieldError: 'note'
        }}</mat-error>
      </mat-form-field>
    </form>
  `,
})
export class WithdrawReferralDialogComponent {
  private readonly api = inject(CaseReferralsApiService);
  private readonly translation = inject(TranslationService);
  private readonly dialogRef =
    inject<MatDialogRef<WithdrawReferralDialogComponent, CaseReferralView>>(MatDialogRef);
  protected readonly data = inject<WithdrawReferralData>(MAT_DIALOG_DATA);

  protected readonly reasons = SENDER_WITHDRAW_REASONS;
  protected readonly form = new FormGroup({
    reason: new FormControl<WithdrawReason | null>(null, { validators: [Validators.required] }),
    note: new FormControl('', {
      nonNullable: true,
      validators: [noteRequiredForOther, Validators.maxLength(WITHDRAW_NOTE_MAX)],
    }),
  });
  protected readonly submission = formSubmission(this.form);
  protected readonly messages = computed(() =>
    this.submission.otherErrors().map((error) => referralErrorMessage(this.translation, error)),
  );

  constructor() {
    this.form.controls.reason.valueChanges.subscribe(() =>
      this.form.controls.note.updateValueAndValidity({ emitEvent: false }),
    );
  }

  protected async submit(): Promise<void> {
    const { reason, note } = this.form.getRawValue();
    const result = await this.submission.run(() =>
      firstValueFrom(
        this.api.withdraw(this.data.caseId, this.data.referralId, {
          reason: reason ?? 'other',
          note: note.trim() || null,
        }),
      ),
    );
    if (result.ok) this.dialogRef.close(result.value);
  }
}
