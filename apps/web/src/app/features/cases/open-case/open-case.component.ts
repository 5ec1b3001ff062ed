import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type {
  CaseDetailView,
  IntakeItemView,
  OpenCaseRequest,
  SurvivorIdentityInput,
} from '@caunoi/shared/contracts';
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
import { firstValueFrom, map, merge, startWith } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { CommunePickerComponent } from '../../../shared/ui/commune-picker/commune-picker.component';
import { formSubmission } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { dateNotInFutureValidator } from '../../../shared/forms/vietnam-time';
import type { Workspace } from '../../workspaces/workspaces';
import {
  consentInput,
  consentProblem,
  createConsentForm,
  survivorAge,
} from '../consent-step/consent-form';
import { ConsentStepComponent } from '../consent-step/consent-step.component';
import { CasesApiService } from '../data/cases-api.service';
import { IntakeApiService } from '../data/intake-api.service';
import { createIncidentForm, incidentRequest } from '../incident-form/incident-form';
import { IncidentFormComponent } from '../incident-form/incident-form.component';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';

type Step = 1 | 2 | 3;

/** Identity fields: kept only with consent to case management. Sex and age stay (anonymous record). */
const IDENTITY_FIELDS = [
  'fullName',
  'dateOfBirth',
  'phone',
  'address',
  'idNumber',
  'ethnicity',
  'disability',
  'safeContactMethod',
  'safeContactDetails',
] as const;

const blankToNull = (value: string): string | null => value.trim() || null;

/**
 * Opens a case from an intake item (`intake/:intakeId/open`) or a walk-in (`new`): consent first,
 * then identity, then an optional first incident, sent as one request.
 */
