import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ConferenceView } from '@caunoi/shared/contracts';
import { CONFERENCE_LIMITS } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { ConferencesApiService } from '../../../shared/data/conferences-api.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import { requiredText } from '../../../shared/forms/text.validators';
import { fromLocalInput, toLocalInput } from '../../protection/data/protection-api.service';

export interface ConferenceScheduleData {
  step: 'cancel' | 'reschedule';
  conference: Pick<ConferenceView, 'id' | 'code' | 'scheduledAt'>;
}

/**
 * The convening supervisor moves a conference not yet held (a new time and why) or calls it off
 * (why); closes with the updated conference. The invitees are told by the API, code only.
 */
@Component({
  selector: 'cn-conference-schedule-dialog',
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
    <h2 mat-dialog-title>
      {{
        (data.step === 'cancel' ? 'conference.cancelTitle' : 'conference.rescheduleTitle')
          | t: { code: data.conference.code }
      }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="cn-hint">
          {{ (data.step === 'cancel' ? 'conference.cancelHint' : 'conference.rescheduleHint') | t }}
        </p>
        @for (message of submission.otherMessages(); track $index) {
          <p class="cn-error" role="alert" data-testid="conference-schedule-error">
            {{ message }}
          </p>
        }
        @if (data.step === 'reschedule') {
          <mat-form-field appearance="outline" class="full">
            <mat-label>{{ 'field.scheduledAt' | t }}</mat-label>
            <input
              matInput
              type="datetime-local"
              formControlName="scheduledAt"
              data-testid="conference-schedule-at"
            />
            <mat-error>{{
              form.controls.scheduledAt.errors | fieldError: 'scheduledAt'
            }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ 'field.reason' | t }}</mat-label>
          <textarea
            matInput
            rows="3"
            formControlName="reason"
            required
            [maxlength]="reasonMax"
            data-testid="conference-schedule-reason"
          ></textarea>
          <mat-error>{{ form.controls.reason.errors | fieldError: 'reason' }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button
          mat-flat-button
          type="submit"
          [attr.color]="data.step === 'cancel' ? 'warn' : null"
          [disabled]="submission.submitting()"
          data-testid="conference-schedule-submit"
        >
          {{ (data.step === 'cancel' ? 'conference.cancel' : 'conference.reschedule') | t }}
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
export class ConferenceScheduleDialogComponent {
  private readonly api = inject(ConferencesApiService);
  private readonly dialogRef =
    inject<MatDialogRef<ConferenceScheduleDialogComponent, ConferenceView>>(MatDialogRef);
  protected readonly data = inject<ConferenceScheduleData>(MAT_DIALOG_DATA);
  protected readonly reasonMax = CONFERENCE_LIMITS.reason;

  protected readonly form = new FormGroup({
    scheduledAt: new FormControl(toLocalInput(new Date(this.data.conference.scheduledAt)), {
      nonNullable: true,
      validators: this.data.step === 'reschedule' ? [Validators.required] : [],
    }),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [requiredText, Validators.maxLength(CONFERENCE_LIMITS.reason)],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const { scheduledAt, reason } = this.form.getRawValue();
    const id = this.data.conference.id;
    const result = await this.submission.run(() =>
      firstValueFrom(
        this.data.step === 'cancel'
          ? this.api.cancel(id, { reason: reason.trim() })
          : this.api.reschedule(id, {
              scheduledAt: fromLocalInput(scheduledAt),
              reason: reason.trim(),
            }),
      ),
    );
    if (result.ok) this.dialogRef.close(result.value);
  }
}
