import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { DeclineReason } from '@caunoi/shared/domain';
import { DECLINE_REASONS } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { requiredText } from '../../../shared/forms/text.validators';
import { InboxApiService } from '../data/inbox-api.service';
import type { AnswerOutcome } from '../data/referral-answers';
import { NOTE_MAX_LENGTH, isReferralRefusal } from '../data/referral-answers';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

export interface DeclineDialogData {
  referralId: string;
  referralCode: string;
}

/** Declining needs a reason; "other" needs a note saying which. Closes with the answer. */
@Component({
  selector: 'cn-decline-dialog',
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
      [title]="'referralInbox.declineTitle' | t: { code: data.referralCode }"
      [submitLabel]="'referralInbox.decline' | t"
      testId="decline"
    >
      <p cnDialogIntro class="cn-hint">{{ 'referralInbox.declineHint' | t }}</p>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'referralInbox.declineReason' | t }}</mat-label>
        <mat-select formControlName="reason" data-testid="decline-reason">
          @for (reason of reasons; track reason) {
            <mat-option [value]="reason" [attr.data-testid]="'decline-reason-' + reason">{{
              'declineReason.' + reason | t
            }}</mat-option>
          }
        </mat-select>
        <mat-error data-testid="decline-reason-error">{{
          form.controls.reason.errors | fieldError: 'reason'
        }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.note' | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          formControlName="note"
          [attr.maxlength]="noteMaxLength"
          data-testid="decline-note"
        ></textarea>
        @if (form.controls.reason.value === 'other') {
          <mat-hint>{{ 'referralInbox.noteRequiredForOther' | t }}</mat-hint>
        }
        <mat-error data-testid="decline-note-error">{{
          form.controls.note.errors | fieldError: 'note'
        }}</mat-error>
      </mat-form-field>
    </form>
  `,
})
export class DeclineDialogComponent {
  private readonly api = inject(InboxApiService);
  private readonly dialogRef =
    inject<MatDialogRef<DeclineDialogComponent, AnswerOutcome>>(MatDialogRef);
  protected readonly data = inject<DeclineDialogData>(MAT_DIALOG_DATA);

  protected readonly reasons = DECLINE_REASONS;
  protected readonly noteMaxLength = NOTE_MAX_LENGTH;
  protected readonly form = new FormGroup({
    reason: new FormControl<DeclineReason | null>(null, { validators: [Validators.required] }),
    note: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(NOTE_MAX_LENGTH)],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  constructor() {
    const note = this.form.controls.note;
    this.form.controls.reason.valueChanges.pipe(takeUntilDestroyed()).subscribe((reason) => {
      note.setValidators(
        reason === 'other'
          ? [requiredText, Validators.maxLength(NOTE_MAX_LENGTH)]
          : [Validators.maxLength(NOTE_MAX_LENGTH)],
      );
      note.updateValueAndValidity();
    });
  }

  protected async submit(): Promise<void> {
    const { reason, note } = this.form.getRawValue();
    if (!reason) {
      this.form.markAllAsTouched();
      return;
    }
    const result = await this.submission.run(
      () =>
        firstValueFrom(
          this.api.decline(this.data.referralId, { reason, note: note.trim() || null }),
        ),
      { onError: (error) => this.refused(error) },
    );
    if (result.ok) this.dialogRef.close({ referral: result.value });
  }

  /** The referral changed under the dialog: the page explains and reloads it. */
  private refused(error: unknown): boolean {
    if (!isReferralRefusal(error)) return false;
    this.dialogRef.close({ refusal: error });
    return true;
  }
}
