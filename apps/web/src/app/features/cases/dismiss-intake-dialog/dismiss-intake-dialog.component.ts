import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { IntakeItemView } from '@caunoi/shared/contracts';
import type { IntakeDismissalReason } from '@caunoi/shared/domain';
import { INTAKE_DISMISSAL_REASONS } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { noteRequiredForOther } from '../../../shared/forms/text.validators';
import { IntakeApiService } from '../data/intake-api.service';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

/**
 * Takes an intake item off the queue without opening a case: a reason, and a note when the reason
 * is "other". Closes with the dismissed item.
 */
@Component({
  selector: 'cn-dismiss-intake-dialog',
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
      [title]="'intake.dismissTitle' | t"
      [submitLabel]="'intake.dismiss' | t"
      testId="dismiss"
    >
      <p cnDialogIntro>{{ 'intake.dismissHint' | t }}</p>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.reason' | t }}</mat-label>
        <mat-select formControlName="reason" data-testid="dismiss-reason">
          @for (reason of reasons; track reason) {
            <mat-option [value]="reason">{{ 'intakeDismissal.' + reason | t }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.reason.errors | fieldError: 'reason' }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.note' | t }}</mat-label>
        <textarea matInput rows="3" formControlName="note" data-testid="dismiss-note"></textarea>
        <mat-hint>{{ 'intake.dismissNoteHint' | t }}</mat-hint>
        <mat-error data-testid="dismiss-note-error">{{
          form.controls.note.errors | fieldError: 'note'
        }}</mat-error>
      </mat-form-field>
    </form>
  `,
})
export class DismissIntakeDialogComponent {
  private readonly api = inject(IntakeApiService);
  private readonly dialogRef =
    inject<MatDialogRef<DismissIntakeDialogComponent, IntakeItemView>>(MatDialogRef);
  private readonly itemId = inject<string>(MAT_DIALOG_DATA);

  protected readonly reasons = INTAKE_DISMISSAL_REASONS;
  protected readonly form = new FormGroup({
    reason: new FormControl<IntakeDismissalReason | null>(null, [Validators.required]),
    note: new FormControl('', {
      nonNullable: true,
      validators: [noteRequiredForOther, Validators.maxLength(1000)],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  constructor() {
    this.form.controls.reason.valueChanges.subscribe(() =>
      this.form.controls.note.updateValueAndValidity({ emitEvent: false }),
    );
  }

  protected async submit(): Promise<void> {
    const { reason, note } = this.form.getRawValue();
    const result = await this.submission.run(() =>
      firstValueFrom(
        this.api.dismiss(this.itemId, {
          reason: reason as IntakeDismissalReason,
          note: note.trim() || null,
        }),
      ),
    );
    if (result.ok) this.dialogRef.close(result.value);
  }
}
