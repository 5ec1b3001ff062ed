import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { InboxReferralDetailView, ReferralEventView } from '@caunoi/shared/contracts';
import { allowedReferralActions, isReferralOpen, timeLeft } from '@caunoi/shared/domain';
import type { ComponentType } from '@angular/cdk/portal';
import { finalize, switchMap, tap } from 'rxjs';
import { TranslateListPipe } from '../../../core/i18n/t-list.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import type { TranslationKey } from '../../../core/i18n/vi';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { injectNow } from '../../../shared/deadlines/deadline-display';
import { TimeLeftPipe } from '../../../shared/deadlines/deadline.pipes';
import { refusalMessage } from '../../../shared/forms/form-submission';
import { codeLabel, eventReasonText } from '../../../shared/referrals/referral-labels';
import { NotFoundComponent } from '../../../shared/ui/not-found/not-found.component';
import type { Workspace } from '../../workspaces/workspaces';
import type { CompleteDialogData } from '../complete-dialog/complete-dialog.component';
import { CompleteDialogComponent } from '../complete-dialog/complete-dialog.component';
import type { DeclineDialogData } from '../decline-dialog/decline-dialog.component';
import { DeclineDialogComponent } from '../decline-dialog/decline-dialog.component';
import { InboxApiService } from '../data/inbox-api.service';
import type { AnswerOutcome } from '../data/referral-answers';
import { isInvalidTransition } from '../data/referral-answers';
import { INBOX_ROOT } from '../data/referral-display';
import type { RecordServiceDialogData } from '../record-service-dialog/record-service-dialog.component';
import { RecordServiceDialogComponent } from '../record-service-dialog/record-service-dialog.component';
import { ReferralPacketComponent } from '../referral-packet/referral-packet.component';
import { ServiceRecordItemComponent } from '../service-record-item/service-record-item.component';
import { UrgencyChipComponent } from '../urgency-chip/urgency-chip.component';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

/**
 * `/inbox/referrals/:id`: one referral as the receiving agency sees it. While it is open: the
 * sender, the reason and the packet the survivor consented to share, and the answers the status
 * allows (the domain's state machine decides the buttons). Once closed: a banner, the timeline and
 * the agency's own service records, nothing of the case. A referral the user may not see is a 404.
 */
