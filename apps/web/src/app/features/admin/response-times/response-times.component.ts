import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ValidatorFn } from '@angular/forms';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ResponseTimeView } from '@caunoi/shared/contracts';
import type { ReferralTargetType, ReferralUrgency } from '@caunoi/shared/domain';
import {
  DEFAULT_RESPONSE_HOURS,
  REFERRAL_TARGET_TYPES,
  REFERRAL_URGENCIES,
  RESPONSE_HOURS_MAX,
  RESPONSE_HOURS_MIN,
} from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { ResponseTimesApiService } from '../../../shared/data/response-times-api.service';
import { formSubmission } from '../../../shared/forms/form-submission';

const wholeNumber: ValidatorFn = (control) =>
  control.value === null || Number.isInteger(control.value) ? null : { isInt: true };

type SettingGroup = FormGroup<{
  agencyType: FormControl<ReferralTargetType>;
  urgency: FormControl<ReferralUrgency>;
  hours: FormControl<number | null>;
}>;

interface Cell {
  urgency: ReferralUrgency;
  defaultHours: number;
  control: FormControl<number | null>;
}

/**
 * `/admin/response-times`: the hours a receiving agency has to answer a referral, one cell per
 * agency type and urgency, saved together. The form array's order is the order sent, so an API
 * error on `settings.N.hours` lands on the cell it names.
 */
@Component({
  selector: 'cn-response-times',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './response-times.component.html',
  styleUrl: './response-times.component.scss',
})
export class ResponseTimesComponent {
  private readonly api = inject(ResponseTimesApiService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  protected readonly urgencies = REFERRAL_URGENCIES;
  protected readonly min = RESPONSE_HOURS_MIN;
  protected readonly max = RESPONSE_HOURS_MAX;

  protected readonly form = new FormGroup({
    settings: new FormArray<SettingGroup>(
      REFERRAL_TARGET_TYPES.flatMap((agencyType) =>
        REFERRAL_URGENCIES.map(
          (urgency): SettingGroup =>
            new FormGroup({
              agencyType: new FormControl(agencyType, { nonNullable: true }),
              urgency: new FormControl(urgency, { nonNullable: true }),
              hours: new FormControl<number | null>(DEFAULT_RESPONSE_HOURS[urgency], {
                validators: [
                  Validators.required,
                  wholeNumber,
                  Validators.min(RESPONSE_HOURS_MIN),
                  Validators.max(RESPONSE_HOURS_MAX),
                ],
              }),
            }),
        ),
      ),
    ),
  });
  protected readonly submission = formSubmission(this.form);

  /** The table as rows of agency types, each with a cell per urgency. */
  protected readonly rows = REFERRAL_TARGET_TYPES.map((type) => ({
    type,
    cells: REFERRAL_URGENCIES.map(
      (urgency): Cell => ({
        urgency,
        defaultHours: DEFAULT_RESPONSE_HOURS[urgency],
        control: this.setting(type, urgency).controls.hours,
      }),
    ),
  }));

  /** The table shows once the stored values are in, so nobody saves the defaults by mistake. */
  protected readonly loaded = signal(false);

  constructor() {
    this.api
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe((settings) => {
        this.apply(settings);
        this.loaded.set(true);
      });
  }

  protected async save(): Promise<void> {
    const settings: ResponseTimeView[] = this.form.controls.settings
      .getRawValue()
      .map(({ agencyType, urgency, hours }) => ({ agencyType, urgency, hours: hours ?? 0 }));
    const result = await this.submission.run(() => firstValueFrom(this.api.update({ settings })));
    if (!result.ok) return;
    this.apply(result.value);
    this.snackBar.open(this.translation.t('common.saved'));
  }

  private apply(settings: readonly ResponseTimeView[]): void {
    for (const { agencyType, urgency, hours } of settings) {
      this.findSetting(agencyType, urgency)?.controls.hours.setValue(hours);
    }
    this.form.markAsPristine();
  }

  private setting(type: ReferralTargetType, urgency: ReferralUrgency): SettingGroup {
    const found = this.findSetting(type, urgency);
    if (!found) throw new Error(`no cell for ${type}/${urgency}`);
    return found;
  }

  private findSetting(type: string, urgency: string): SettingGroup | undefined {
    return this.form.controls.settings.controls.find(
      (group) =>
        group.controls.agencyType.value === type && group.controls.urgency.value === urgency,
    );
  }
}
