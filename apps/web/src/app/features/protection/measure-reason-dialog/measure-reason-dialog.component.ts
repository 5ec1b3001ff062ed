import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PROTECTION_TEXT_MAX } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { TranslationKey } from '../../../core/i18n/vi';
import { formSubmission } from '../../../shared/forms/form-submission';
import { requiredText } from '../../../shared/forms/text.validators';

/**
 * A step on a measure that needs a written reason: revoking it (`reasons`, the committee's or the
 * centre's) or answering its expiry clock with "no renewal needed" (`reason`). The server's field
 * error lands on the one control, whichever name the step uses.
 */
export interface MeasureReasonData<T> {
  step: 'revoke' | 'revoke_centre' | 'no_renewal';
  code: string;
  send: (reason: string) => Observable<T>;
}

const TEXTS: Record<
  MeasureReasonData<unknown>['step'],
  { title: TranslationKey; hint: TranslationKey; label: TranslationKey; submit: TranslationKey }
> = {
  revoke: {
    title: 'protection.revokeTitle',
    hint: 'protection.revokeHint',
    label: 'protection.field.revocationReasons',
    submit: 'protection.revoke',
  },
  revoke_centre: {
    title: 'protection.revokeTitle',
    hint: 'protection.revokeCentreHint',
    label: 'protection.field.revocationReasons',
    submit: 'protection.revoke',
  },
  no_renewal: {
    title: 'protection.noRenewalTitle',
    hint: 'protection.noRenewalHint',
    label: 'protection.field.noRenewalReason',
    submit: 'protection.noRenewal',
  },
};

@Component({
  selector: 'cn-measure-reason-dialog',
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
    <h2 mat-dialog-title>{{ texts.title | t: { code: data.code } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="cn-hint">{{ texts.hint | t }}</p>
        @for (message of submission.otherMessages(); track $index) {
          <p class="cn-error" role="alert" data-testid="measure-reason-error">{{ message }}</p>
        }
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ texts.label | t }}</mat-label>
          <textarea
            matInput
            rows="3"
            [formControlName]="field"
            required
            data-testid="measure-reason"
          ></textarea>
          <mat-error>{{ form.controls[field].errors | fieldError: field }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button
          mat-flat-button
          type="submit"
          [disabled]="submission.submitting()"
          data-testid="measure-reason-submit"
        >
          {{ texts.submit | t }}
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
export class MeasureReasonDialogComponent<T> {
  private readonly dialogRef =
    inject<MatDialogRef<MeasureReasonDialogComponent<T>, T>>(MatDialogRef);
  protected readonly data = inject<MeasureReasonData<T>>(MAT_DIALOG_DATA);
  protected readonly texts = TEXTS[this.data.step];
  /** The API's field name for this step: revocations carry `reasons`, the renewal answer `reason`. */
  protected readonly field = this.data.step === 'no_renewal' ? 'reason' : 'reasons';

  private readonly control = () =>
    new FormControl('', {
      nonNullable: true,
      validators: [requiredText, Validators.maxLength(PROTECTION_TEXT_MAX)],
    });
  protected readonly form = new FormGroup<Record<string, FormControl<string>>>({
    [this.field]: this.control(),
  });
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const reason = this.form.getRawValue()[this.field] ?? '';
    const result = await this.submission.run(() => firstValueFrom(this.data.send(reason.trim())));
    if (result.ok) this.dialogRef.close(result.value);
  }
}
