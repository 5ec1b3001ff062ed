import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import type { InboxReferralView, InboxView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import { timeLeft } from '@caunoi/shared/domain';
import { TranslateListPipe } from '../../../core/i18n/t-list.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { TranslationKey } from '../../../core/i18n/vi';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { injectNow } from '../../../shared/deadlines/deadline-display';
import { TimeLeftPipe } from '../../../shared/deadlines/deadline.pipes';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import { InboxApiService } from '../data/inbox-api.service';
import { referralLink } from '../data/referral-display';
import { UrgencyChipComponent } from '../urgency-chip/urgency-chip.component';

/** What each view shows: waiting referrals count down to their respond-by time. */
const COLUMNS: Readonly<Record<InboxView, readonly string[]>> = {
  action_needed: ['code', 'urgency', 'from', 'services', 'packet', 'left'],
  in_progress: ['code', 'urgency', 'from', 'services', 'status', 'sentAt'],
  closed: ['code', 'from', 'services', 'status', 'sentAt'],
};

const EMPTY: Readonly<Record<InboxView, TranslationKey>> = {
  action_needed: 'referralInbox.empty.actionNeeded',
  in_progress: 'referralInbox.empty.inProgress',
  closed: 'referralInbox.empty.closed',
};

/**
 * One view of the inbox, in the order the API gives it (waiting referrals: the nearest respond-by
 * first), paged with "load more". Rows carry codes and category names only: no case content.
 */
@Component({
  selector: 'cn-inbox-table',
  imports: [
    RouterLink,
    MatTableModule,
    TranslatePipe,
    TranslateListPipe,
    VnDatePipe,
    TimeLeftPipe,
    ListFooterComponent,
    UrgencyChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cn-table-wrap" data-testid="inbox-table-wrap">
      <table
        mat-table
        class="cn-card-table"
        [dataSource]="pager.items()"
        [attr.data-testid]="'inbox-table-' + view()"
      >
        <ng-container matColumnDef="code">
          <th mat-header-cell *matHeaderCellDef>{{ 'referralInbox.col.code' | t }}</th>
          <td mat-cell *matCellDef="let row" [attr.data-label]="'referralInbox.col.code' | t">
            <a [routerLink]="link(row.id)" data-testid="inbox-row-code">{{ row.code }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="urgency">
          <th mat-header-cell *matHeaderCellDef>{{ 'referralInbox.col.urgency' | t }}</th>
          <td mat-cell *matCellDef="let row" [attr.data-label]="'referralInbox.col.urgency' | t">
            <cn-urgency-chip [urgency]="row.urgency" />
          </td>
        </ng-container>
        <ng-container matColumnDef="from">
          <th mat-header-cell *matHeaderCellDef>{{ 'referralInbox.col.from' | t }}</th>
          <td
            mat-cell
            *matCellDef="let row"
            [attr.data-label]="'referralInbox.col.from' | t"
            data-testid="inbox-row-from"
          >
            {{ row.fromAgency.name }}
          </td>
        </ng-container>
        <ng-container matColumnDef="services">
          <th mat-header-cell *matHeaderCellDef>{{ 'referralInbox.col.services' | t }}</th>
          <td
            mat-cell
            *matCellDef="let row"
            [attr.data-label]="'referralInbox.col.services' | t"
            data-testid="inbox-row-services"
          >
            {{ row.services | tList: 'service' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="packet">
          <th mat-header-cell *matHeaderCellDef>{{ 'referralInbox.col.packet' | t }}</th>
          <td
            mat-cell
            *matCellDef="let row"
            [attr.data-label]="'referralInbox.col.packet' | t"
            data-testid="inbox-row-packet"
          >
            {{ row.packet | tList: 'dataCategory' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="left">
          <th mat-header-cell *matHeaderCellDef>{{ 'referralInbox.col.left' | t }}</th>
          <td mat-cell *matCellDef="let row" [attr.data-label]="'referralInbox.col.left' | t">
            <span
              class="left"
              [class.overdue]="overdue(row)"
              [attr.data-overdue]="overdue(row)"
              [attr.title]="row.respondBy | vnDate"
              data-testid="inbox-row-left"
              >{{ row.respondBy | timeLeft: now() }}</span
            >
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'referralInbox.col.status' | t }}</th>
          <td
            mat-cell
            *matCellDef="let row"
            [attr.data-label]="'referralInbox.col.status' | t"
            data-testid="inbox-row-status"
          >
            {{ 'referralStatus.' + row.status | t }}
          </td>
        </ng-container>
        <ng-container matColumnDef="sentAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'referralInbox.col.sentAt' | t }}</th>
          <td mat-cell *matCellDef="let row" [attr.data-label]="'referralInbox.col.sentAt' | t">
            {{ row.sentAt | vnDate }}
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr
          mat-row
          *matRowDef="let row; columns: columns()"
          [class.emergency]="row.urgency === 'emergency'"
          [attr.data-code]="row.code"
          (click)="open(row)"
          data-testid="inbox-row"
        ></tr>
      </table>
    </div>
    <cn-list-footer [pager]="pager" [emptyKey]="emptyKey()" [testIdPrefix]="'inbox-' + view()" />
  `,
  styles: `
    tr[mat-row] {
      cursor: pointer;
    }
    /* A referral code is read out on the phone: keep it on one line. */
    [data-testid='inbox-row-code'] {
      white-space: nowrap;
    }
    tr.emergency {
      box-shadow: inset 4px 0 0 var(--mat-sys-error);
    }
    .left {
      display: inline-block;
      white-space: nowrap;
    }
    .left::first-letter {
      text-transform: uppercase;
    }
    .left.overdue {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
  `,
})
export class InboxTableComponent {
  private readonly api = inject(InboxApiService);
  private readonly router = inject(Router);

  readonly view = input.required<InboxView>();

  protected readonly now = injectNow();
  protected readonly columns = computed(() => COLUMNS[this.view()]);
  protected readonly emptyKey = computed(() => EMPTY[this.view()]);
  protected readonly link = referralLink;
  protected readonly pager = keysetPager<InboxReferralView>(
    (after) => this.api.list({ view: this.view(), after, limit: PAGE_SIZE_DEFAULT }),
    { reloadOn: toObservable(this.view), immediate: false },
  );

  /** Overdue by the clock on screen, or by the server if the clocks disagree. */
  protected overdue(row: InboxReferralView): boolean {
    return row.responseOverdue || timeLeft(this.now(), new Date(row.respondBy)).overdue;
  }

  protected open(row: InboxReferralView): void {
    void this.router.navigate(referralLink(row.id));
  }
}