@Component({
  selector: 'cn-open-case',
  providers: [provideCalendarDays()],
  imports: [
    MatDatepickerModule,
    CommunePickerComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    ConsentStepComponent,
    IncidentFormComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './open-case.component.html',
  styleUrl: './open-case.component.scss',
})
export class OpenCaseComponent {
  private readonly casesApi = inject(CasesApiService);
  private readonly intakeApi = inject(IntakeApiService);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);

  /** Route parameter; absent for a walk-in. */
  readonly intakeId = input<string>();
  /** From the route's data. */
  readonly workspace = input.required<Workspace>();

  protected readonly sexes = SEXES;
  protected readonly disabilityStatuses = DISABILITY_STATUSES;
  protected readonly ethnicMinorityStatuses = ETHNIC_MINORITY_STATUSES;
  protected readonly contactMethods = SAFE_CONTACT_METHODS;
  protected readonly supervisor = computed(() => this.auth.me()?.user.role === 'supervisor');
  protected readonly step = signal<Step>(1);
  protected readonly item = signal<IntakeItemView | null>(null);

  protected readonly form = new FormGroup({
    consent: createConsentForm(),
    survivor: new FormGroup({
      fullName: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
      dateOfBirth: new FormControl('', {
        nonNullable: true,
        validators: [dateNotInFutureValidator()],
      }),
      age: new FormControl<number | null>(null, {
        validators: [Validators.min(0), Validators.max(120)],
      }),
      sex: new FormControl<Sex | null>(null, { validators: [Validators.required] }),
      // Coded, in clear, for statistics (like sex): asked even when no identity is kept.
      disabilityStatus: new FormControl<DisabilityStatus>('unknown', { nonNullable: true }),
      ethnicMinority: new FormControl<EthnicMinorityStatus>('unknown', { nonNullable: true }),
      phone: new FormControl('', {
        nonNullable: true,
        validators: [Validators.pattern(/^[0-9 +().-]{6,20}$/)],
      }),
      address: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
      idNumber: new FormControl('', {
        nonNullable: true,
        validators: [Validators.maxLength(20)],
      }),
      ethnicity: new FormControl('', {
        nonNullable: true,
        validators: [Validators.maxLength(100)],
      }),
      disability: new FormControl('', {
        nonNullable: true,
        validators: [Validators.maxLength(200)],
      }),
      safeContactMethod: new FormControl<SafeContactMethod | null>(null),
      safeContactDetails: new FormControl('', {
        nonNullable: true,
        validators: [Validators.maxLength(500)],
      }),
    }),
    communeCode: new FormControl<string | null>(null),
    /** A walk-in referred in by another agency (the statistics' `agency` channel). */
    referredByAgency: new FormControl(false, { nonNullable: true }),
    includeIncident: new FormControl(false, { nonNullable: true }),
    incident: createIncidentForm(),
  });
  protected readonly submission = formSubmission(this.form);

  /** Raw values: disabled identity fields still count for nothing, but the age rules need them. */
  private readonly value = toSignal(
    this.form.valueChanges.pipe(map(() => this.form.getRawValue())),
    { initialValue: this.form.getRawValue() },
  );
  protected readonly consentGiven = computed(() => this.value().consent.given === true);
  /** From the birth date (kept only with consent), else the age field. */
  protected readonly age = computed(() => {
    const { dateOfBirth, age } = this.value().survivor;
    return survivorAge(this.consentGiven() ? dateOfBirth : null, age);
  });
  protected readonly problem = computed(() =>
    consentProblem(this.value().consent, this.age(), this.supervisor()),
  );

  constructor() {
    // A half-filled case asks before the page is left (the route's guard) or reloaded.
    guardUnload(() => this.form.dirty);
    effect(() => {
      const id = this.intakeId();
      const item = id ? this.intakeApi.recall(id) : null;
      this.item.set(item);
      if (item) this.prefill(item);
    });
    const { consent, includeIncident } = this.form.controls;
    merge(consent.controls.given.valueChanges, includeIncident.valueChanges)
      .pipe(startWith(null), takeUntilDestroyed())
      .subscribe(() => this.applyConsent());
  }

  protected next(): void {
    const step = this.step();
    if (step === 1) {
      const { consent, survivor } = this.form.controls;
      consent.markAllAsTouched();
      survivor.controls.age.markAsTouched();
      if (consent.invalid || survivor.controls.age.invalid || this.problem()) return;
      this.step.set(2);
    } else if (step === 2) {
      this.form.controls.survivor.markAllAsTouched();
      if (this.form.controls.survivor.invalid) return;
      this.step.set(3);
    }
  }

  protected back(): void {
    const step = this.step();
    if (step > 1) this.step.set((step - 1) as Step);
  }

  protected async submit(): Promise<void> {
    if (this.problem()) {
      this.step.set(1);
      return;
    }
    const result = await this.submission.run(() => {
      const id = this.intakeId();
      const request = this.request();
      return firstValueFrom(
        id ? this.intakeApi.openCase(id, request) : this.casesApi.openWalkIn(request),
      );
    });
    if (result.ok) {
      await this.openFile(result.value);
      return;
    }
    // Send the worker to the step where the first problem is.
    const first = this.submission.fieldErrors()[0]?.field ?? '';
    if (first.startsWith('consent')) this.step.set(1);
    else if (first.startsWith('survivor')) this.step.set(2);
    else if (this.form.controls.consent.invalid) this.step.set(1);
    else if (this.form.controls.survivor.invalid) this.step.set(2);
  }

  private request(): OpenCaseRequest {
    const value = this.form.getRawValue();
    const age = this.age();
    const s = value.survivor;
    const anonymousSurvivor: SurvivorIdentityInput = {
      sex: s.sex as Sex,
      age: s.dateOfBirth && this.consentGiven() ? null : s.age,
      disabilityStatus: s.disabilityStatus,
      ethnicMinority: s.ethnicMinority,
    };
    const survivor: SurvivorIdentityInput = this.consentGiven()
      ? {
          ...anonymousSurvivor,
          fullName: blankToNull(s.fullName),
          dateOfBirth: s.dateOfBirth || null,
          phone: blankToNull(s.phone),
          address: blankToNull(s.address),
          idNumber: blankToNull(s.idNumber),
          ethnicity: blankToNull(s.ethnicity),
          disability: blankToNull(s.disability),
          safeContactMethod: s.safeContactMethod,
          safeContactDetails: blankToNull(s.safeContactDetails),
        }
      : anonymousSurvivor;
    return {
      consent: consentInput(value.consent, age),
      survivor,
      incident: value.includeIncident ? incidentRequest(this.form.controls.incident) : null,
      communeCode: value.communeCode,
      ...(!this.intakeId() && value.referredByAgency && { referredByAgency: true }),
    };
  }

  private async openFile(created: CaseDetailView): Promise<void> {
    this.form.markAsPristine();
    await this.router.navigate(['/', this.workspace().path, created.id]);
  }

  /** Without consent only an anonymous record is kept: identity and free text are switched off. */
  private applyConsent(): void {
    const given = this.form.controls.consent.controls.given.value === true;
    const survivor = this.form.controls.survivor.controls;
    for (const field of IDENTITY_FIELDS) {
      if (given) survivor[field].enable({ emitEvent: false });
      else survivor[field].disable({ emitEvent: false });
    }
    const incident = this.form.controls.incident;
    if (this.form.controls.includeIncident.value) {
      incident.enable({ emitEvent: false });
      if (!given) incident.controls.description.disable({ emitEvent: false });
    } else {
      incident.disable({ emitEvent: false });
    }
    this.form.updateValueAndValidity();
  }

  private prefill(item: IntakeItemView): void {
    const survivor = this.form.controls.survivor.controls;
    // The name (or alias) the volunteer wrote: kept only if consent is given, checked with her.
    if (item.survivorName) survivor.fullName.setValue(item.survivorName);
    if (item.survivorSex) survivor.sex.setValue(item.survivorSex);
    if (item.safeContactMethod) survivor.safeContactMethod.setValue(item.safeContactMethod);
    if (item.safeContactDetails) survivor.safeContactDetails.setValue(item.safeContactDetails);
    if (item.communeCode) {
      this.form.controls.communeCode.setValue(item.communeCode);
      this.form.controls.incident.controls.communeCode.setValue(item.communeCode);
    }
  }
}
