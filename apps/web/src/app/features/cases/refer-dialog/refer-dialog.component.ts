import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type {
  CaseReferralView,
  ConsentView,
  FieldError,
  ReferralSuggestionView,
} from '@caunoi/shared/contracts';
import type { UrgentReferral } from '@caunoi/shared/domain';
import { catchError, firstValueFrom, of } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import { CaseReferralsApiService } from '../data/case-referrals-api.service';
import { ReferRowComponent } from '../refer-row/refer-row.component';
import {
  MAX_REFERRALS_PER_BATCH,
  batchErrors,
  canonicalPacket,
  clearServerErrors,
  createReferForm,
  createReferralRow,
  referralErrorMessage,
  referralInput,
  rowOnlyErrors,
} from '../referral-form/referral-form';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

export interface ReferDialogData {
  caseId: string;
  /** The case's consents: the consent check runs on them live. */
  consents: readonly ConsentView[];
  /** The survivor's commune, for the directory search; null when not known. */
  communeCode: string | null;
  /** Rows to start with, all `emergency`: the threshold actions of a high-risk assessment. */
  urgent?: readonly UrgentReferral[];
}

/**
 * Refers the case to one or more agencies at once (e.g. police and health): one row per agency,
 * one request for all; the server sends all or none. Closes with the new referrals.
 */
@Component({
  selector: 'cn-refer-dialog',
  imports: [
    FormDialogComponent,
    ReactiveFormsModule,
    MatButtonModule,
    TranslatePipe,
    ReferRowComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      cnFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      [errors]="generalMessages()"
      [submitDisabled]="!suggestions()"
      [title]="'refer.title' | t"
      [submitLabel]="'refer.submit' | t"
      testId="refer"
    >
      <p cnDialogIntro class="cn-hint">{{ 'refer.intro' | t }}</p>
      @if (suggestions(); as suggestions) {
        @for (row of rows.controls; track row; let i = $index) {
          <cn-refer-row
            [row]="row"
            [index]="i"
            [consents]="data.consents"
            [communeCode]="data.communeCode"
            [suggestions]="suggestions"
            [errors]="rowMessages()[i]"
            [removable]="rows.length > 1"
            (remove)="removeRow(i)"
          />
        }
        @if (rows.length < maxRows) {
          <button mat-stroked-button type="button" (click)="addRow()" data-testid="refer-add-row">
            {{ 'refer.addRow' | t }}
          </button>
        }
      } @else {
        <p>{{ 'common.loading' | t }}</p>
      }
    </form>
  `,
})
export class ReferDialogComponent {
  private readonly api = inject(CaseReferralsApiService);
  private readonly translation = inject(TranslationService);
  private readonly dialogRef =
    inject<MatDialogRef<ReferDialogComponent, CaseReferralView[]>>(MatDialogRef);
  protected readonly data = inject<ReferDialogData>(MAT_DIALOG_DATA);

  /** The directory's pick per agency type; without it (an error) the search still works. */
  protected readonly suggestions = toSignal(
    this.api
      .suggestions(this.data.caseId)
      .pipe(catchError(() => of([] as ReferralSuggestionView[]))),
  );

  protected readonly maxRows = MAX_REFERRALS_PER_BATCH;
  protected readonly form = createReferForm(this.data.consents);
  protected readonly rows = this.form.controls.referrals;

  constructor() {
    const urgent = this.data.urgent ?? [];
    if (urgent.length === 0) return;
    const reason = this.translation.t('refer.urgentReason');
    this.rows.clear();
    for (const offer of urgent.slice(0, MAX_REFERRALS_PER_BATCH)) {
      const row = createReferralRow(this.data.consents);
      row.patchValue({
        agencyType: offer.agencyType,
        services: [...offer.services],
        urgency: 'emergency',
        packet: canonicalPacket(offer.packet),
        reason,
      });
      this.rows.push(row);
    }
  }
  protected readonly submission = formSubmission(this.form);

  /** The last answer's errors that belong to a row but to none of its visible fields, per row. */
  protected readonly rowMessages = computed(() => {
    const errors = this.submission.fieldErrors();
    return this.rows.controls.map((row, index) =>
      this.translate(rowOnlyErrors(errors, index, row.controls.override.enabled)),
    );
  });

  /** A refusal about the batch as a whole, or without field errors (403, 404...). */
  protected readonly generalMessages = computed(() => {
    const errors = this.submission.fieldErrors();
    return this.translate(errors.length > 0 ? batchErrors(errors) : this.submission.otherErrors());
  });

  protected addRow(): void {
    this.rows.push(createReferralRow(this.data.consents));
    this.submission.clear();
  }

  protected removeRow(index: number): void {
    this.rows.removeAt(index);
    // The server's row numbers no longer match the rows.
    this.submission.clear();
  }

  protected async submit(): Promise<void> {
    clearServerErrors(this.form);
    const result = await this.submission.run(() =>
      firstValueFrom(
        this.api.create(this.data.caseId, { referrals: this.rows.controls.map(referralInput) }),
      ),
    );
    if (result.ok) this.dialogRef.close(result.value);
  }

  private translate(errors: readonly FieldError[]): string[] {
    return errors.map((error) => referralErrorMessage(this.translation, error));
  }
}
