import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import {
  FormControl,
  FormGroup,
  FormRecord,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { InboxReferralView } from '@caunoi/shared/contracts';
import type { SectorOutcome, ServiceOutcome, ServiceType } from '@caunoi/shared/domain';
import { SERVICE_OUTCOMES, SERVICE_TYPES, vietnamDateOf } from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { dateNotInFutureValidator, vietnamToday } from '../../../shared/forms/vietnam-time';
import { InboxApiService } from '../data/inbox-api.service';
import type { AnswerOutcome } from '../data/referral-answers';
import { NOTE_MAX_LENGTH, isReferralRefusal } from '../data/referral-answers';
import { sectorFieldsFor } from '../data/referral-display';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';
import { FormDialogComponent } from '../../../shared/ui/form-dialog/form-dialog.component';

export type RecordServiceDialogData = Pick<
  InboxReferralView,
  'id' | 'code' | 'services' | 'sentAt'
>;

type SectorValue = boolean | string | null;

/** A YYYY-MM-DD date not before `first` (`{ before_referral: true }`, the API's code). */
function notBefore(first: string): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null =>
    control.value && control.value < first ? { before_referral: true } : null;
}

/**
 * Records one service given for a referral: the common fields, then the fields of the user's
 * agency's sector (police, health, legal aid; social work has none), built from the domain's
 * SECTOR_OUTCOME_FIELDS. Yes/no fields are sent as answered; a list field only once chosen.
 */
@Component({
  selector: 'cn-record-service-dialog',
  providers: [provideCalendarDays()],
  imports: [
    FormDialogComponent,
    MatDatepickerModule,
    ReactiveFormsModule,
    MatCheckboxModule,
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
      [title]="'referralInbox.recordTitle' | t: { code: data.code }"
      [submitLabel]="'referralInbox.recordService' | t"
      testId="service"
    >
      <p cnDialogIntro class="cn-hint">{{ 'referralInbox.recordHint' | t }}</p>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.serviceType' | t }}</mat-label>
        <mat-select formControlName="serviceType" data-testid="service-type">
          <mat-optgroup [label]="'referralInbox.requestedServices' | t">
            @for (service of requested; track service) {
              <mat-option [value]="service" [attr.data-testid]="'service-type-' + service">{{
                'service.' + service | t
              }}</mat-option>
            }
          </mat-optgroup>
          <mat-optgroup [label]="'referralInbox.otherServices' | t">
            @for (service of others; track service) {
              <mat-option [value]="service" [attr.data-testid]="'service-type-' + service">{{
                'service.' + service | t
              }}</mat-option>
            }
          </mat-optgroup>
        </mat-select>
        <mat-error>{{ form.controls.serviceType.errors | fieldError: 'serviceType' }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.providedOn' | t }}</mat-label>
        <input
          matInput
          [matDatepicker]="providedOnPicker"
          placeholder="dd/mm/yyyy"
          formControlName="providedOn"
          [max]="today"
          [min]="sentOn"
          data-testid="service-provided-on"
        />
        <mat-datepicker-toggle matIconSuffix [for]="providedOnPicker" />
        <mat-datepicker #providedOnPicker />
        <mat-error data-testid="service-provided-on-error">{{
          form.controls.providedOn.errors | fieldError: 'providedOn'
        }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.outcome' | t }}</mat-label>
        <mat-select formControlName="outcome" data-testid="service-outcome">
          @for (outcome of outcomes; track outcome) {
            <mat-option [value]="outcome" [attr.data-testid]="'service-outcome-' + outcome">{{
              'serviceOutcome.' + outcome | t
            }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.outcome.errors | fieldError: 'outcome' }}</mat-error>
      </mat-form-field>

      @if (sectorFields.length > 0) {
        <fieldset class="cn-fieldset" formGroupName="sectorOutcome" data-testid="service-sector">
          <legend>{{ 'referralInbox.sectorFields' | t }}</legend>
          @for (field of sectorFields; track field.name) {
            @if (field.spec.type === 'boolean') {
              <mat-checkbox
                [formControlName]="field.name"
                [attr.data-testid]="'service-sector-' + field.name"
                >{{ 'sectorField.' + field.name | t }}</mat-checkbox
              >
            } @else {
              <mat-form-field appearance="outline">
                <mat-label>{{ 'sectorField.' + field.name | t }}</mat-label>
                <mat-select
                  [formControlName]="field.name"
                  [attr.data-testid]="'service-sector-' + field.name"
                >
                  <mat-option [value]="null">{{ 'referralInbox.notDetermined' | t }}</mat-option>
                  @for (value of field.spec.values; track value) {
                    <mat-option
                      [value]="value"
                      [attr.data-testid]="'service-sector-' + field.name + '-' + value"
                      >{{ field.name + '.' + value | t }}</mat-option
                    >
                  }
                </mat-select>
              </mat-form-field>
            }
          }
        </fieldset>
      }

      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.note' | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          formControlName="note"
          [attr.maxlength]="noteMaxLength"
          data-testid="service-note"
        ></textarea>
        <mat-error>{{ form.controls.note.errors | fieldError: 'note' }}</mat-error>
      </mat-form-field>
    </form>
  `,
})
export class RecordServiceDialogComponent {
  private readonly api = inject(InboxApiService);
  private readonly dialogRef =
    inject<MatDialogRef<RecordServiceDialogComponent, AnswerOutcome>>(MatDialogRef);
  protected readonly data = inject<RecordServiceDialogData>(MAT_DIALOG_DATA);

  /** The sector of the signed-in user's agency decides the extra fields. */
  protected readonly sectorFields = sectorFieldsFor(inject(AuthService).me()?.agency.type);

  protected readonly requested = this.data.services;
  protected readonly others = SERVICE_TYPES.filter((s) => !this.data.services.includes(s));
  protected readonly outcomes = SERVICE_OUTCOMES;
  protected readonly noteMaxLength = NOTE_MAX_LENGTH;
  protected readonly today = vietnamToday();
  protected readonly sentOn = vietnamDateOf(new Date(this.data.sentAt));

  protected readonly form = new FormGroup({
    serviceType: new FormControl<ServiceType | null>(this.data.services[0] ?? null, {
      validators: [Validators.required],
    }),
    providedOn: new FormControl(this.today, {
      nonNullable: true,
      validators: [Validators.required, dateNotInFutureValidator(), notBefore(this.sentOn)],
    }),
    outcome: new FormControl<ServiceOutcome>('provided', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    sectorOutcome: new FormRecord<FormControl<SectorValue>>(
      Object.fromEntries(
        this.sectorFields.map((field) => [
          field.name,
          new FormControl<SectorValue>(field.spec.type === 'boolean' ? false : null),
        ]),
      ),
    ),
    note: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(NOTE_MAX_LENGTH)],
    }),
  });
  protected readonly submission = formSubmission(this.form);

  protected async submit(): Promise<void> {
    const { serviceType, providedOn, outcome, sectorOutcome, note } = this.form.getRawValue();
    if (!serviceType) {
      this.form.markAllAsTouched();
      return;
    }
    const result = await this.submission.run(
      () =>
        firstValueFrom(
          this.api.recordService(this.data.id, {
            serviceType,
            providedOn,
            outcome,
            sectorOutcome: answered(sectorOutcome),
            note: note.trim() || null,
          }),
        ),
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

/** Leaves out a list field nobody chose: "not yet known" is not a value. */
function answered(values: Record<string, SectorValue>): SectorOutcome {
  const outcome: SectorOutcome = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== null) outcome[name] = value;
  }
  return outcome;
}
