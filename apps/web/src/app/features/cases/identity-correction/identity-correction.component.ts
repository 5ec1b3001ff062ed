import { ChangeDetectionStrategy, Component, OnInit, inject, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CaseDetailView, RevealedIdentity } from '@caunoi/shared/contracts';
import { CORRECTION_REASON_MAX, CORRECTION_REASON_MIN } from '@caunoi/shared/contracts';
import type {
  DisabilityStatus,
  EthnicMinorityStatus,
  SafeContactMethod,
  Sex,
} from '@caunoi/shared/domain';
import {
  DISABILITY_STATUSES,
  ETHNIC_MINORITY_STATUSES,
  SAFE_CONTACT_METHODS,
  SEXES,
} from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';
import { dateNotInFutureValidator } from '../../../shared/forms/vietnam-time';
import { CasesApiService } from '../data/cases-api.service';
import { CorrectionsApiService } from '../data/corrections-api.service';
import { isStale } from '../stale-notice/stale';
import { StaleNoticeComponent } from '../stale-notice/stale-notice.component';

/** What a saved correction gives the identity panel: the case file and the identity now on file. */
export interface IdentityCorrected {
  detail: CaseDetailView;
  identity: RevealedIdentity;
}

const text = (max: number, validators = [Validators.maxLength(max)]) =>
  new FormControl('', { nonNullable: true, validators });

/**
 * Corrects the survivor's identity (opened from the revealed identity, so it starts from the values
 * on file): the whole identity with a required reason. The fields that changed are kept, as they
 * were, in the encrypted correction history; the API makes the phone and name look-ups again.
 */
