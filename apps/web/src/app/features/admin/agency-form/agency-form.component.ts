import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import type { AbstractControl, ValidatorFn } from '@angular/forms';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { AdministrativeUnitView, CreateAgencyRequest } from '@caunoi/shared/contracts';
import type { AgencyType, ServiceType } from '@caunoi/shared/domain';
import { AGENCY_TYPES, SERVICE_TYPES } from '@caunoi/shared/domain';
import { distinctUntilChanged, firstValueFrom, of, startWith, switchMap } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { AdministrativeUnitsService } from '../../../shared/data/administrative-units.service';
import { AgenciesApiService } from '../../../shared/data/agencies-api.service';
import { formSubmission } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';

const blankToNull = (value: string): string | null => value.trim() || null;

/** Opening hours are required unless the agency is open 24/7 (then the control is disabled). */
const requiredUnless24h: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.trim() ? null : { required_unless_24h: true };

/** Create (`/admin/agencies/new`) and edit (`/admin/agencies/:id`) in one form. */
@Component({
  selector: 'cn-agency-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agency-form.component.html',
  styles: `
    mat-slide-toggle {
      margin: 8px 0;
    }
  `,
})
export class AgencyFormComponent {
  private readonly api = inject(AgenciesApiService);
  private readonly units = inject(AdministrativeUnitsService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  /** Route parameter; absent when creating. */
  readonly id = input<string>();

  protected readonly types = AGENCY_TYPES;
  protected readonly services = SERVICE_TYPES;
  protected readonly editing = computed(() => !!this.id());

  protected readonly form = new FormGroup({
    type: new FormControl<AgencyType | null>(null, { validators: [Validators.required] }),
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    // A new agency starts in the admin's own province.
    provinceCode: new FormControl(this.units.homeProvinceCode(), {
      nonNullable: true,
      validators: [Validators.required],
    }),
    communeCode: new FormControl<string | null>(null),
    address: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(300)] }),
    phone: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(30)] }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.email, Validators.maxLength(200)],
    }),
    services: new FormControl<ServiceType[]>([], { nonNullable: true }),
    // Service directory: where the agency works, when, and whether it takes referrals now.
    coversWholeProvince: new FormControl(false, { nonNullable: true }),
    coverageCommuneCodes: new FormControl<string[]>([], { nonNullable: true }),
    open24h: new FormControl(false, { nonNullable: true }),
    openingHours: new FormControl('', {
      nonNullable: true,
      validators: [requiredUnless24h, Validators.maxLength(200)],
    }),
    capacityNote: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(300)],
    }),
    acceptingReferrals: new FormControl(true, { nonNullable: true }),
  });

  protected readonly submission = formSubmission(this.form);
  protected readonly coversWholeProvince = toSignal(
    this.form.controls.coversWholeProvince.valueChanges.pipe(
      startWith(this.form.controls.coversWholeProvince.value),
    ),
    { requireSync: true },
  );
  protected readonly open24h = toSignal(
    this.form.controls.open24h.valueChanges.pipe(startWith(this.form.controls.open24h.value)),
    { requireSync: true },
  );

  protected readonly provinces = this.units.provinceList();
  protected readonly communes = toSignal(
    this.form.controls.provinceCode.valueChanges.pipe(
      startWith(this.form.controls.provinceCode.value),
      distinctUntilChanged(),
      switchMap((code) => (code ? this.units.communes(code) : of([]))),
    ),
    { initialValue: [] as AdministrativeUnitView[] },
  );

  constructor() {
    guardUnload(() => this.form.dirty);
    effect(() => {
      const id = this.id();
      if (!id) return;
      this.api.get(id).subscribe((agency) =>
        this.form.patchValue({
          ...agency,
          address: agency.address ?? '',
          phone: agency.phone ?? '',
          email: agency.email ?? '',
          openingHours: agency.openingHours ?? '',
          capacityNote: agency.capacityNote ?? '',
        }),
      );
    });
    // A commune belongs to one province: changing the province clears it and the communes covered.
    this.form.controls.provinceCode.valueChanges
      .pipe(distinctUntilChanged(), takeUntilDestroyed())
      .subscribe(() => {
        if (!this.form.controls.provinceCode.dirty) return;
        this.form.controls.communeCode.setValue(null);
        this.form.controls.coverageCommuneCodes.setValue([]);
      });
    // The whole province needs no commune list, and 24/7 needs no opening hours.
    this.enableUnless(
      this.form.controls.coversWholeProvince,
      this.form.controls.coverageCommuneCodes,
    );
    this.enableUnless(this.form.controls.open24h, this.form.controls.openingHours);
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    const request: CreateAgencyRequest = {
      type: value.type as AgencyType,
      name: value.name.trim(),
      provinceCode: value.provinceCode,
      communeCode: value.communeCode || null,
      address: blankToNull(value.address),
      phone: blankToNull(value.phone),
      email: blankToNull(value.email),
      services: value.services,
      coversWholeProvince: value.coversWholeProvince,
      coverageCommuneCodes: value.coversWholeProvince ? [] : value.coverageCommuneCodes,
      open24h: value.open24h,
      openingHours: value.open24h ? null : blankToNull(value.openingHours),
      capacityNote: blankToNull(value.capacityNote),
      acceptingReferrals: value.acceptingReferrals,
    };
    const id = this.id();
    const result = await this.submission.run(async () => {
      if (id) {
        await firstValueFrom(this.api.update(id, request));
        return 'common.saved' as const;
      }
      await firstValueFrom(this.api.create(request));
      return 'agencies.created' as const;
    });
    if (!result.ok) return;
    this.form.markAsPristine();
    this.snackBar.open(this.translation.t(result.value));
    await this.router.navigate(['/admin/agencies']);
  }

  /** Keeps `target` enabled only while `toggle` is off (a disabled control is not validated). */
  private enableUnless(toggle: FormControl<boolean>, target: AbstractControl): void {
    toggle.valueChanges
      .pipe(startWith(toggle.value), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((on) => (on ? target.disable() : target.enable()));
  }
}
