import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { AdministrativeUnitView, CreateAgencyRequest } from '@caunoi/shared/contracts';
import type { AgencyType, ServiceType } from '@caunoi/shared/domain';
import { AGENCY_TYPES, SERVICE_TYPES } from '@caunoi/shared/domain';
import { distinctUntilChanged, firstValueFrom, of, startWith, switchMap } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { AgenciesApiService } from '../../../shared/data/agencies-api.service';
import { formSubmission } from '../../../shared/forms/form-submission';

/** The demo province (Đà Nẵng), preselected for new agencies. */
const DEFAULT_PROVINCE_CODE = '48';

const blankToNull = (value: string): string | null => value.trim() || null;

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
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agency-form.component.html',
})
export class AgencyFormComponent {
  private readonly api = inject(AgenciesApiService);
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
    provinceCode: new FormControl(DEFAULT_PROVINCE_CODE, {
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
  });

  protected readonly submission = formSubmission(this.form);

  protected readonly provinces = toSignal(this.api.administrativeUnits('province'), {
    initialValue: [] as AdministrativeUnitView[],
  });
  protected readonly communes = toSignal(
    this.form.controls.provinceCode.valueChanges.pipe(
      startWith(this.form.controls.provinceCode.value),
      distinctUntilChanged(),
      switchMap((code) => (code ? this.api.administrativeUnits('commune', code) : of([]))),
    ),
    { initialValue: [] as AdministrativeUnitView[] },
  );

  constructor() {
    effect(() => {
      const id = this.id();
      if (!id) return;
      this.api.get(id).subscribe((agency) =>
        this.form.patchValue({
          ...agency,
          address: agency.address ?? '',
          phone: agency.phone ?? '',
          email: agency.email ?? '',
        }),
      );
    });
    // A commune belongs to one province: changing the province clears it.
    this.form.controls.provinceCode.valueChanges
      .pipe(distinctUntilChanged(), takeUntilDestroyed())
      .subscribe(() => {
        if (this.form.controls.provinceCode.dirty) this.form.controls.communeCode.setValue(null);
      });
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
    this.snackBar.open(this.translation.t(result.value));
    await this.router.navigate(['/admin/agencies']);
  }
}
