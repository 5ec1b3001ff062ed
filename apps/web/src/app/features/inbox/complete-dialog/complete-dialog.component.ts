import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { InboxApiService } from '../data/inbox-api.service';
import type { AnswerOutcome } from '../data/referral-answers';
import { NOTE_MAX_LENGTH, isReferralRefusal } from '../data/referral-answers';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

export interface CompleteDialogData {
  referralId: string;
  referralCode: string;
}

/** Completes a referral in service, with an optional closing note; closes with the answer. */
@Component({
  selector: 'cn-complete-dialog',
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
      [title]="'referralInbox.completeTitle' | t: { code: data.referralCode }"
      [submitLabel]="'referralInbox.complete' | t"
      testId="complete"
    >
      <p cnDialogIntro class="cn-hint">{{ 'referralInbox.completeHint' | t }}</p>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.note' | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          formControlName="note"
          [attr.maxlength]="noteMaxLength"
          data-testid="complete-note"
        ></textarea>
        <mat-error>{{ form.controls.note.errors | fieldError: 'note' }}</mat-error>
      </mat-form-field>
    </form>
  `,
})
export class CompleteDialogComponent {
  private readonly api = inject(InboxApiService);
  private readonly dialogRef =
    inject<MatDialogRef<CompleteDialogComponent, AnswerOutcome>>(MatDialogRef);
  protected readonly data = inject<CompleteDialogData>(MAT_DIALOG_DATA);

  protected readonly noteMaxLength = NOTE_MAX_LENGTH;
  protected readonly form = new FormGroup({
    note: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(NOTE_MAX_LENGTH)],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const note = this.form.getRawValue().note.trim() || null;
    const result = await this.submission.run(
      () => firstValueFrom(this.api.complete(this.data.referralId, { note })),
      { onError: (error) => this.refused(error) },
    );
    if (result.ok) this.dialogRef.close({ referral: result.value });
  }

  private refused(error: unknown): boolean {
    if (!isReferralRefusal(error)) return false;
    this.dialogRef.close({ refusal: error });
    return true;
  }
}
