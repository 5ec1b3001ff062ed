import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ConsentView } from '@caunoi/shared/contracts';
import type {
  AgeGroup,
  AgencyType,
  ConsentGiver,
  ConsentMethod,
  DataCategory,
} from '@caunoi/shared/domain';
import {
  AGENCY_TYPES,
  CONSENT_GIVERS,
  CONSENT_METHODS,
  DATA_CATEGORIES,
  checkCaseConsent,
  isConsentCurrent,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import { firstValueFrom, map } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe, VnDayPipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { guardUnload } from '../../../shared/forms/unsaved-changes';
import { isChildAge, needsChildAssent, representativeAge } from '../consent-step/consent-form';
import { CasesApiService } from '../data/cases-api.service';
import type { WithdrawConsentData } from '../withdraw-consent-dialog/withdraw-consent-dialog.component';
import { WithdrawConsentDialogComponent } from '../withdraw-consent-dialog/withdraw-consent-dialog.component';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

/**
 * Consent to case management and consents to share with agency types and data categories (each
 * disclosure later checks one). A consent is withdrawn with a reason, never deleted.
 */
@Component({
  selector: 'cn-case-consents',
  providers: [provideCalendarDays()],
  imports: [
    MatDatepickerModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    VnDayPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-consents.component.html',
  styles: `
    .withdrawn {
      color: var(--mat-sys-on-surface-variant);
    }
    .add {
      margin-top: 16px;
      max-width: 640px;
    }
  `,
})
export class CaseConsentsComponent {
  private readonly api = inject(CasesApiService);
  private readonly dialogs = injectDialogs();
  private readonly auth = inject(AuthService);

  readonly caseId = input.required<string>();
  readonly consents = input.required<ConsentView[]>();
  /** The survivor's age group decides who consents (the groups' edges are the legal ages). */
  readonly ageGroup = input.required<AgeGroup>();
  readonly canUpdate = input(false);
  /** A closed case takes no new consent; withdrawing one stays possible (her right). */
  readonly closed = input(false);
  readonly changed = output<ConsentView>();

  protected readonly givers = CONSENT_GIVERS;
  protected readonly methods = CONSENT_METHODS;
  protected readonly agencyTypes = AGENCY_TYPES;
  protected readonly categories = DATA_CATEGORIES;
  protected readonly adding = signal(false);
  protected readonly supervisor = computed(() => this.auth.me()?.user.role === 'supervisor');
  private readonly age = computed(() => representativeAge(this.ageGroup()));
  protected readonly child = computed(() => isChildAge(this.age()));
  protected readonly assent = computed(() => needsChildAssent(this.age()));

  protected readonly form = new FormGroup({
    givenBy: new FormControl<ConsentGiver>('survivor', { nonNullable: true }),
    method: new FormControl<ConsentMethod>('verbal', { nonNullable: true }),
    childAssent: new FormControl(false, { nonNullable: true }),
    guardianIsSuspect: new FormControl(false, { nonNullable: true }),
    agencyTypes: new FormControl<AgencyType[]>([], {
      nonNullable: true,
      validators: [Validators.required],
    }),
    dataCategories: new FormControl<DataCategory[]>([], {
      nonNullable: true,
      validators: [Validators.required],
    }),
    /** Empty: the configured validity (a year by default). */
    expiresOn: new FormControl('', { nonNullable: true }),
  });
  protected readonly submission = formSubmission(this.form);
  private readonly value = toSignal(
    this.form.valueChanges.pipe(map(() => this.form.getRawValue())),
    {
      initialValue: this.form.getRawValue(),
    },
  );
  /** The same rules as consent to case management (Law on Children 2016). */
  protected readonly problem = computed(() => {
    const value = this.value();
    return checkCaseConsent({
      survivorAge: this.age(),
      givenBy: value.givenBy,
      childAssent: this.assent() ? value.childAssent : null,
      guardianIsSuspect: value.guardianIsSuspect,
      recordedBySupervisor: this.supervisor(),
    });
  });

  constructor() {
    guardUnload(() => this.form.dirty);
  }

  protected async add(): Promise<void> {
    if (this.problem()) return;
    const value = this.form.getRawValue();
    const result = await this.submission.run(() =>
      firstValueFrom(
        this.api.addConsent(this.caseId(), {
          givenBy: value.givenBy,
          method: value.method,
          childAssent: this.assent() ? value.childAssent : null,
          guardianIsSuspect: value.guardianIsSuspect,
          agencyTypes: value.agencyTypes,
          dataCategories: value.dataCategories,
          ...(value.expiresOn ? { expiresOn: value.expiresOn } : {}),
        }),
      ),
    );
    if (!result.ok) return;
    this.changed.emit(result.value);
    this.form.reset();
    this.adding.set(false);
  }

  /** Past its expiry day in Vietnam: it covers nothing any more. */
  protected expired(consent: ConsentView): boolean {
    return !isConsentCurrent(consent, vietnamDateOf(new Date()));
  }

  protected withdraw(consent: ConsentView): void {
    this.dialogs
      .open<
        WithdrawConsentDialogComponent,
        WithdrawConsentData,
        ConsentView
      >(WithdrawConsentDialogComponent, { caseId: this.caseId(), consentId: consent.id })
      .subscribe((updated) => this.changed.emit(updated));
  }
}
