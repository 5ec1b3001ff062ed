import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { SafetyPlanView } from '@caunoi/shared/contracts';
import type { RiskLevel, SafetyPlanSection } from '@caunoi/shared/domain';
import {
  SAFETY_PLAN_SECTIONS,
  SAFETY_PLAN_SECTION_MAX,
  defaultSafetyPlanReview,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { safetyPlanVi } from '../../../core/i18n/safety-plan.vi';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe, VnDayPipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission } from '../../../shared/forms/form-submission';
import { RiskApiService } from '../data/risk-api.service';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';

type SectionControls = Record<SafetyPlanSection, FormControl<string>>;

/** Vietnamese for the printout, whatever the screen's language: the plan is hers to keep. */
const PRINT = (key: keyof typeof safetyPlanVi) => safetyPlanVi[key];

/**
 * The case's safety plan: the current version, its history (who, when, which sections changed), an
 * editor that saves a new version from the one it started from (a stale save keeps the typed text
 * and shows the newer version), and a one-page printout in Vietnamese with no name or case code.
 */
@Component({
  selector: 'cn-case-safety-plan',
  providers: [provideCalendarDays()],
  imports: [
    MatDatepickerModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    VnDayPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-safety-plan.component.html',
  styleUrl: './case-safety-plan.component.scss',
})
export class CaseSafetyPlanComponent {
  private readonly api = inject(RiskApiService);
  private readonly translation = inject(TranslationService);
  private readonly document = inject(DOCUMENT);

  readonly caseId = input.required<string>();
  readonly riskLevel = input.required<RiskLevel>();
  readonly canEdit = input(false);

  protected readonly sectionNames = SAFETY_PLAN_SECTIONS;
  protected readonly print = PRINT;
  protected readonly versions = signal<SafetyPlanView[]>([]);
  protected readonly loading = signal(true);
  protected readonly current = computed(() => this.versions()[0] ?? null);
  protected readonly editing = signal(false);
  /** The version the open edit started from. */
  private readonly baseVersion = signal<number | null>(null);
  protected readonly staleVersion = signal<number | null>(null);
  protected readonly printCodeWord = signal(false);
  private readonly printArea = viewChild<ElementRef<HTMLElement>>('printArea');

  protected readonly form = new FormGroup({
    sections: new FormGroup(
      Object.fromEntries(
        SAFETY_PLAN_SECTIONS.map((section) => [
          section,
          new FormControl('', {
            nonNullable: true,
            validators: [Validators.maxLength(SAFETY_PLAN_SECTION_MAX)],
          }),
        ]),
      ) as SectionControls,
    ),
    reviewOn: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submission = formSubmission(this.form);

  constructor() {
    effect((onCleanup) => {
      const subscription = this.load(this.caseId());
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected sectionLabel(section: SafetyPlanSection): string {
    return this.translation.t(`safetyPlan.section.${section}`);
  }

  protected changedLabels(plan: SafetyPlanView): string {
    return plan.changedSections.map((s) => this.sectionLabel(s)).join(', ');
  }

  /** What the printout shows: filled sections, the code word only when chosen. */
  protected printedSections(plan: SafetyPlanView): SafetyPlanSection[] {
    return SAFETY_PLAN_SECTIONS.filter(
      (s) => !!plan.sections[s] && (s !== 'code_word' || this.printCodeWord()),
    );
  }

  protected edit(): void {
    const plan = this.current();
    const today = vietnamDateOf(new Date());
    this.form.reset({
      sections: Object.fromEntries(
        SAFETY_PLAN_SECTIONS.map((s) => [s, plan?.sections[s] ?? '']),
      ) as Record<SafetyPlanSection, string>,
      reviewOn: defaultSafetyPlanReview(today, this.riskLevel()),
    });
    this.baseVersion.set(plan?.version ?? null);
    this.staleVersion.set(null);
    this.editing.set(true);
  }

  protected cancel(): void {
    this.editing.set(false);
    this.staleVersion.set(null);
  }

  protected async save(): Promise<void> {
    const { sections, reviewOn } = this.form.getRawValue();
    const result = await this.submission.run(
      () =>
        firstValueFrom(
          this.api.saveSafetyPlan(this.caseId(), {
            baseVersion: this.baseVersion(),
            sections,
            reviewOn,
          }),
        ),
      { onError: (error) => this.onStale(error) },
    );
    if (!result.ok) return;
    this.versions.update((list) => [result.value, ...list]);
    this.editing.set(false);
    this.staleVersion.set(null);
  }

  /**
   * Prints the plan alone: a copy of the printout goes to the end of the body, and while printing
   * everything else is hidden (styles.scss), so the page holds the plan and nothing of the case file.
   */
  protected printPlan(): void {
    const area = this.printArea()?.nativeElement;
    const view = this.document.defaultView;
    if (!area || !view) return;
    const body = this.document.body;
    body.querySelector('#cn-print-root')?.remove();
    const root = this.document.createElement('div');
    root.id = 'cn-print-root';
    root.appendChild(area.cloneNode(true));
    body.appendChild(root);
    body.classList.add('cn-printing');
    view.addEventListener(
      'afterprint',
      () => {
        root.remove();
        body.classList.remove('cn-printing');
      },
      { once: true },
    );
    view.print();
  }

  /** Someone saved first: show their version, keep what this user typed, save from theirs next. */
  private onStale(error: unknown): boolean {
    if (!(error instanceof HttpErrorResponse) || error.status !== 409) return false;
    const code = (error.error as { errors?: { code: string }[] } | null)?.errors?.[0]?.code;
    if (code !== 'stale_version') return false;
    this.api.safetyPlans(this.caseId()).subscribe((list) => {
      this.versions.set(list);
      this.baseVersion.set(list[0]?.version ?? null);
      this.staleVersion.set(list[0]?.version ?? null);
    });
    return true;
  }

  private load(caseId: string) {
    this.loading.set(true);
    return this.api.safetyPlans(caseId).subscribe({
      next: (list) => {
        this.versions.set(list);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }
}
