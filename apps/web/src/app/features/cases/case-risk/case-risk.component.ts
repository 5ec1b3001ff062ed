import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { RiskAssessmentView, RiskInstrumentView } from '@caunoi/shared/contracts';
import type { AgeGroup, LocalisedText, RiskLevel, UrgentReferral } from '@caunoi/shared/domain';
import { riskAudienceFor, urgentReferralsFor } from '@caunoi/shared/domain';
import { firstValueFrom, startWith } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslateListPipe } from '../../../core/i18n/t-list.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { RiskApiService } from '../data/risk-api.service';
import {
  assessmentRequest,
  emptyRiskForm,
  prepareRiskForm,
  previewScore,
  raisableLevels,
} from './risk-form';

/**
 * Risk assessment on the case file: the history (newest first, with the trend), and a new
 * assessment with the current instrument for the survivor's age. The score is previewed with the
 * same domain rule the API applies; judgement may raise the level with a reason, never lower it.
 */
@Component({
  selector: 'cn-case-risk',
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    TranslateListPipe,
    FieldErrorPipe,
    VnDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cn-actions current" data-testid="risk-current">
      <span>{{ 'risk.current' | t }}</span>
      <span class="cn-badge" [class.danger]="currentLevel() === 'high'" data-testid="risk-level">{{
        'risk.' + currentLevel() | t
      }}</span>
      @if (trend().length > 1) {
        <span class="cn-hint" data-testid="risk-trend"
          >{{ 'risk.trend' | t }}:
          @for (level of trend(); track $index; let last = $last) {
            {{ 'risk.' + level | t }}{{ last ? '' : ' → ' }}
          }
        </span>
      }
      @if (canAssess() && !open() && instrument()) {
        <button mat-flat-button type="button" (click)="start()" data-testid="risk-new">
          {{ 'risk.new' | t }}
        </button>
      }
    </div>

    @if (canRefer() && urgentReferrals().length > 0) {
      <section class="cn-notice urgent" role="status" data-testid="risk-urgent">
        <strong>{{ 'risk.urgent.title' | t }}</strong>
        <ul>
          @for (offer of urgentReferrals(); track offer.agencyType) {
            <li data-testid="risk-urgent-offer">
              {{ 'agencyType.' + offer.agencyType | t }}: {{ offer.services | tList: 'service' }}
            </li>
          }
        </ul>
        <p class="cn-hint">{{ 'risk.urgent.hint' | t }}</p>
        <button
          mat-flat-button
          type="button"
          (click)="urgentRefer.emit(urgentReferrals())"
          data-testid="risk-urgent-refer"
        >
          {{ 'risk.urgent.open' | t }}
        </button>
      </section>
    }

    @if (canConvene() && currentLevel() === 'high') {
      <section class="cn-notice" role="status" data-testid="risk-conference">
        <p>{{ 'conference.conveneOffer' | t }}</p>
        <a
          mat-stroked-button
          [routerLink]="['/conferences', 'convene', caseId()]"
          data-testid="risk-convene"
          >{{ 'conference.convene' | t }}</a
        >
      </section>
    }

    @if (open()) {
      @if (instrument(); as inst) {
        <form
          class="cn-form"
          [formGroup]="form"
          (ngSubmit)="save(inst)"
          novalidate
          data-testid="risk-form"
        >
          <h3>
            {{ text(inst.content.title) }} · {{ 'risk.version' | t: { version: inst.version } }}
          </h3>
          <ol class="items" formGroupName="answers">
            @for (item of inst.content.items; track item.key) {
              <li [attr.data-testid]="'risk-item-' + item.key">
                <span class="question"
                  >{{ text(item.text) }}
                  @if (item.critical) {
                    <span class="cn-badge danger">{{ 'risk.critical' | t }}</span>
                  }
                </span>
                @if (item.kind === 'yes_no') {
                  <mat-button-toggle-group
                    [formControlName]="item.key"
                    [attr.aria-label]="text(item.text)"
                  >
                    <mat-button-toggle value="yes">{{ 'common.yes' | t }}</mat-button-toggle>
                    <mat-button-toggle value="no">{{ 'common.no' | t }}</mat-button-toggle>
                    <mat-button-toggle value="unknown">{{ 'risk.notKnown' | t }}</mat-button-toggle>
                  </mat-button-toggle-group>
                } @else {
                  <mat-form-field appearance="outline" subscriptSizing="dynamic">
                    <mat-select
                      [formControlName]="item.key"
                      [attr.aria-label]="text(item.text)"
                      [attr.data-testid]="'risk-scale-' + item.key"
                    >
                      @for (label of item.scaleLabels ?? []; track $index) {
                        <mat-option [value]="$index">{{ text(label) }}</mat-option>
                      }
                      <mat-option value="unknown">{{ 'risk.notKnown' | t }}</mat-option>
                    </mat-select>
                  </mat-form-field>
                }
                @if (
                  form.controls.answers.controls[item.key]?.touched &&
                  form.controls.answers.controls[item.key]?.invalid
                ) {
                  <span class="cn-error" role="alert">{{ 'risk.answerEach' | t }}</span>
                }
              </li>
            }
          </ol>

          <p class="cn-notice" role="status" data-testid="risk-preview">
            {{ 'risk.preview' | t: { score: preview().score, max: preview().maxScore } }}
            <strong>{{ 'risk.' + preview().computedLevel | t }}</strong>
            @if (preview().criticalYes.length > 0) {
              · {{ 'risk.criticalYes' | t }}
            }
          </p>

          <mat-form-field appearance="outline">
            <mat-label>{{ 'field.overrideLevel' | t }}</mat-label>
            <mat-select formControlName="overrideLevel" data-testid="risk-override">
              <mat-option value="">{{ 'risk.keepComputed' | t }}</mat-option>
              @for (level of raisable(); track level) {
                <mat-option [value]="level">{{ 'risk.' + level | t }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'risk.overrideHint' | t }}</mat-hint>
            <mat-error>{{
              form.controls.overrideLevel.errors | fieldError: 'overrideLevel'
            }}</mat-error>
          </mat-form-field>
          @if (overriding()) {
            <mat-form-field appearance="outline">
              <mat-label>{{ 'field.overrideReason' | t }}</mat-label>
              <textarea
                matInput
                rows="3"
                formControlName="overrideReason"
                data-testid="risk-override-reason"
              ></textarea>
              <mat-error>{{
                form.controls.overrideReason.errors | fieldError: 'overrideReason'
              }}</mat-error>
            </mat-form-field>
          }
          @for (message of submission.allMessages(); track $index) {
            <p class="cn-error" role="alert">{{ message }}</p>
          }
          <div class="cn-actions">
            <button
              mat-flat-button
              type="submit"
              [disabled]="submission.submitting()"
              data-testid="risk-save"
            >
              {{ 'risk.save' | t }}
            </button>
            <button mat-button type="button" (click)="cancel()">{{ 'common.cancel' | t }}</button>
          </div>
        </form>
      }
    }

    <ul class="cn-card-list" data-testid="risk-list">
      @for (a of assessments(); track a.id) {
        <li data-testid="risk-row">
          <div class="cn-actions">
            <span class="cn-badge" [class.danger]="a.level === 'high'">{{
              'risk.' + a.level | t
            }}</span>
            <span>{{ 'risk.score' | t: { score: a.score, max: a.maxScore } }}</span>
            <span class="cn-hint"
              >{{ a.assessedAt | vnDate }} · {{ a.assessedByName }} ·
              {{ 'risk.version' | t: { version: a.instrument.version } }}</span
            >
          </div>
          @if (a.overrideLevel) {
            <p>
              {{ 'risk.raisedFrom' | t: { from: ('risk.' + a.computedLevel | t) } }}
              <span class="reason">{{ a.overrideReason }}</span>
            </p>
          }
          @if (a.criticalYes.length > 0) {
            <p class="cn-hint">{{ 'risk.criticalYes' | t }}</p>
          }
        </li>
      } @empty {
        @if (!loading()) {
          <li>{{ 'risk.none' | t }}</li>
        }
      }
    </ul>
  `,
  styles: `
    .current {
      align-items: center;
      margin-bottom: 12px;
    }
    .items {
      padding-left: 20px;
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
        justify-content: space-between;
        padding: 8px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      .question {
        flex: 1 1 280px;
      }
    }
    .reason {
      white-space: pre-wrap;
    }
  `,
})
export class CaseRiskComponent {
  private readonly api = inject(RiskApiService);
  private readonly translation = inject(TranslationService);

  readonly caseId = input.required<string>();
  readonly ageGroup = input.required<AgeGroup>();
  readonly canAssess = input(false);
  /** May send referrals: offers the threshold actions of a high-risk assessment. */
  readonly canRefer = input(false);
  /** A supervisor of the case's centre: a high-risk case offers a case conference. */
  readonly canConvene = input(false);
  /** The case's new risk level after an assessment. */
  readonly assessed = output<RiskLevel>();
  /** Open the refer dialog with these emergency referrals pre-filled. */
  readonly urgentRefer = output<UrgentReferral[]>();

  protected readonly assessments = signal<RiskAssessmentView[]>([]);
  protected readonly loading = signal(true);
  private readonly instruments = toSignal(this.api.instruments(), { initialValue: [] });
  /** The current version for this survivor: the child instrument under 16. */
  protected readonly instrument = computed(() => {
    const audience = riskAudienceFor(this.ageGroup());
    return this.instruments().find((i) => i.audience === audience) ?? null;
  });
  protected readonly open = signal(false);
  protected readonly form = emptyRiskForm();
  protected readonly submission = formSubmission(this.form);

  protected readonly currentLevel = computed(() => this.assessments()[0]?.level ?? 'unknown');
  /** The threshold actions of the latest assessment (none unless it is high). */
  protected readonly urgentReferrals = computed(() => {
    const latest = this.assessments()[0];
    return latest ? urgentReferralsFor(latest) : [];
  });
  /** Oldest to newest. */
  protected readonly trend = computed(() =>
    this.assessments()
      .map((a) => a.level)
      .reverse(),
  );
  private readonly formChanges = toSignal(this.form.valueChanges.pipe(startWith(null)));
  protected readonly preview = computed(() => {
    this.formChanges();
    const inst = this.instrument();
    return inst && this.open()
      ? previewScore(inst, this.form)
      : { score: 0, maxScore: 0, computedLevel: 'unknown' as const, criticalYes: [], answered: 0 };
  });
  protected readonly raisable = computed(() => raisableLevels(this.preview().computedLevel));
  protected readonly overriding = computed(() => {
    this.formChanges();
    return !!this.form.controls.overrideLevel.value;
  });

  constructor() {
    effect((onCleanup) => {
      this.loading.set(true);
      const subscription = this.api.assessments(this.caseId()).subscribe({
        next: (list) => {
          this.assessments.set(list);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected text(value: LocalisedText): string {
    return value[this.translation.language()];
  }

  protected start(): void {
    const inst = this.instrument();
    if (!inst) return;
    prepareRiskForm(this.form, inst);
    this.open.set(true);
  }

  protected cancel(): void {
    this.open.set(false);
  }

  protected async save(inst: RiskInstrumentView): Promise<void> {
    const result = await this.submission.run(() =>
      firstValueFrom(this.api.assess(this.caseId(), assessmentRequest(inst, this.form))),
    );
    if (!result.ok) return;
    this.assessments.update((list) => [result.value, ...list]);
    this.open.set(false);
    this.assessed.emit(result.value.level);
  }
}
