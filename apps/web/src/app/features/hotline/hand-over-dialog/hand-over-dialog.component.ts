import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { AgencyView, CallView } from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { AgenciesApiService } from '../../../shared/data/agencies-api.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import { CallsApiService } from '../data/calls-api.service';

/** Hands a call to a social-work centre's intake queue; closes with the updated call. */
@Component({
  selector: 'cn-hand-over-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'hotline.handOverTitle' | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>{{ 'hotline.handOverInfo' | t }}</p>
        @for (message of submission.otherMessages(); track $index) {
          <p class="cn-error" role="alert" data-testid="hand-over-error">{{ message }}</p>
        }
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ 'field.agencyId' | t }}</mat-label>
          <mat-select formControlName="agencyId" data-testid="hand-over-centre">
            @for (centre of centres(); track centre.id) {
              <mat-option [value]="centre.id">{{ centre.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.agencyId.errors | fieldError: 'agencyId' }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button
          mat-flat-button
          type="submit"
          [disabled]="submission.submitting()"
          data-testid="hand-over-submit"
        >
          {{ 'hotline.handOver' | t }}
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
export class HandOverDialogComponent {
  private readonly api = inject(CallsApiService);
  private readonly dialogRef =
    inject<MatDialogRef<HandOverDialogComponent, CallView>>(MatDialogRef);
  private readonly call = inject<CallView>(MAT_DIALOG_DATA);

  protected readonly centres = toSignal(
    inject(AgenciesApiService).listAll({ type: 'social_work_centre' }),
    { initialValue: [] as AgencyView[] },
  );
  protected readonly form = new FormGroup({
    agencyId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const { agencyId } = this.form.getRawValue();
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.handOver(this.call.id, { agencyId })),
    );
    if (result.ok) this.dialogRef.close(result.value);
  }
}
