import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CasePlanView, CaseReferralView } from '@caunoi/shared/contracts';
import type { CasePlanAction, CasePlanDomain } from '@caunoi/shared/domain';
import {
  CASE_PLAN_COMMENT_MAX,
  CASE_PLAN_DOMAINS,
  PLAN_ACTION_STATUSES,
  allowedCasePlanSteps,
  isPlanActionOverdue,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { FieldErrorPipe } from '../../../core/i18n/field-error.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe, VnDayPipe } from '../../../core/i18n/vn-date.pipe';
import { formSubmission, refusalMessage } from '../../../shared/forms/form-submission';
import { CasePlansApiService } from '../data/case-plans-api.service';
import {
  actionForm,
  forgetUnknownActionIds,
  casePlanContent,
  casePlanForm,
  entryForm,
  fillCasePlanForm,
} from './case-plan-form';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { provideCalendarDays } from '../../../shared/forms/calendar-day-adapter';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

/** Referral statuses whose agency may own an action (the API checks the same). */
const OWNING = new Set(['sent', 'accepted', 'in_service', 'completed']);

/**
 * The case action plan: the latest version (needs, goals, actions with owner, due date, status and
 * overdue ones marked), its approval (submit; a supervisor approves after a confirmation or returns it
 * with a comment, never their own), an editor that saves a new version from the one it opened (a stale
 * save keeps the typed text and shows the newer version), and the history of versions.
 */
@Component({
  selector: 'cn-case-plan',
  providers: [provideCalendarDays()],
  imports: [
    MatDatepickerModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    VnDatePipe,
    VnDayPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-plan.component.html',
  styleUrl: './case-plan.component.scss',
})
export class CasePlanComponent {
  private readonly api = inject(CasePlansApiService);
  private readonly auth = inject(AuthService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  readonly caseId = input.required<string>();
  readonly survivorCode = input.required<string>();
  readonly referrals = input<CaseReferralView[]>([]);
  /** May update the case (and it is not closed): edits and submits. */
  readonly canEdit = input(false);
  /** A supervisor of the centre: approves or returns. */
  readonly canDecide = input(false);

  protected readonly domains = CASE_PLAN_DOMAINS;
  protected readonly statuses = PLAN_ACTION_STATUSES;
  protected readonly versions = signal<CasePlanView[]>([]);
  protected readonly loading = signal(true);
  protected readonly latest = computed(() => this.versions()[0] ?? null);
  protected readonly steps = computed(() => allowedCasePlanSteps(this.latest()?.status ?? 'none'));
  protected readonly ownSubmission = computed(
    () => this.latest()?.submittedByUserId === this.auth.me()?.user.id,
  );
  private readonly today = vietnamDateOf(new Date());
  protected readonly overdue = computed(
    () => this.latest()?.content.actions.filter((a) => this.isOverdue(a)) ?? [],
  );
  /** Agencies an action may belong to: those the case is referred to. */
  protected readonly owners = computed(() => {
    const seen = new Map<string, string>();
    for (const r of this.referrals()) {
      if (OWNING.has(r.status)) seen.set(r.toAgency.id, r.toAgency.name);
    }
    return [...seen].map(([id, name]) => ({ id, name }));
  });

  protected readonly editing = signal(false);
  private readonly baseVersion = signal<number | null>(null);
  protected readonly staleVersion = signal<number | null>(null);
  protected readonly form = casePlanForm();
  protected readonly submission = formSubmission(this.form);
  protected readonly returning = signal(false);
  protected readonly returnForm = new FormGroup({
    comment: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(CASE_PLAN_COMMENT_MAX)],
    }),
  });
  protected readonly returnSubmission = formSubmission(this.returnForm);
  protected readonly busy = signal(false);

  constructor() {
    effect((onCleanup) => {
      this.loading.set(true);
      const subscription = this.api.list(this.caseId()).subscribe({
        next: (list) => {
          this.versions.set(list);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected isOverdue(action: CasePlanAction): boolean {
    return isPlanActionOverdue(action, this.today);
  }

  protected ownerName(agencyId: string | null): string {
    if (!agencyId) return this.translation.t('casePlan.ownerCentre');
    return (
      this.referrals().find((r) => r.toAgency.id === agencyId)?.toAgency.name ??
      this.translation.t('casePlan.ownerAgency')
    );
  }

  /** A calendar date (YYYY-MM-DD) the Vietnamese way. */
  protected byDomain<T extends { domain: CasePlanDomain }>(entries: T[]): [CasePlanDomain, T[]][] {
    return CASE_PLAN_DOMAINS.map(
      (d) => [d, entries.filter((e) => e.domain === d)] as [CasePlanDomain, T[]],
    ).filter(([, list]) => list.length > 0);
  }

  protected partsLabel(plan: CasePlanView): string {
    return plan.changedParts.map((p) => this.translation.t(`casePlan.part.${p}`)).join(', ');
  }

  protected edit(): void {
    const plan = this.latest();
    fillCasePlanForm(this.form, plan?.content ?? null);
    this.baseVersion.set(plan?.version ?? null);
    this.staleVersion.set(null);
    this.submission.clear();
    this.editing.set(true);
  }

  protected cancel(): void {
    this.editing.set(false);
    this.staleVersion.set(null);
  }

  protected addNeed(): void {
    this.form.controls.needs.push(entryForm());
  }

  protected addGoal(): void {
    this.form.controls.goals.push(entryForm());
  }

  protected addAction(): void {
    this.form.controls.actions.push(actionForm());
  }

  protected async save(submit: boolean): Promise<void> {
    const result = await this.submission.run(
      () =>
        firstValueFrom(
          this.api.save(this.caseId(), {
            baseVersion: this.baseVersion(),
            submit,
            ...casePlanContent(this.form),
          }),
        ),
      { onError: (error) => this.onStale(error) },
    );
    if (!result.ok) return;
    this.versions.update((list) => [result.value, ...list]);
    this.editing.set(false);
    this.staleVersion.set(null);
    this.snackBar.open(
      this.translation.t(submit ? 'casePlan.submitted' : 'casePlan.saved', {
        version: result.value.version,
      }),
    );
  }

  protected submit(): void {
    const plan = this.latest();
    if (!plan) return;
    this.step(this.api.submit(this.caseId(), { version: plan.version }), 'casePlan.submitted');
  }

  /** Approving is final for this version: the supervisor confirms with what it holds in view. */
  protected approve(): void {
    const plan = this.latest();
    if (!plan) return;
    this.dialogs
      .confirm(
        {
          message: 'casePlan.approveConfirm',
          params: {
            code: this.survivorCode(),
            version: plan.version,
            goals: plan.content.goals.length,
            actions: plan.content.actions.length,
          },
          confirm: 'casePlan.approve',
        },
        { width: 'small' },
      )
      .subscribe(() =>
        this.step(this.api.approve(this.caseId(), { version: plan.version }), 'casePlan.approved'),
      );
  }

  protected async sendReturn(): Promise<void> {
    const plan = this.latest();
    if (!plan) return;
    const result = await this.returnSubmission.run(() =>
      firstValueFrom(
        this.api.return(this.caseId(), {
          version: plan.version,
          comment: this.returnForm.getRawValue().comment.trim(),
        }),
      ),
    );
    if (!result.ok) return;
    this.replaceLatest(result.value);
    this.returning.set(false);
    this.returnForm.reset();
    this.snackBar.open(this.translation.t('casePlan.returned'));
  }

  private step(
    request: ReturnType<CasePlansApiService['submit']>,
    done: 'casePlan.submitted' | 'casePlan.approved',
  ): void {
    if (this.busy()) return;
    this.busy.set(true);
    request.subscribe({
      next: (plan) => {
        this.busy.set(false);
        this.replaceLatest(plan);
        this.snackBar.open(this.translation.t(done, { version: plan.version }));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const message = refusalMessage(this.translation, error);
        if (message) this.snackBar.open(message);
      },
    });
  }

  private replaceLatest(plan: CasePlanView): void {
    this.versions.update((list) => list.map((p) => (p.id === plan.id ? plan : p)));
  }

  /** Someone saved first: show their version, keep what this user typed, save from theirs next. */
  private onStale(error: unknown): boolean {
    if (!(error instanceof HttpErrorResponse) || error.status !== 409) return false;
    const code = (error.error as { errors?: { code: string }[] } | null)?.errors?.[0]?.code;
    if (code !== 'stale_version') return false;
    this.api.list(this.caseId()).subscribe((list) => {
      this.versions.set(list);
      forgetUnknownActionIds(this.form, list[0]?.content ?? null);
      this.baseVersion.set(list[0]?.version ?? null);
      this.staleVersion.set(list[0]?.version ?? null);
    });
    return true;
  }
}