@Component({
  selector: 'cn-identity-correction',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    StaleNoticeComponent,
  ],
  // Birth dates are calendar days (YYYY-MM-DD strings), as at intake.
  providers: [provideCalendarDays()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="cn-form"
      [formGroup]="form"
      (ngSubmit)="save()"
      novalidate
      data-testid="identity-correct-form"
    >
      <h3>{{ 'correction.identityTitle' | t }}</h3>
      <p class="cn-hint">{{ 'correction.identityHint' | t }}</p>
      <div class="fields" formGroupName="identity">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.fullName' | t }}</mat-label>
          <input
            matInput
            formControlName="fullName"
            autocomplete="off"
            data-testid="identity-correct-full-name"
          />
          <mat-error>{{ id.controls.fullName.errors | fieldError: 'fullName' }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.dateOfBirth' | t }}</mat-label>
          <input
            matInput
            [matDatepicker]="dobPicker"
            placeholder="dd/mm/yyyy"
            formControlName="dateOfBirth"
            data-testid="identity-correct-dob"
          />
          <mat-datepicker-toggle matIconSuffix [for]="dobPicker" />
          <mat-datepicker #dobPicker />
          <mat-error>{{ id.controls.dateOfBirth.errors | fieldError: 'dateOfBirth' }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.age' | t }}</mat-label>
          <input matInput type="number" formControlName="age" data-testid="identity-correct-age" />
          <mat-error>{{ id.controls.age.errors | fieldError: 'age' }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.phone' | t }}</mat-label>
          <input
            matInput
            type="tel"
            formControlName="phone"
            autocomplete="off"
            data-testid="identity-correct-phone"
          />
          <mat-error>{{ id.controls.phone.errors | fieldError: 'phone' }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.address' | t }}</mat-label>
          <input matInput formControlName="address" autocomplete="off" />
          <mat-error>{{ id.controls.address.errors | fieldError: 'address' }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.idNumber' | t }}</mat-label>
          <input matInput formControlName="idNumber" autocomplete="off" />
          <mat-error>{{ id.controls.idNumber.errors | fieldError: 'idNumber' }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.ethnicity' | t }}</mat-label>
          <input matInput formControlName="ethnicity" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.disability' | t }}</mat-label>
          <input matInput formControlName="disability" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.sex' | t }}</mat-label>
          <mat-select formControlName="sex" data-testid="identity-correct-sex">
            @for (sex of sexes; track sex) {
              <mat-option [value]="sex">{{ 'sex.' + sex | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.disabilityStatus' | t }}</mat-label>
          <mat-select formControlName="disabilityStatus" data-testid="identity-correct-disability">
            @for (status of disabilityStatuses; track status) {
              <mat-option [value]="status">{{ 'yesNoUnknown.' + status | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.ethnicMinority' | t }}</mat-label>
          <mat-select
            formControlName="ethnicMinority"
            data-testid="identity-correct-ethnic-minority"
          >
            @for (status of ethnicMinorityStatuses; track status) {
              <mat-option [value]="status">{{ 'yesNoUnknown.' + status | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.safeContactMethod' | t }}</mat-label>
          <mat-select formControlName="safeContactMethod">
            <mat-option [value]="null">{{ 'common.notKnown' | t }}</mat-option>
            @for (method of contactMethods; track method) {
              <mat-option [value]="method">{{ 'safeContact.' + method | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.safeContactDetails' | t }}</mat-label>
          <input matInput formControlName="safeContactDetails" autocomplete="off" />
        </mat-form-field>
      </div>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.correctionReason' | t }}</mat-label>
        <input matInput formControlName="reason" data-testid="identity-correct-reason" />
        <mat-error>{{ form.controls.reason.errors | fieldError: 'correctionReason' }}</mat-error>
      </mat-form-field>
      @if (stale()) {
        <cn-stale-notice (reload)="reload()" />
      } @else {
        @for (message of submission.otherMessages(); track $index) {
          <p class="cn-error" role="alert" data-testid="identity-correct-error">{{ message }}</p>
        }
      }
      <div class="cn-actions">
        <button
          mat-flat-button
          type="submit"
          [disabled]="submission.submitting()"
          data-testid="identity-correct-save"
        >
          {{ 'correction.save' | t }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()">
          {{ 'correction.cancel' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 0 12px;
    }
  `,
})
export class IdentityCorrectionComponent implements OnInit {
  private readonly corrections = inject(CorrectionsApiService);
  private readonly cases = inject(CasesApiService);

  readonly caseId = input.required<string>();
  /** The identity as revealed: the form starts from it, and its version. */
  readonly identity = input.required<RevealedIdentity>();
  readonly saved = output<IdentityCorrected>();
  /** The identity on file after a reload (revealed again, which is audited). */
  readonly reloaded = output<RevealedIdentity>();
  readonly cancelled = output<void>();

  protected readonly contactMethods = SAFE_CONTACT_METHODS;
  protected readonly sexes = SEXES;
  protected readonly disabilityStatuses = DISABILITY_STATUSES;
  protected readonly ethnicMinorityStatuses = ETHNIC_MINORITY_STATUSES;
  protected readonly form = new FormGroup({
    identity: new FormGroup({
      fullName: text(200),
      dateOfBirth: new FormControl('', {
        nonNullable: true,
        validators: [dateNotInFutureValidator()],
      }),
      age: new FormControl<number | null>(null, {
        validators: [Validators.min(0), Validators.max(120)],
      }),
      phone: text(40, [Validators.pattern(/^[0-9 +().-]{6,20}$/)]),
      address: text(500),
      idNumber: text(40),
      ethnicity: text(100),
      disability: text(500),
      safeContactMethod: new FormControl<SafeContactMethod | null>(null),
      safeContactDetails: text(500),
      sex: new FormControl<Sex>('female', { nonNullable: true }),
      disabilityStatus: new FormControl<DisabilityStatus>('unknown', { nonNullable: true }),
      ethnicMinority: new FormControl<EthnicMinorityStatus>('unknown', { nonNullable: true }),
    }),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.minLength(CORRECTION_REASON_MIN),
        Validators.maxLength(CORRECTION_REASON_MAX),
      ],
    }),
  });
  protected readonly id = this.form.controls.identity;
  protected readonly submission = formSubmission(this.form);
  protected readonly stale = isStale(this.submission);
  private version = 0;

  constructor() {
    guardUnload(() => this.form.dirty);
  }

  ngOnInit(): void {
    this.start(this.identity());
  }

  protected async save(): Promise<void> {
    const { identity: v, reason } = this.form.getRawValue();
    const orNull = (s: string): string | null => s.trim() || null;
    const identity = {
      fullName: orNull(v.fullName),
      dateOfBirth: v.dateOfBirth || null,
      age: v.dateOfBirth ? null : v.age,
      phone: orNull(v.phone),
      address: orNull(v.address),
      idNumber: orNull(v.idNumber),
      ethnicity: orNull(v.ethnicity),
      disability: orNull(v.disability),
      safeContactMethod: v.safeContactMethod,
      safeContactDetails: orNull(v.safeContactDetails),
    };
    const coded = {
      sex: v.sex,
      disabilityStatus: v.disabilityStatus,
      ethnicMinority: v.ethnicMinority,
    };
    const result = await this.submission.run(() =>
      firstValueFrom(
        this.corrections.correctIdentity(this.caseId(), {
          identity: { ...identity, ...coded },
          reason: reason.trim(),
          version: this.version,
        }),
      ),
    );
    if (!result.ok) return;
    this.form.markAsPristine();
    this.saved.emit({
      detail: result.value,
      identity: {
        ...identity,
        ...coded,
        version: result.value.identity.version,
      },
    });
  }

  /** Someone corrected the identity meanwhile: reveal it again (audited) and start from it. */
  protected async reload(): Promise<void> {
    const fresh = await firstValueFrom(this.cases.revealIdentity(this.caseId()));
    this.start(fresh, this.form.controls.reason.value);
    this.reloaded.emit(fresh);
  }

  private start(identity: RevealedIdentity, reason = ''): void {
    this.form.reset({
      identity: {
        fullName: identity.fullName ?? '',
        dateOfBirth: identity.dateOfBirth ?? '',
        age: identity.age,
        phone: identity.phone ?? '',
        address: identity.address ?? '',
        idNumber: identity.idNumber ?? '',
        ethnicity: identity.ethnicity ?? '',
        disability: identity.disability ?? '',
        safeContactMethod: identity.safeContactMethod,
        safeContactDetails: identity.safeContactDetails ?? '',
        sex: identity.sex,
        disabilityStatus: identity.disabilityStatus,
        ethnicMinority: identity.ethnicMinority,
      },
      reason,
    });
    this.version = identity.version;
    this.submission.clear();
  }
}
