import {
  ChangeDetectionStrategy,
  Component,
  Injectable,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import type { MeasurePacketView, ProtectionInboxView } from '@caunoi/shared/contracts';
import { PROTECTION_INBOX_VIEWS } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { TimeLeftPipe } from '../../../shared/deadlines/deadline.pipes';
import { injectNow } from '../../../shared/deadlines/deadline-display';
import type { Workspace } from '../../workspaces/workspaces';
import { ProtectionApiService } from '../data/protection-api.service';

/** Which tab was open, so coming back from a measure lands on the same one. */
@Injectable({ providedIn: 'root' })
export class ProtectionInboxState {
  readonly tab = signal(0);
}

/**
 * `/protection`: the commune committee's requests to decide (each with its 12-hour countdown) and
 * the orders in force in the area; the commune police's orders in force with their supervision plans.
 * Packets only: a code, a commune, never the case.
 */
@Component({
  selector: 'cn-protection-inbox',
  imports: [RouterLink, MatTabsModule, TranslatePipe, VnDatePipe, TimeLeftPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <header class="cn-page-header">
        <h1 data-testid="workspace-title">{{ workspace().title | t }}</h1>
      </header>
      <mat-tab-group
        [selectedIndex]="state.tab()"
        (selectedIndexChange)="state.tab.set($event)"
        animationDuration="0ms"
        [mat-stretch-tabs]="false"
      >
        @for (view of views; track view) {
          <mat-tab>
            <ng-template mat-tab-label
              ><span [attr.data-testid]="'protection-tab-' + view">{{
                'protectionInbox.tab.' + view | t
              }}</span></ng-template
            >
          </mat-tab>
        }
      </mat-tab-group>
      <ul class="cn-card-list" data-testid="protection-inbox-list">
        @for (p of items(); track p.id) {
          <li data-testid="protection-inbox-row" [attr.data-status]="p.status">
            <a [routerLink]="['measures', p.id]" data-testid="protection-inbox-open">
              <strong>{{ p.code }}</strong> · {{ 'measureType.' + p.type | t }}
            </a>
            <span class="cn-badge" [class.danger]="p.status === 'breached'">{{
              'measureStatus.' + p.status | t
            }}</span>
            <div class="meta">
              {{ p.communeName }} · {{ p.requestingAgencyName }} ·
              {{ 'protectionInbox.requestedAt' | t }} {{ p.requestedAt | vnDate }}
            </div>
            @if (p.status === 'requested' && p.decideBy) {
              <div class="countdown" data-testid="protection-inbox-countdown">
                {{ 'protection.decideBy' | t }}: {{ p.decideBy | vnDate }} ({{
                  p.decideBy | timeLeft: now()
                }})
              </div>
            }
            @if (p.endsAt && p.status !== 'requested') {
              <div>{{ 'protection.endsIn' | t }}: {{ p.endsAt | vnDate }}</div>
            }
            @if (p.supervisionPlanDueAt && !p.supervisionPlanAt && p.status !== 'requested') {
              <div class="countdown" data-testid="protection-inbox-supervision-due">
                {{ 'protection.supervisionDue' | t }}:
                {{ p.supervisionPlanDueAt | timeLeft: now() }}
              </div>
            }
          </li>
        } @empty {
          <li class="cn-hint">{{ 'protectionInbox.empty' | t }}</li>
        }
      </ul>
    </section>
  `,
  styles: `
    .meta {
      color: var(--cn-muted, #555);
      font-size: 0.9rem;
    }
    .countdown {
      font-weight: 600;
    }
    li a {
      margin-right: 0.5rem;
    }
  `,
})
export class ProtectionInboxComponent {
  private readonly api = inject(ProtectionApiService);
  protected readonly state = inject(ProtectionInboxState);

  readonly workspace = input.required<Workspace>();

  protected readonly views = PROTECTION_INBOX_VIEWS;
  protected readonly now = injectNow();
  protected readonly items = signal<MeasurePacketView[]>([]);

  constructor() {
    effect((onCleanup) => {
      const view: ProtectionInboxView = this.views[this.state.tab()] ?? 'requests';
      const subscription = this.api.inbox(view).subscribe((page) => this.items.set(page.items));
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