@Component({
  selector: 'cn-referral-detail',
  imports: [
    RouterLink,
    MatButtonModule,
    TranslatePipe,
    TranslateListPipe,
    VnDatePipe,
    TimeLeftPipe,
    NotFoundComponent,
    ReferralPacketComponent,
    ServiceRecordItemComponent,
    UrgencyChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './referral-detail.component.html',
  styleUrl: './referral-detail.component.scss',
})
export class ReferralDetailComponent {
  private readonly api = inject(InboxApiService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** From the route's data. */
  readonly workspace = input.required<Workspace>();

  protected readonly inboxLink = INBOX_ROOT;
  protected readonly now = injectNow();
  protected readonly detail = signal<InboxReferralDetailView | null>(null);
  protected readonly notFound = signal(false);
  protected readonly busy = signal(false);
  /** Bumped to fetch the referral again (after a refusal). */
  private readonly version = signal(0);
  /** The server's last refusal of an answer; its message follows the language switch. */
  private readonly refusalError = signal<HttpErrorResponse | null>(null);

  protected readonly refusal = computed(() => {
    const error = this.refusalError();
    if (!error) return null;
    return isInvalidTransition(error)
      ? this.translation.t('referralInbox.invalidTransition')
      : refusalMessage(this.translation, error);
  });

  protected readonly open = computed(() => {
    const detail = this.detail();
    return !!detail && isReferralOpen(detail.status);
  });
  private readonly actions = computed(() => {
    const detail = this.detail();
    return new Set(detail ? allowedReferralActions(detail.status) : []);
  });
  protected readonly canAccept = computed(() => this.actions().has('accept'));
  protected readonly canDecline = computed(() => this.actions().has('decline'));
  protected readonly canRecord = computed(() => this.actions().has('record_service'));
  protected readonly canComplete = computed(() => this.actions().has('complete'));
  /** Accepted but nothing recorded yet: completing waits for a first service record. */
  protected readonly recordFirst = computed(() => this.detail()?.status === 'accepted');

  /** Waiting for an answer and past the respond-by time (by the server or by the clock). */
  protected readonly overdue = computed(() => {
    const detail = this.detail();
    if (!detail || detail.status !== 'sent') return false;
    return detail.responseOverdue || timeLeft(this.now(), new Date(detail.respondBy)).overdue;
  });

  protected readonly statusLabel = computed(() => {
    const detail = this.detail();
    return detail ? codeLabel(this.translation, 'referralStatus', detail.status) : '';
  });

  constructor() {
    effect((onCleanup) => {
      const id = this.id();
      this.version();
      if (untracked(this.detail)?.id !== id) {
        this.detail.set(null);
        this.notFound.set(false);
      }
      const subscription = this.api.get(id).subscribe({
        next: (detail) => this.detail.set(detail),
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

  protected eventReason(event: ReferralEventView): string | null {
    return eventReasonText(this.translation, event);
  }

  protected reasonLabel(prefix: 'declineReason' | 'withdrawReason', code: string): string {
    return codeLabel(this.translation, prefix, code);
  }

  protected accept(): void {
    const detail = this.detail();
    if (!detail || this.busy()) return;
    this.dialogs
      .confirm(
        {
          message: 'referralInbox.acceptConfirm',
          params: { code: detail.code },
          confirm: 'referralInbox.accept',
        },
        { width: 'small' },
      )
      .pipe(
        tap(() => {
          this.busy.set(true);
          this.refusalError.set(null);
        }),
        switchMap(() => this.api.accept(detail.id)),
        finalize(() => this.busy.set(false)),
      )
      .subscribe({
        next: (updated) => this.answered(updated, 'referralInbox.accepted'),
        error: (error: unknown) => this.refused(error),
      });
  }

  protected decline(): void {
    const detail = this.detail();
    if (!detail) return;
    this.openAnswer<DeclineDialogComponent, DeclineDialogData>(
      DeclineDialogComponent,
      { referralId: detail.id, referralCode: detail.code },
      'referralInbox.declined',
    );
  }

  protected recordService(): void {
    const detail = this.detail();
    if (!detail) return;
    this.openAnswer<RecordServiceDialogComponent, RecordServiceDialogData>(
      RecordServiceDialogComponent,
      { id: detail.id, code: detail.code, services: detail.services, sentAt: detail.sentAt },
      'referralInbox.serviceRecorded',
    );
  }

  protected complete(): void {
    const detail = this.detail();
    if (!detail) return;
    this.openAnswer<CompleteDialogComponent, CompleteDialogData>(
      CompleteDialogComponent,
      { referralId: detail.id, referralCode: detail.code },
      'referralInbox.completed',
    );
  }

  private openAnswer<C, D>(component: ComponentType<C>, data: D, done: TranslationKey): void {
    this.refusalError.set(null);
    this.dialogs
      .open<C, D, AnswerOutcome>(component, data, { width: 'medium' })
      .subscribe((outcome) => {
        if ('referral' in outcome) this.answered(outcome.referral, done);
        else this.refused(outcome.refusal);
      });
  }

  private answered(updated: InboxReferralDetailView, done: TranslationKey): void {
    this.detail.set(updated);
    this.snackBar.open(this.translation.t(done));
  }

  /**
   * The referral changed under the user (withdrawn, already answered) or is gone: say so, and
   * show it as it is now. 5xx and network errors are announced by the interceptor.
   */
  private refused(error: unknown): void {
    if (!(error instanceof HttpErrorResponse)) return;
    if (error.status === 404) {
      this.notFound.set(true);
      return;
    }
    this.refusalError.set(error);
    if (error.status === 409) this.version.update((v) => v + 1);
  }
}
