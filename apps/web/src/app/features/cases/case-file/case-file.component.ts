import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import type {
  CaseDetailView,
  CaseReferralView,
  ConsentView,
  DeadlineView,
  IncidentView,
  UpdateCaseRequest,
} from '@caunoi/shared/contracts';
import type { CaseStage, UrgentReferral } from '@caunoi/shared/domain';
import {
  CASE_STAGE_TRANSITIONS,
  isClosureStep,
  transitionNeedsSupervisor,
} from '@caunoi/shared/domain';
import { AbilityService } from '../../../core/ability/ability.service';
import { AuthService } from '../../../core/auth/auth.service';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { UnitNamePipe } from '../../../shared/data/unit-name.pipe';
import { DeadlinesApiService } from '../../../shared/data/deadlines-api.service';
import { refusalMessage } from '../../../shared/forms/form-submission';
import { NotFoundComponent } from '../../../shared/ui/not-found/not-found.component';
import { DeadlineClockComponent } from '../../deadlines/deadline-clock/deadline-clock.component';
import type { Workspace } from '../../workspaces/workspaces';
import { AccessLogComponent } from '../access-log/access-log.component';
import type { AssignDialogData } from '../assign-dialog/assign-dialog.component';
import { AssignDialogComponent } from '../assign-dialog/assign-dialog.component';
import { CaseChildEmergencyComponent } from '../case-child-emergency/case-child-emergency.component';
import { CaseClosureComponent } from '../case-closure/case-closure.component';
import { CaseConsentsComponent } from '../case-consents/case-consents.component';
import { CaseIdentityComponent } from '../case-identity/case-identity.component';
import { CaseIncidentsComponent } from '../case-incidents/case-incidents.component';
import { CasePlanComponent } from '../case-plan/case-plan.component';
import { CaseNotesComponent } from '../case-notes/case-notes.component';
import { CaseReferralsComponent } from '../case-referrals/case-referrals.component';
import type { RiskSaved } from '../case-risk/case-risk.component';
import { CaseRiskComponent } from '../case-risk/case-risk.component';
import { CasePerpetratorsComponent } from '../case-perpetrators/case-perpetrators.component';
import { CaseSafetyPlanComponent } from '../case-safety-plan/case-safety-plan.component';
import { CaseFollowUpsComponent } from '../case-follow-ups/case-follow-ups.component';
import { CaseTimelineComponent } from '../case-timeline/case-timeline.component';
import { CaseProtectionComponent } from '../../protection/case-protection/case-protection.component';
import { CaseReferralsApiService } from '../data/case-referrals-api.service';
import { CasesApiService } from '../data/cases-api.service';
import type { ReferDialogData } from '../refer-dialog/refer-dialog.component';
import { ReferDialogComponent } from '../refer-dialog/refer-dialog.component';
import { ReferralTimelineComponent } from '../referral-timeline/referral-timeline.component';
import { CaseConferenceActionsComponent } from '../../conferences/case-conference-actions/case-conference-actions.component';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

/**
 * Position of the referrals tab (after overview, risk, safety plan, action plan, follow-up,
 * incidents, consents).
 */
const REFERRALS_TAB = 7;

/**
 * The case file (`/cases/:id`, `/team/:id`): overview and masked identity, incidents, consents,
 * referrals and their timeline, notes and, for supervisors, the access log. A case the user may
 * not see is a 404 from the API, shown as "not found or not yours to see".
 */
