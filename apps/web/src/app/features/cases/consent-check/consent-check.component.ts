import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ConsentView } from '@caunoi/shared/contracts';
import type { DataCategory, ReferralTargetType } from '@caunoi/shared/domain';
import {
  OVERRIDE_REASONS,
  consentCoverage,
  currentConsents,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import { map, startWith, switchMap } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslateListPipe } from '../../../core/i18n/t-list.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { OverrideForm } from '../referral-form/referral-form';

/**
 * The consent check of one referral, live: green when the survivor's consent covers the agency
 * type and every packet category; red naming what is missing otherwise, with the override section
 * (grounds, justification, and the warning that the supervisor is notified at once).
 */
@Component({
  selector: 'cn-consent-check',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    TranslateListPipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (coverage(); as c) {
      @if (c.covered) {
        <p class="covered" role="status" data-testid="consent-check-covered">
          {{ 'consentCheck.covered' | t: { type: (typeLabel() | t) } }}
        </p>
      } @else {
        <div class="cn-error" role="alert" data-testid="consent-check-missing">
          @if (!c.agencyTypeConsented) {
            {{ 'consentCheck.noConsent' | t: { type: (typeLabel() | t) } }}
          } @else {
            {{ 'consentCheck.missing' | t: { categories: (c.missing | tList: 'dataCategory') } }}
          }
        </div>
        <fieldset class="cn-fieldset" [formGroup]="override()" data-testid="referral-override">
          <legend>{{ 'override.title' | t }}</legend>
          <p class="cn-hint">{{ 'override.intro' | t }}</p>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'caseReferrals.overrideReason' | t }}</mat-label>
            <mat-select formControlName="reason" data-testid="override-reason">
              @for (reason of reasons; track reason) {
                <mat-option [value]="reason" [attr.data-testid]="'override-reason-' + reason">{{
                  'overrideReason.' + reason | t
                }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errors()?.reason | fieldError: 'reason' }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'field.justification' | t }}</mat-label>
            <textarea
              matInput
              rows="3"
              formControlName="justification"
              data-testid="override-justification"
            ></textarea>
            <mat-error data-testid="override-justification-error">{{
              errors()?.justification | fieldError: 'justification'
            }}</mat-error>
          </mat-form-field>
          <p class="warning" data-testid="override-warning">{{ 'override.warning' | t }}</p>
        </fieldset>
      }
    }
  `,
  styles: `
    .covered {
      padding: 12px 16px;
      border-radius: 8px;
      background: #e6f4ea;
      color: #0d5223;
      margin: 0 0 16px;
    }
    .warning {
      font-weight: 600;
      color: var(--mat-sys-error);
    }
  `,
})
export class ConsentCheckComponent {
  readonly consents = input.required<readonly ConsentView[]>();
  /** Null until a type is chosen: nothing to check yet. */
  readonly agencyType = input.required<ReferralTargetType | null>();
  readonly packet = input.required<readonly DataCategory[]>();
  readonly override = input.required<OverrideForm>();

  protected readonly reasons = OVERRIDE_REASONS;
  protected readonly coverage = computed(() => {
    const type = this.agencyType();
    const current = currentConsents(this.consents(), vietnamDateOf(new Date()));
    return type ? consentCoverage(current, type, this.packet()) : null;
  });
  /** The override's errors as a signal: the server's errors arrive without a change in this view. */
  protected readonly errors = toSignal(
    toObservable(this.override).pipe(
      switchMap((override) =>
        override.events.pipe(
          startWith(null),
          map(() => ({
            reason: override.controls.reason.errors,
            justification: override.controls.justification.errors,
          })),
        ),
      ),
    ),
  );
  protected readonly typeLabel = computed(() => `agencyType.${this.agencyType()}`);
}
