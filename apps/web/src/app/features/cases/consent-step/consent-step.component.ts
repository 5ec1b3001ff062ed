import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { FormControl } from '@angular/forms';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { CONSENT_GIVERS, CONSENT_METHODS } from '@caunoi/shared/domain';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { ConsentForm } from './consent-form';
import { isChildAge, needsChildAssent } from './consent-form';

/**
 * Step 1 of opening a case: consent to case management, before the story is taken (IASC). The
 * parent computes the problem with the domain's rules; this step explains it where it is fixed.
 */
@Component({
  selector: 'cn-consent-step',
  imports: [
    ReactiveFormsModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let f = form();
    <div [formGroup]="f" class="consent">
      <p class="cn-hint">{{ 'consent.explain' | t }}</p>

      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'field.age' | t }}</mat-label>
        <input
          matInput
          type="number"
          min="0"
          max="120"
          [formControl]="ageControl()"
          data-testid="consent-age"
        />
        <mat-hint>{{ 'consent.ageHint' | t }}</mat-hint>
        <mat-error>{{ ageControl().errors | fieldError: 'age' }}</mat-error>
      </mat-form-field>
      @if (age() !== null) {
        <p class="cn-hint" data-testid="consent-age-known">
          {{ (child() ? 'consent.isChild' : 'consent.isAdult') | t: { age: age() ?? '' } }}
        </p>
      }

      <span class="label" id="consent-given-label">{{ 'field.given' | t }}</span>
      <mat-radio-group
        formControlName="given"
        aria-labelledby="consent-given-label"
        data-testid="consent-given"
      >
        <mat-radio-button [value]="true" data-testid="consent-given-yes">{{
          'consent.givenYes' | t
        }}</mat-radio-button>
        <mat-radio-button [value]="false" data-testid="consent-given-no">{{
          'consent.givenNo' | t
        }}</mat-radio-button>
      </mat-radio-group>
      @if (f.controls.given.touched && f.controls.given.invalid) {
        <p class="cn-error" role="alert">{{ 'consent.answerGiven' | t }}</p>
      }

      @if (f.controls.given.value === false) {
        <p class="cn-notice" data-testid="consent-anonymous">{{ 'consent.anonymous' | t }}</p>
      }

      @if (f.controls.given.value === true) {
        <span class="label" id="consent-by-label">{{ 'field.givenBy' | t }}</span>
        <mat-radio-group
          formControlName="givenBy"
          aria-labelledby="consent-by-label"
          class="column"
          data-testid="consent-given-by"
        >
          @for (giver of givers; track giver) {
            <mat-radio-button
              [value]="giver"
              [disabled]="giver === 'best_interest_decision' && !supervisor()"
              [attr.data-testid]="'consent-by-' + giver"
              >{{ 'consentGiver.' + giver | t }}</mat-radio-button
            >
          }
        </mat-radio-group>
        @if (!supervisor()) {
          <p class="cn-hint">{{ 'consent.bestInterestSupervisorOnly' | t }}</p>
        }

        <mat-form-field appearance="outline">
          <mat-label>{{ 'field.method' | t }}</mat-label>
          <mat-select formControlName="method" data-testid="consent-method">
            @for (method of methods; track method) {
              <mat-option [value]="method">{{ 'consentMethod.' + method | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>

        @if (child()) {
          <mat-checkbox
            formControlName="guardianIsSuspect"
            data-testid="consent-guardian-suspect"
            >{{ 'field.guardianIsSuspect' | t }}</mat-checkbox
          >
        }
        @if (assent()) {
          <mat-checkbox formControlName="childAssent" data-testid="consent-child-assent">{{
            'field.childAssent' | t
          }}</mat-checkbox>
        }
        @if (f.controls.givenBy.value === 'best_interest_decision') {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'field.bestInterestReason' | t }}</mat-label>
            <textarea
              matInput
              rows="3"
              formControlName="bestInterestReason"
              data-testid="consent-best-interest-reason"
            ></textarea>
          </mat-form-field>
        }
      }

      @if (problem(); as problem) {
        <p class="cn-error" role="alert" data-testid="consent-problem">
          {{ 'error.' + problem | t: { field: ('field.consent' | t) } }}
        </p>
      }
    </div>
  `,
  styles: `
    .consent {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .label {
      font-weight: 600;
      margin-top: 12px;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      margin-bottom: 8px;
    }
    .column {
      flex-direction: column;
    }
  `,
})
export class ConsentStepComponent {
  readonly form = input.required<ConsentForm>();
  /** The survivor's age field (its value also comes from a birth date entered later). */
  readonly ageControl = input.required<FormControl<number | null>>();
  /** The effective age: from the birth date, else the age field. */
  readonly age = input<number | null>(null);
  readonly supervisor = input(false);
  /** A code from CONSENT_PROBLEMS (or the missing best-interest reason), or null. */
  readonly problem = input<string | null>(null);

  protected readonly givers = CONSENT_GIVERS;
  protected readonly methods = CONSENT_METHODS;
  protected readonly child = computed(() => isChildAge(this.age()));
  protected readonly assent = computed(() => needsChildAssent(this.age()));
}
