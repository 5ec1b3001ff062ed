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
import type {
  AgeGroup,
  LocalisedText,
  RiskAnswer,
  RiskItem,
  RiskLevel,
  UrgentReferral,
} from '@caunoi/shared/domain';
import { riskAudienceFor, urgentReferralsFor } from '@caunoi/shared/domain';
import { firstValueFrom, startWith } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslateListPipe } from '../../../core/i18n/t-list.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { CorrectionHistoryComponent } from '../correction-history/correction-history.component';
import { RiskApiService } from '../data/risk-api.service';
import { StaleNoticeComponent } from '../stale-notice/stale-notice.component';
import { isStale } from '../stale-notice/stale';
import {
  assessmentRequest,
  correctionRequest,
  emptyRiskForm,
  fillRiskForm,
  prepareRiskForm,
  previewScore,
  raisableLevels,
  replacedAnswers,
} from './risk-form';

/** What the case file hears of a saved assessment. */
export interface RiskSaved {
  /** The case's risk level now, or null when it did not change (an older assessment corrected). */
  caseLevel: RiskLevel | null;
  corrected: boolean;
}

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
    CorrectionHistoryComponent,
    StaleNoticeComponent,
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
      @if (formInstrument(); as inst) {
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
          @if (editing(); as target) {
            <p class="cn-hint" data-testid="risk-correct-hint">
              {{ 'risk.correctHint' | t: { at: (target.assessedAt | vnDate) } }}
            </p>
          }
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
          @if (editing()) {
            <mat-form-field appearance="outline">
              <mat-label>{{ 'correction.reasonLabel' | t }}</mat-label>
              <textarea
                matInput
                rows="2"
                formControlName="reason"
                data-testid="risk-correct-reason"
              ></textarea>
              <mat-hint>{{ 'correction.hint' | t }}</mat-hint>
              <mat-error>{{
                form.controls.reason.errors | fieldError: 'correctionReason'
              }}</mat-error>
            </mat-form-field>
          }
          @if (stale()) {
            <cn-stale-notice (reload)="reloadStale()" />
          } @else {
            @for (message of submission.allMessages(); track $index) {
              <p class="cn-error" role="alert">{{ message }}</p>
            }
          }
          <div class="cn-actions">
            <button
              mat-flat-button
              type="submit"
              [disabled]="submission.submitting()"
              data-testid="risk-save"
            >
              {{ (editing() ? 'correction.save' : 'risk.save') | t }}
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
          <div class="cn-actions">
            @if (canAssess() && !open() && instrumentsById()[a.instrument.id]) {
              <button mat-button type="button" (click)="edit(a)" data-testid="risk-correct">
                {{ 'risk.correct' | t }}
              </button>
            }
            @if (a.version > 1) {
              <cn-correction-history
                [caseId]="caseId()"
                subjectType="RiskAssessment"
                [subjectId]="a.id"
                [format]="formatters()[a.id] ?? null"
              />
            }
          </div>
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
  /** An assessment saved or corrected, and the case's risk level after it. */
  readonly assessed = output<RiskSaved>();
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
  /** The saved assessment being corrected, or null for a new assessment. */
  protected readonly editing = signal<RiskAssessmentView | null>(null);
  /** Every instrument version the case's assessments were made with (a retired one too). */
  protected readonly instrumentsById = signal<Record<string, RiskInstrumentView>>({});
  /** The version the open form asks: the current one, or the corrected assessment's own. */
  protected readonly formInstrument = computed(() => {
    const target = this.editing();
    return target ? (this.instrumentsById()[target.instrument.id] ?? null) : this.instrument();
  });
  protected readonly form = emptyRiskForm();
  protected readonly submission = formSubmission(this.form);
  protected readonly stale = isStale(this.submission);
  /** Per assessment: its history's wording of replaced answers (question and earlier answer). */
  protected readonly formatters = computed(() =>
    Object.fromEntries(
      this.assessments().map((a) => [
        a.id,
        (field: string, value: unknown) => this.replaced(a, field, value),
      ]),
    ),
  );

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
    const inst = this.formInstrument();
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
          void this.loadInstruments(list);
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
    this.editing.set(null);
    prepareRiskForm(this.form, inst);
    this.submission.clear();
    this.open.set(true);
  }

  /** Corrects a saved assessment: the form filled with it, with its own instrument version. */
  protected edit(assessment: RiskAssessmentView): void {
    const inst = this.instrumentsById()[assessment.instrument.id];
    if (!inst) return;
    this.editing.set(assessment);
    fillRiskForm(this.form, inst, assessment);
    this.submission.clear();
    this.open.set(true);
  }

  protected cancel(): void {
    this.open.set(false);
    this.editing.set(null);
  }

  protected async save(inst: RiskInstrumentView): Promise<void> {
    const target = this.editing();
    const result = await this.submission.run(() =>
      firstValueFrom(
        target
          ? this.api.correct(this.caseId(), target.id, correctionRequest(this.form, target.version))
          : this.api.assess(this.caseId(), assessmentRequest(inst, this.form)),
      ),
    );
    if (!result.ok) return;
    const saved = result.value;
    const list = target
      ? this.assessments().map((a) => (a.id === saved.id ? saved : a))
      : [saved, ...this.assessments()];
    this.assessments.set(list);
    this.open.set(false);
    this.editing.set(null);
    // The case follows its latest assessment only.
    this.assessed.emit({
      caseLevel: list[0]?.id === saved.id ? saved.level : null,
      corrected: target !== null,
    });
  }

  /** Someone corrected it first: start again from their version (nothing was overwritten). */
  protected async reloadStale(): Promise<void> {
    const target = this.editing();
    const list = await firstValueFrom(this.api.assessments(this.caseId()));
    this.assessments.set(list);
    const current = list.find((a) => a.id === target?.id);
    if (current) this.edit(current);
    else this.cancel();
  }

  private async loadInstruments(list: RiskAssessmentView[]): Promise<void> {
    const known = this.instrumentsById();
    const missing = [...new Set(list.map((a) => a.instrument.id))].filter((id) => !known[id]);
    if (missing.length === 0) return;
    const loaded = await Promise.all(
      missing.map((id) => firstValueFrom(this.api.instrument(id)).catch(() => null)),
    );
    this.instrumentsById.update((map) => ({
      ...map,
      ...Object.fromEntries(loaded.filter((i) => i !== null).map((i) => [i.id, i])),
    }));
  }

  /** A replaced answer set as the questions that changed and what they were answered before. */
  private replaced(assessment: RiskAssessmentView, field: string, value: unknown): string | null {
    const inst = this.instrumentsById()[assessment.instrument.id];
    if (field !== 'answers' || !inst || typeof value !== 'object' || value === null) return null;
    const lines = replacedAnswers(inst, value as Record<string, RiskAnswer>, assessment.answers, {
      text: (item) => this.text(item.text),
      answer: (item, answer) => this.answerText(item, answer),
    });
    return lines.length > 0 ? lines.join('; ') : '—';
  }

  private answerText(item: RiskItem, answer: RiskAnswer): string {
    if (answer === null) return this.translation.t('risk.notKnown');
    if (answer === true) return this.translation.t('common.yes');
    if (answer === false) return this.translation.t('common.no');
    const label = item.scaleLabels?.[answer];
    return label ? this.text(label) : String(answer);
  }
}
