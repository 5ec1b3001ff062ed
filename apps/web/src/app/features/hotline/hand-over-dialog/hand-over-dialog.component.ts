import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { AgencyView, CallView } from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { AgenciesApiService } from '../../../shared/data/agencies-api.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import { CallsApiService } from '../data/calls-api.service';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

/** Hands a call to a social-work centre's intake queue; closes with the updated call. */
@Component({
  selector: 'cn-hand-over-dialog',
  imports: [
    FormDialogComponent,
    ReactiveFormsModule,
    MatFormFieldModule,
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
      [title]="'hotline.handOverTitle' | t"
      [submitLabel]="'hotline.handOver' | t"
      testId="hand-over"
    >
      <p cnDialogIntro>{{ 'hotline.handOverInfo' | t }}</p>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.agencyId' | t }}</mat-label>
        <mat-select formControlName="agencyId" data-testid="hand-over-centre">
          @for (centre of centres(); track centre.id) {
            <mat-option [value]="centre.id">{{ centre.name }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.agencyId.errors | fieldError: 'agencyId' }}</mat-error>
      </mat-form-field>
    </form>
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
