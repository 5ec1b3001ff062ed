import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CaseReferralView, ConsentView, ServiceRecordView } from '@caunoi/shared/contracts';
import type { ReferralAction } from '@caunoi/shared/domain';
import { allowedReferralActions } from '@caunoi/shared/domain';
import { TranslateListPipe } from '../../../core/i18n/t-list.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { formatCalendarDate, injectNow } from '../../../shared/deadlines/deadline-display';
import { DueDatePipe, TimeLeftPipe } from '../../../shared/deadlines/deadline.pipes';
import type { SectorOutcomeLine } from '../../../shared/referrals/referral-labels';
import { sectorOutcomeLines } from '../../../shared/referrals/referral-labels';
import { CaseReferralsApiService } from '../data/case-referrals-api.service';
import { referralRefusal } from '../referral-form/referral-form';
import type { RerouteDialogData } from '../reroute-dialog/reroute-dialog.component';
import { RerouteDialogComponent } from '../reroute-dialog/reroute-dialog.component';
import type { WithdrawReferralData } from '../withdraw-referral-dialog/withdraw-referral-dialog.component';
import { WithdrawReferralDialogComponent } from '../withdraw-referral-dialog/withdraw-referral-dialog.component';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

/**
 * "Chuyển gửi" on the case file: every referral with its status, respond-by clock, packet,
 * override, the agency's answer and the services it recorded; withdraw and re-route for whoever
 * may update the case, and the override review for a supervisor.
 */
@Component({
  selector: 'cn-case-referrals',
  imports: [
    MatButtonModule,
    TranslatePipe,
    TranslateListPipe,
    VnDatePipe,
    DueDatePipe,
    TimeLeftPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-referrals.component.html',
  styleUrl: './case-referrals.component.scss',
})
export class CaseReferralsComponent {
  private readonly api = inject(CaseReferralsApiService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  readonly caseId = input.required<string>();
  readonly referrals = input.required<readonly CaseReferralView[]>();
  /** For the re-route dialog's consent check and directory search. */
  readonly consents = input<readonly ConsentView[]>([]);
  readonly communeCode = input<string | null>(null);
  /** May update the case: withdraw and re-route. */
  readonly canUpdate = input(false);
  /** A supervisor of the centre: reviews referrals sent without consent. */
  readonly canReview = input(false);
  /** A referral changed (withdrawn, re-routed, reviewed): the case file reloads them. */
  readonly changed = output<void>();

  protected readonly now = injectNow();
  protected readonly reviewing = signal<string | null>(null);

  /** Codes by id, to name the referral a re-routed one came from. */
  private readonly codes = computed(
    () => new Map(this.referrals().map((referral) => [referral.id, referral.code])),
  );

  protected can(referral: CaseReferralView, action: ReferralAction): boolean {
    return this.canUpdate() && allowedReferralActions(referral.status).includes(action);
  }

  /** Overdue or declined: re-routing is what the caseworker should do next. */
  protected rerouteUrged(referral: CaseReferralView): boolean {
    return referral.responseOverdue || referral.status === 'declined';
  }

  protected codeOf(id: string): string {
    return this.codes().get(id) ?? '';
  }

  protected providedOn(record: ServiceRecordView): string {
    return formatCalendarDate(record.providedOn);
  }

  /** The sector outcome fields of a service record, labelled: yes/no, or the value's own label. */
  protected outcomeLines(record: ServiceRecordView): SectorOutcomeLine[] {
    return sectorOutcomeLines(this.translation, record.sectorOutcome);
  }

  protected withdraw(referral: CaseReferralView): void {
    this.dialogs
      .open<WithdrawReferralDialogComponent, WithdrawReferralData, CaseReferralView>(
        WithdrawReferralDialogComponent,
        {
          caseId: this.caseId(),
          referralId: referral.id,
          agencyName: referral.toAgency.name,
        },
        { width: 'medium' },
      )
      .subscribe(() => this.done('caseReferrals.withdrawn'));
  }

  protected reroute(referral: CaseReferralView): void {
    this.dialogs
      .open<RerouteDialogComponent, RerouteDialogData, CaseReferralView>(
        RerouteDialogComponent,
        {
          caseId: this.caseId(),
          referral,
          consents: this.consents(),
          communeCode: this.communeCode(),
        },
        { width: 'large' },
      )
      .subscribe(() => this.done('caseReferrals.rerouted'));
  }

  protected review(referral: CaseReferralView): void {
    if (this.reviewing()) return;
    this.reviewing.set(referral.id);
    this.api
      .reviewOverride(this.caseId(), referral.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.reviewing.set(null);
          this.done('caseReferrals.reviewDone');
        },
        error: (error: unknown) => {
          this.reviewing.set(null);
          const message = referralRefusal(this.translation, error);
          if (message) this.snackBar.open(message);
        },
      });
  }

  private done(
    key: 'caseReferrals.withdrawn' | 'caseReferrals.rerouted' | 'caseReferrals.reviewDone',
  ): void {
    this.snackBar.open(this.translation.t(key));
    this.changed.emit();
  }
}
