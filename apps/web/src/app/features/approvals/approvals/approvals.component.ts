import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type {
  AccountChangeDecisionView,
  AccountChangeView,
  OneTimeCodeView,
} from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { AccountChangeStatus, AccountDecisionRefusal } from '@caunoi/shared/domain';
import { ACCOUNT_CHANGE_STATUSES, accountDecisionRefusal } from '@caunoi/shared/domain';
import { switchMap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { AccountChangesApiService } from '../../../shared/data/account-changes-api.service';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { refusalMessage } from '../../../shared/forms/form-submission';
import type { ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import { OneTimeCodeDialogComponent } from '../one-time-code-dialog/one-time-code-dialog.component';
import type { RejectDialogData } from '../reject-dialog/reject-dialog.component';
import { RejectDialogComponent } from '../reject-dialog/reject-dialog.component';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

/** What the signed-in person may do with a pending request (the domain rule the API applies). */
export type ApprovalChoice =
  | { kind: 'decide' }
  | { kind: 'withdraw' }
  | { kind: 'none'; why: AccountDecisionRefusal };

/**
 * Requests of the two-person rule, newest first: an admin sees every one, a supervisor their
 * centre's. Approving a new account or a password reset shows the one-time code once.
 */
@Component({
  selector: 'cn-approvals',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    TranslatePipe,
    VnDatePipe,
    ListFooterComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './approvals.component.html',
  styleUrl: './approvals.component.scss',
})
export class ApprovalsComponent {
  private readonly api = inject(AccountChangesApiService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);
  private readonly auth = inject(AuthService);

  protected readonly statuses = ACCOUNT_CHANGE_STATUSES;
  protected readonly status = new FormControl<AccountChangeStatus>('pending', {
    nonNullable: true,
  });

  protected readonly pager = keysetPager<AccountChangeView>(
    (after) => this.api.list({ status: this.status.value, after, limit: PAGE_SIZE_DEFAULT }),
    { reloadOn: this.status.valueChanges },
  );

  private readonly decider = computed(() => {
    const me = this.auth.me();
    return me ? { id: me.user.id, role: me.user.role, agencyId: me.agency.id } : null;
  });

  protected choice(change: AccountChangeView): ApprovalChoice {
    const decider = this.decider();
    if (!decider) return { kind: 'none', why: 'not_an_approver' };
    const facts = {
      status: change.status,
      requestedByUserId: change.requestedBy.id,
      targetUserId: change.target.id,
      targetAgencyId: change.grant.agencyId,
      targetRole: change.grant.role,
    };
    const approve = accountDecisionRefusal(decider, facts, 'approve');
    if (approve === null) return { kind: 'decide' };
    if (approve === 'own_request' && accountDecisionRefusal(decider, facts, 'reject') === null) {
      return { kind: 'withdraw' };
    }
    return { kind: 'none', why: approve };
  }

  protected approve(change: AccountChangeView): void {
    const data: ConfirmDialogData = {
      message: 'approvals.confirmApprove',
      params: {
        kind: this.translation.t(`approvals.kind.${change.kind}`),
        username: change.target.username,
      },
      confirm: 'approvals.approve',
    };
    this.dialogs
      .confirm(data)
      .pipe(switchMap(() => this.api.approve(change.id)))
      .subscribe({
        next: (decision: AccountChangeDecisionView) => {
          this.replace(decision.change);
          if (decision.oneTimeCode) this.showCode(decision.oneTimeCode);
          else this.snackBar.open(this.translation.t('approvals.approved'));
        },
        error: (error: unknown) => this.refused(error),
      });
  }

  protected reject(change: AccountChangeView, withdraw: boolean): void {
    this.dialogs
      .open<
        RejectDialogComponent,
        RejectDialogData,
        AccountChangeView
      >(RejectDialogComponent, { change, withdraw })
      .subscribe((decided) => {
        this.replace(decided);
        this.snackBar.open(this.translation.t('approvals.rejectedDone'));
      });
  }

  private showCode(code: OneTimeCodeView): void {
    // Closed only by its button: the code is gone once the dialog is.
    this.dialogs.open(OneTimeCodeDialogComponent, code, { width: 'medium', disableClose: true });
  }

  /** Someone decided first, or the rules refused: say so and show the list as it is now. */
  private refused(error: unknown): void {
    const message = refusalMessage(this.translation, error);
    if (message) this.snackBar.open(message);
    this.pager.reload();
  }

  private replace(updated: AccountChangeView): void {
    this.pager.replace((c) => c.id === updated.id, updated);
  }
}
