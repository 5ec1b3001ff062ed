import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { CaseSearchRequest, CaseSummaryView } from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { dateNotInFutureValidator } from '../../../shared/forms/vietnam-time';
import { CasesApiService } from '../data/cases-api.service';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';

type Mode = 'phone' | 'name';

/**
 * Exact search through the blind index: a phone number, or a full name with a date of birth.
 * Sent by POST so the identifiers never enter a URL, a log line or the browser history.
 */
@Component({
  selector: 'cn-exact-search',
  providers: [provideCalendarDays()],
  imports: [
    MatDatepickerModule,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="cn-hint">{{ 'search.hint' | t }}</p>
    <form class="cn-form" [formGroup]="form" (ngSubmit)="search()" novalidate>
      <mat-button-toggle-group formControlName="mode" data-testid="search-mode">
        <mat-button-toggle value="phone" data-testid="search-mode-phone">{{
          'search.byPhone' | t
        }}</mat-button-toggle>
        <mat-button-toggle value="name" data-testid="search-mode-name">{{
          'search.byName' | t
        }}</mat-button-toggle>
      </mat-button-toggle-group>
      @if (mode() === 'phone') {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.phone' | t }}</mat-label>
          <input
            matInput
            type="tel"
            formControlName="phone"
            autocomplete="off"
            data-testid="search-phone"
          />
          <mat-error>{{ form.controls.phone.errors | fieldError: 'phone' }}</mat-error>
        </mat-form-field>
      } @else {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.fullName' | t }}</mat-label>
          <input matInput formControlName="fullName" autocomplete="off" data-testid="search-name" />
          <mat-error>{{ form.controls.fullName.errors | fieldError: 'fullName' }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.dateOfBirth' | t }}</mat-label>
          <input
            matInput
            [matDatepicker]="searchDobPicker"
            placeholder="dd/mm/yyyy"
            formControlName="dateOfBirth"
            data-testid="search-dob"
          />
          <mat-datepicker-toggle matIconSuffix [for]="searchDobPicker" />
          <mat-datepicker #searchDobPicker />
          <mat-error>{{ form.controls.dateOfBirth.errors | fieldError: 'dateOfBirth' }}</mat-error>
        </mat-form-field>
      }
      @for (message of submission.otherMessages(); track $index) {
        <p class="cn-error" role="alert">{{ message }}</p>
      }
      <div class="cn-actions">
        <button
          mat-flat-button
          type="submit"
          [disabled]="submission.submitting()"
          data-testid="search-submit"
        >
          {{ 'common.search' | t }}
        </button>
      </div>
    </form>

    @if (results(); as results) {
      @if (results.length === 0) {
        <p data-testid="search-empty">{{ 'search.empty' | t }}</p>
      }
      <ul class="cn-card-list" data-testid="search-results">
        @for (item of results; track item.id) {
          <li data-testid="search-result">
            <a [routerLink]="[item.id]">{{ item.survivorCode }}</a>
            · {{ 'stage.' + item.stage | t }} ·
            {{ item.assignedUserName ?? ('cases.unassigned' | t) }} ·
            {{ item.openedAt | vnDate }}
          </li>
        }
      </ul>
    }
  `,
})
export class ExactSearchComponent {
  private readonly api = inject(CasesApiService);

  protected readonly form = new FormGroup({
    mode: new FormControl<Mode>('phone', { nonNullable: true }),
    phone: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[0-9 +().-]{6,20}$/)],
    }),
    fullName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    dateOfBirth: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, dateNotInFutureValidator()],
    }),
  });
  protected readonly submission = formSubmission(this.form);
  private readonly value = toSignal(this.form.controls.mode.valueChanges, {
    initialValue: this.form.controls.mode.value,
  });
  protected readonly mode = computed(() => this.value());
  protected readonly results = signal<CaseSummaryView[] | null>(null);

  constructor() {
    this.applyMode('phone');
    this.form.controls.mode.valueChanges.pipe(takeUntilDestroyed()).subscribe((mode) => {
      this.applyMode(mode);
      this.results.set(null);
    });
  }

  protected async search(): Promise<void> {
    const { mode, phone, fullName, dateOfBirth } = this.form.getRawValue();
    const request: CaseSearchRequest =
      mode === 'phone' ? { phone: phone.trim() } : { fullName: fullName.trim(), dateOfBirth };
    const result = await this.submission.run(() => firstValueFrom(this.api.search(request)));
    if (result.ok) this.results.set(result.value);
  }

  /** Only the fields of the chosen mode are validated (and sent). */
  private applyMode(mode: Mode): void {
    const { phone, fullName, dateOfBirth } = this.form.controls;
    if (mode === 'phone') {
      phone.enable({ emitEvent: false });
      fullName.disable({ emitEvent: false });
      dateOfBirth.disable({ emitEvent: false });
    } else {
      phone.disable({ emitEvent: false });
      fullName.enable({ emitEvent: false });
      dateOfBirth.enable({ emitEvent: false });
    }
  }
}
