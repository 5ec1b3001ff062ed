import {
  ChangeDetectionStrategy,
  Component,
  Injectable,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { Workspace } from '../../workspaces/workspaces';
import { INBOX_ROOT } from '../data/referral-display';
import { InboxTableComponent } from '../inbox-table/inbox-table.component';

/** Which tab was open, so coming back from a referral lands on the same one. */
@Injectable({ providedIn: 'root' })
export class InboxState {
  readonly tab = signal(0);
}

/**
 * `/inbox`: referrals addressed to the user's agency. The open tab lists what needs an answer
 * first (nearest respond-by first), then what the agency is working on; the closed tab is history.
 */
@Component({
  selector: 'cn-inbox-list',
  imports: [RouterLink, MatButtonModule, MatTabsModule, TranslatePipe, InboxTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <header class="cn-page-header">
        <h1 data-testid="workspace-title">{{ workspace().title | t }}</h1>
        <a mat-stroked-button [routerLink]="recordsLink" data-testid="inbox-service-records-link">{{
          'referralInbox.serviceRecordsLink' | t
        }}</a>
      </header>
      <mat-tab-group
        [selectedIndex]="state.tab()"
        (selectedIndexChange)="state.tab.set($event)"
        animationDuration="0ms"
        [mat-stretch-tabs]="false"
      >
        <mat-tab>
          <ng-template mat-tab-label
            ><span data-testid="inbox-tab-open">{{
              'referralInbox.tab.open' | t
            }}</span></ng-template
          >
          <ng-template matTabContent>
            <section class="section" data-testid="inbox-action-needed">
              <h2>{{ 'referralInbox.section.actionNeeded' | t }}</h2>
              <p class="cn-hint">{{ 'referralInbox.section.actionNeededHint' | t }}</p>
              <cn-inbox-table view="action_needed" />
            </section>
            <section class="section" data-testid="inbox-in-progress">
              <h2>{{ 'referralInbox.section.inProgress' | t }}</h2>
              <cn-inbox-table view="in_progress" />
            </section>
          </ng-template>
        </mat-tab>
        <mat-tab>
          <ng-template mat-tab-label
            ><span data-testid="inbox-tab-closed">{{
              'referralInbox.tab.closed' | t
            }}</span></ng-template
          >
          <ng-template matTabContent>
            <section class="section" data-testid="inbox-closed">
              <p class="cn-hint">{{ 'referralInbox.section.closedHint' | t }}</p>
              <cn-inbox-table view="closed" />
            </section>
          </ng-template>
        </mat-tab>
      </mat-tab-group>
    </section>
  `,
  styles: `
    .section {
      margin-top: 16px;
    }
    h2 {
      margin-bottom: 0;
    }
  `,
})
export class InboxListComponent {
  /** From the route's data. */
  readonly workspace = input.required<Workspace>();

  protected readonly state = inject(InboxState);
  protected readonly recordsLink = `${INBOX_ROOT}/service-records`;
}
