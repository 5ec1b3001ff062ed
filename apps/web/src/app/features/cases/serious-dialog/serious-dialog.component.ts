import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { IncidentView, UpdateIncidentRequest } from '@caunoi/shared/contracts';
import type { SeriousReason } from '@caunoi/shared/domain';
import { SERIOUS_REASONS } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { CasesApiService } from '../data/cases-api.service';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

export interface SeriousDialogData {
  caseId: string;
  incidentId: string;
  /** `mark` starts the 10-day clock (reasons needed); `unmark` cancels it (a reason needed). */
  mode: 'mark' | 'unmark';
}

/** Marks an incident serious, or un-marks it with a reason; closes with the updated incident. */
@Component({
  selector: 'cn-serious-dialog',
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
      [title]="(data.mode === 'mark' ? 'incident.markSerious' : 'incident.unmarkSerious') | t"
      [submitLabel]="(data.mode === 'mark' ? 'incident.markSerious' : 'incident.unmarkSerious') | t"
      testId="serious"
    >
      <p cnDialogIntro class="cn-hint">
        {{ (data.mode === 'mark' ? 'incident.markHint' : 'incident.unmarkHint') | t }}
      </p>
      @if (data.mode === 'mark') {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.seriousReasons' | t }}</mat-label>
          <mat-select formControlName="seriousReasons" multiple data-testid="serious-reasons">
            @for (reason of reasons; track reason) {
              <mat-option [value]="reason" [attr.data-testid]="'serious-reason-' + reason">{{
                'seriousReason.' + reason | t
              }}</mat-option>
            }
          </mat-select>
          <mat-error>{{
            form.controls.seriousReasons.errors | fieldError: 'seriousReasons'
          }}</mat-error>
        </mat-form-field>
      } @else {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.unmarkReason' | t }}</mat-label>
          <textarea
            matInput
            rows="3"
            formControlName="unmarkReason"
            data-testid="unmark-reason"
          ></textarea>
          <mat-error data-testid="unmark-reason-error">{{
            form.controls.unmarkReason.errors | fieldError: 'unmarkReason'
          }}</mat-error>
        </mat-form-field>
      }
    </form>
  `,
})
export class SeriousDialogComponent {
  private readonly api = inject(CasesApiService);
  private readonly dialogRef =
    inject<MatDialogRef<SeriousDialogComponent, IncidentView>>(MatDialogRef);
  protected readonly data = inject<SeriousDialogData>(MAT_DIALOG_DATA);

  protected readonly reasons = SERIOUS_REASONS;
  protected readonly form = new FormGroup({
    seriousReasons: new FormControl<SeriousReason[]>([], {
      nonNullable: true,
      validators: this.data.mode === 'mark' ? [Validators.required] : [],
    }),
    unmarkReason: new FormControl('', {
      nonNullable: true,
      validators:
        this.data.mode === 'unmark' ? [Validators.required, Validators.maxLength(1000)] : [],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    const request: UpdateIncidentRequest =
      this.data.mode === 'mark'
        ? { serious: true, seriousReasons: value.seriousReasons }
        : { serious: false, seriousReasons: [], unmarkReason: value.unmarkReason.trim() };
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.updateIncident(this.data.caseId, this.data.incidentId, request)),
    );
    if (result.ok) this.dialogRef.close(result.value);
  }
}
