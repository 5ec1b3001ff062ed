import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ConsentView, ReferralSuggestionView } from '@caunoi/shared/contracts';
import type { DataCategory } from '@caunoi/shared/domain';
import { DATA_CATEGORIES, REFERRAL_URGENCIES, SERVICE_TYPES } from '@caunoi/shared/domain';
import { map, startWith, switchMap } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { AgencyPickerComponent } from '../agency-picker/agency-picker.component';
import { ConsentCheckComponent } from '../consent-check/consent-check.component';
import type { ReferralRowForm } from '../referral-form/referral-form';
import { canonicalPacket } from '../referral-form/referral-form';

/** One agency of the refer dialog: who, which services, how urgent, why, what is shared. */
@Component({
  selector: 'cn-refer-row',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    AgencyPickerComponent,
    ConsentCheckComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let form = row();
    <section class="row" [formGroup]="form" data-testid="refer-row">
      <header>
        <h3>{{ 'refer.row' | t: { n: index() + 1 } }}</h3>
        @if (removable()) {
          <button mat-button type="button" (click)="remove.emit()" data-testid="refer-remove-row">
            {{ 'refer.removeRow' | t }}
          </button>
        }
      </header>
      @for (message of errors(); track $index) {
        <p class="cn-error" role="alert" data-testid="refer-row-error">{{ message }}</p>
      }

      <cn-agency-picker
        [type]="form.controls.agencyType"
        [agency]="form.controls.agencyId"
        [communeCode]="communeCode()"
        [suggestions]="suggestions()"
      />

      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.services' | t }}</mat-label>
        <mat-select formControlName="services" multiple data-testid="refer-services">
          @for (service of services; track service) {
            <mat-option [value]="service" [attr.data-testid]="'refer-service-' + service">{{
              'service.' + service | t
            }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.services.errors | fieldError: 'services' }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'field.urgency' | t }}</mat-label>
        <mat-select formControlName="urgency" data-testid="refer-urgency">
          @for (urgency of urgencies; track urgency) {
            <mat-option [value]="urgency" [attr.data-testid]="'refer-urgency-' + urgency">{{
              'urgency.' + urgency | t
            }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.urgency.errors | fieldError: 'urgency' }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'caseReferrals.reason' | t }}</mat-label>
        <textarea matInput rows="3" formControlName="reason" data-testid="refer-reason"></textarea>
        <mat-hint>{{ 'refer.reasonHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.reason.errors | fieldError: 'reason' }}</mat-error>
      </mat-form-field>

      <fieldset class="cn-fieldset packet" data-testid="refer-packet">
        <legend>{{ 'field.packet' | t }}</legend>
        <p class="cn-hint">{{ 'refer.packetHint' | t }}</p>
        @for (category of categories; track category) {
          <mat-checkbox
            [checked]="packet().includes(category)"
            (change)="toggle(category, $event.checked)"
            [attr.data-testid]="'refer-packet-' + category"
            >{{ 'dataCategory.' + category | t }}</mat-checkbox
          >
        }
        @if (form.controls.packet.touched && form.controls.packet.errors) {
          <p class="cn-error" role="alert" data-testid="refer-packet-error">
            {{ form.controls.packet.errors | fieldError: 'packet' }}
          </p>
        }
      </fieldset>

      <cn-consent-check
        [consents]="consents()"
        [agencyType]="value()?.agencyType ?? null"
        [packet]="packet()"
        [override]="form.controls.override"
      />
    </section>
  `,
  styles: `
    .row {
      display: flex;
      flex-direction: column;
      gap: 4px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 16px;
      margin-bottom: 16px;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    h3 {
      margin: 4px 0;
    }
    .packet {
      margin-top: 12px;
    }
  `,
})
export class ReferRowComponent {
  readonly row = input.required<ReferralRowForm>();
  readonly index = input.required<number>();
  readonly consents = input.required<readonly ConsentView[]>();
  readonly communeCode = input<string | null>(null);
  readonly suggestions = input<readonly ReferralSuggestionView[]>([]);
  /** The server's errors for this row that no field shows, translated. */
  readonly errors = input<readonly string[]>([]);
  readonly removable = input(false);
  readonly remove = output<void>();

  protected readonly services = SERVICE_TYPES;
  protected readonly urgencies = REFERRAL_URGENCIES;
  protected readonly categories = DATA_CATEGORIES;

  /**
   * The row's value as a signal, renewed on every change of the row (value, status, touched), so
   * the live consent check and the errors the server put on a control are shown at once.
   */
  protected readonly value = toSignal(
    toObservable(this.row).pipe(
      switchMap((row) =>
        row.events.pipe(
          startWith(null),
          map(() => row.getRawValue()),
        ),
      ),
    ),
  );
  protected readonly packet = computed(() => this.value()?.packet ?? []);

  protected toggle(category: DataCategory, checked: boolean): void {
    const control = this.row().controls.packet;
    const others = control.value.filter((c) => c !== category);
    control.setValue(canonicalPacket(checked ? [...others, category] : others));
    control.markAsTouched();
  }
}
