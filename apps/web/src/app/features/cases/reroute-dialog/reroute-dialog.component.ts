import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type {
  CaseReferralView,
  ConsentView,
  ReferralSuggestionView,
} from '@caunoi/shared/contracts';
import type { ReferralTargetType } from '@caunoi/shared/domain';
import { isReferralTargetType } from '@caunoi/shared/domain';
import { catchError, firstValueFrom, of, startWith } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import { AgencyPickerComponent } from '../agency-picker/agency-picker.component';
import { ConsentCheckComponent } from '../consent-check/consent-check.component';
import { CaseReferralsApiService } from '../data/case-referrals-api.service';
import {
  clearServerErrors,
  createOverrideForm,
  needsOverride,
  overrideInput,
  referralErrorMessage,
  setOverrideNeeded,
} from '../referral-form/referral-form';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

export interface RerouteDialogData {
  caseId: string;
  referral: CaseReferralView;
  consents: readonly ConsentView[];
  communeCode: string | null;
}

/** Fields this dialog shows errors on (the override's only while it is shown). */
const SHOWN = ['agencyType', 'agencyId'];
const SHOWN_ON_OVERRIDE = ['override.reason', 'override.justification'];

/**
 * Re-routes an unanswered or declined referral in one step: another agency of the same type, or
 * any type that receives referrals, with the same services, urgency, reason and packet, through
 * the same consent check. Closes with the new referral.
 */
@Component({
  selector: 'cn-reroute-dialog',
  imports: [
    FormDialogComponent,
    ReactiveFormsModule,
    TranslatePipe,
    AgencyPickerComponent,
    ConsentCheckComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      cnFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      [errors]="messages()"
      [submitDisabled]="!suggestions()"
      [title]="'reroute.title' | t"
      [submitLabel]="'reroute.submit' | t"
      testId="reroute"
    >
      <p cnDialogIntro class="cn-hint">
        {{
          (data.referral.status === 'declined' ? 'reroute.fromDeclined' : 'reroute.fromSent')
            | t: { agency: data.referral.toAgency.name }
        }}
      </p>
      @if (suggestions(); as suggestions) {
        <cn-agency-picker
          [type]="form.controls.agencyType"
          [agency]="form.controls.agencyId"
          [communeCode]="data.communeCode"
          [suggestions]="suggestions"
          [excludeAgencyId]="data.referral.toAgency.id"
        />
        <cn-consent-check
          [consents]="data.consents"
          [agencyType]="agencyType() ?? null"
          [packet]="data.referral.packet"
          [override]="form.controls.override"
        />
      } @else {
        <p>{{ 'common.loading' | t }}</p>
      }
    </form>
  `,
})
export class RerouteDialogComponent {
  private readonly api = inject(CaseReferralsApiService);
  private readonly translation = inject(TranslationService);
  private readonly dialogRef =
    inject<MatDialogRef<RerouteDialogComponent, CaseReferralView>>(MatDialogRef);
  protected readonly data = inject<RerouteDialogData>(MAT_DIALOG_DATA);

  protected readonly suggestions = toSignal(
    this.api
      .suggestions(this.data.caseId)
      .pipe(catchError(() => of([] as ReferralSuggestionView[]))),
  );

  private readonly currentType = this.data.referral.toAgency.type;
  protected readonly form = new FormGroup({
    agencyType: new FormControl<ReferralTargetType | null>(
      isReferralTargetType(this.currentType) ? this.currentType : null,
      { validators: [Validators.required] },
    ),
    agencyId: new FormControl<string | null>(null, { validators: [Validators.required] }),
    override: createOverrideForm(),
  });
  protected readonly submission = formSubmission(this.form);
  protected readonly agencyType = toSignal(
    this.form.controls.agencyType.valueChanges.pipe(startWith(this.form.controls.agencyType.value)),
  );

  /** The answer's errors no visible field shows, and refusals without field errors. */
  protected readonly messages = computed(() => {
    const errors = this.submission.fieldErrors();
    const overrideShown = this.form.controls.override.enabled;
    const unshown =
      errors.length === 0
        ? this.submission.otherErrors()
        : errors.filter(
            (error) =>
              !SHOWN.includes(error.field) &&
              !(overrideShown && SHOWN_ON_OVERRIDE.includes(error.field)),
          );
    return unshown.map((error) => referralErrorMessage(this.translation, error));
  });

  constructor() {
    const { agencyType, override } = this.form.controls;
    const sync = (): void =>
      setOverrideNeeded(
        override,
        needsOverride(this.data.consents, agencyType.value, this.data.referral.packet),
      );
    sync();
    agencyType.valueChanges.subscribe(sync);
  }

  protected async submit(): Promise<void> {
    clearServerErrors(this.form);
    const result = await this.submission.run(() =>
      firstValueFrom(
        this.api.reroute(this.data.caseId, this.data.referral.id, {
          agencyId: this.form.controls.agencyId.value ?? '',
          override: overrideInput(this.form.controls.override),
        }),
      ),
    );
    if (result.ok) this.dialogRef.close(result.value);
  }
}