@Component({
  selector: 'cn-case-file',
  imports: [
    CaseProtectionComponent,
    RouterLink,
    MatButtonModule,
    MatTabsModule,
    TranslatePipe,
    UnitNamePipe,
    VnDatePipe,
    NotFoundComponent,
    CaseIdentityComponent,
    CaseIncidentsComponent,
    CaseConsentsComponent,
    CaseNotesComponent,
    CaseReferralsComponent,
    CaseRiskComponent,
    CaseSafetyPlanComponent,
    CaseFollowUpsComponent,
    CaseTimelineComponent,
    CasePerpetratorsComponent,
    CaseClosureComponent,
    CasePlanComponent,
    ReferralTimelineComponent,
    AccessLogComponent,
    DeadlineClockComponent,
    CaseConferenceActionsComponent,
    CaseChildEmergencyComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-file.component.html',
  styleUrl: './case-file.component.scss',
})
export class CaseFileComponent {
  private readonly api = inject(CasesApiService);
  private readonly deadlinesApi = inject(DeadlinesApiService);
  private readonly referralsApi = inject(CaseReferralsApiService);
  private readonly ability = inject(AbilityService);
  private readonly auth = inject(AuthService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** From the route's data. */
  readonly workspace = input.required<Workspace>();

  protected readonly detail = signal<CaseDetailView | null>(null);
  protected readonly notFound = signal(false);
  protected readonly saving = signal(false);
  /** The case's open statutory clocks (shown on the overview and on each serious incident). */
  protected readonly deadlines = signal<DeadlineView[]>([]);
  private readonly canReadDeadlines = computed(() => this.ability.can('read', 'Deadline'));
  /** Running and overdue clocks, soonest first: what is due next (met ones stay on their incident). */
  protected readonly openDeadlines = computed(() =>
    this.deadlines()
      .filter((d) => d.status === 'pending' || d.status === 'breached')
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt)),
  );
  /** The case's referrals, newest first, each with its timeline and services. */
  protected readonly referrals = signal<CaseReferralView[]>([]);
  protected readonly selectedTab = signal(0);

  private readonly supervisor = computed(() => this.auth.me()?.user.role === 'supervisor');
  protected readonly canUpdate = computed(() => this.can('update'));
  /** A closed case is read-only until a supervisor reopens it: no edit buttons. */
  protected readonly closed = computed(() => this.detail()?.stage === 'closed');
  protected readonly canEdit = computed(() => this.canUpdate() && !this.closed());
  protected readonly canAssign = computed(() => this.can('assign') && !this.closed());
  protected readonly canReveal = computed(() => this.can('reveal_identity'));
  protected readonly canAudit = computed(() => this.can('audit'));
  protected readonly canApprove = computed(() => this.can('approve'));
  /** Refer, withdraw and re-route: whoever may update the case and create referrals. */
  protected readonly canRefer = computed(
    () => this.canEdit() && this.ability.can('create', 'Referral'),
  );

  /** Convene a case conference: a supervisor of the case's centre (the offer shows at high risk). */
  protected readonly canConvene = computed(() => {
    const detail = this.detail();
    return (
      !!detail &&
      !this.closed() &&
      this.ability.canOn('create', 'Conference', { agencyId: detail.agencyId })
    );
  });

  /**
   * The stages this case may move to by a plain stage change. Closing and reopening are not among
   * them: they go through a closure request a supervisor decides (the API refuses them here).
   */
  protected readonly transitions = computed(() => {
    const stage = this.detail()?.stage;
    if (!stage) return [];
    return CASE_STAGE_TRANSITIONS[stage]
      .filter((to) => !isClosureStep(stage, to))
      .map((to) => ({
        to,
        needsSupervisor: transitionNeedsSupervisor(stage, to) && !this.supervisor(),
      }));
  });

  protected readonly hasSupervisorOnly = computed(() =>
    this.transitions().some((transition) => transition.needsSupervisor),
  );

  constructor() {
    effect((onCleanup) => {
      const id = this.id();
      this.detail.set(null);
      this.notFound.set(false);
      this.deadlines.set([]);
      this.referrals.set([]);
      const subscription = this.api.get(id).subscribe({
        next: (detail) => {
          this.detail.set(detail);
          this.loadDeadlines();
          this.loadReferrals();
        },
        error: (error: unknown) => {
          if (
            error instanceof HttpErrorResponse &&
            (error.status === 404 || error.status === 400)
          ) {
            this.notFound.set(true);
          }
        },
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  /** A closure step moved the stage: the case is read again (its clocks too). */
  protected closureChanged(): void {
    const detail = this.detail();
    if (!detail) return;
    this.api
      .get(detail.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.detail.set(updated);
          this.loadDeadlines();
        },
        error: () => undefined,
      });
  }

  protected moveTo(stage: CaseStage): void {
    this.update({ stage }, 'caseFile.stageChanged');
  }

  /** The case takes the level of its latest assessment (null: an older one was corrected). */
  protected riskAssessed(saved: RiskSaved): void {
    const riskLevel = saved.caseLevel;
    if (riskLevel) this.detail.update((detail) => (detail ? { ...detail, riskLevel } : detail));
    this.snackBar.open(this.translation.t(saved.corrected ? 'correction.saved' : 'risk.saved'));
  }

  protected assign(): void {
    const detail = this.detail();
    if (!detail) return;
    this.dialogs
      .open<
        AssignDialogComponent,
        AssignDialogData,
        CaseDetailView
      >(AssignDialogComponent, { caseId: detail.id, assignedUserId: detail.assignedUserId })
      .subscribe((updated) => {
        this.detail.set(updated);
        this.snackBar.open(this.translation.t('cases.assigned'));
      });
  }

  protected incidentAdded(incident: IncidentView): void {
    this.detail.update((detail) =>
      detail ? { ...detail, incidents: [...detail.incidents, incident] } : detail,
    );
    if (incident.serious) this.loadDeadlines();
    this.snackBar.open(this.translation.t('incident.added'));
  }

  protected incidentUpdated(incident: IncidentView): void {
    this.detail.update((detail) =>
      detail
        ? {
            ...detail,
            incidents: detail.incidents.map((i) => (i.id === incident.id ? incident : i)),
          }
        : detail,
    );
    this.loadDeadlines();
  }

  /** Marking, un-marking and submitting move clocks: asked again after each. */
  protected loadDeadlines(): void {
    const detail = this.detail();
    if (!detail || !this.canReadDeadlines()) return;
    this.deadlinesApi
      .forCase(detail.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (deadlines) => this.deadlines.set(deadlines), error: () => undefined });
  }

  protected loadReferrals(): void {
    const detail = this.detail();
    if (!detail) return;
    this.referralsApi
      .list(detail.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (referrals) => this.referrals.set(referrals), error: () => undefined });
  }

  /** Sending, withdrawing or re-routing moves respond-by clocks: both are asked again. */
  protected referralsChanged(): void {
    this.loadReferrals();
    this.loadDeadlines();
  }

  /** Without `urgent`, an empty dialog; with it, the risk tab's emergency referrals pre-filled. */
  protected refer(urgent?: readonly UrgentReferral[]): void {
    const detail = this.detail();
    if (!detail) return;
    this.dialogs
      .open<ReferDialogComponent, ReferDialogData, CaseReferralView[]>(
        ReferDialogComponent,
        {
          caseId: detail.id,
          consents: detail.consents,
          communeCode: detail.communeCode,
          urgent,
        },
        { width: 'wide' },
      )
      .subscribe((created) => {
        this.referralsChanged();
        this.selectedTab.set(REFERRALS_TAB);
        this.snackBar.open(this.translation.t('caseFile.referralsSent', { count: created.length }));
      });
  }

  /** A referral clock names the agency it waits for. */
  protected clockSubject(deadline: DeadlineView): string | null {
    if (deadline.kind !== 'referral_response') return null;
    return this.referrals().find((r) => r.id === deadline.subjectId)?.toAgency.name ?? null;
  }

  protected consentChanged(consent: ConsentView): void {
    this.detail.update((detail) => {
      if (!detail) return detail;
      const known = detail.consents.some((c) => c.id === consent.id);
      const consents = known
        ? detail.consents.map((c) => (c.id === consent.id ? consent : c))
        : [...detail.consents, consent];
      return { ...detail, consents };
    });
    // Withdrawing a consent withdraws the open referrals that relied on it.
    if (consent.withdrawnAt) this.referralsChanged();
    this.snackBar.open(this.translation.t('common.saved'));
  }

  protected readonly matchLabel = (match: string): string =>
    this.translation.t(match === 'phone' ? 'caseFile.matchPhone' : 'caseFile.matchNameBirth');

  private update(request: UpdateCaseRequest, done: 'caseFile.stageChanged' | 'common.saved'): void {
    const detail = this.detail();
    if (!detail || this.saving()) return;
    this.saving.set(true);
    this.api
      .update(detail.id, request)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.detail.set(updated);
          this.saving.set(false);
          this.snackBar.open(this.translation.t(done));
        },
        error: (error: unknown) => {
          this.saving.set(false);
          // Put the select back to what the server holds.
          this.detail.set({ ...detail });
          const message = refusalMessage(this.translation, error);
          if (message) this.snackBar.open(message);
        },
      });
  }

  private can(action: 'update' | 'assign' | 'reveal_identity' | 'audit' | 'approve'): boolean {
    const detail = this.detail();
    return !!detail && this.ability.canOn(action, 'Case', detail);
  }
}
