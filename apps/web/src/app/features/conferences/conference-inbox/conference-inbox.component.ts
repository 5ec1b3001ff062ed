import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ConferenceActionView, ConferenceView } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { ConferencesApiService } from '../../../shared/data/conferences-api.service';
import { injectConferenceOwnerAgency } from '../conference-owner';
import { ConferenceActionListComponent } from '../conference-action-list/conference-action-list.component';

/**
 * The invited agency's inbox: each conference it is invited to (code, date, convening centre) with
 * the actions it owns, which it closes here. Never the case.
 */
@Component({
  selector: 'cn-conference-inbox',
  imports: [RouterLink, TranslatePipe, VnDatePipe, ConferenceActionListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <header class="cn-page-header">
        <h1>{{ 'conference.inboxTitle' | t }}</h1>
      </header>
      <p class="cn-hint">{{ 'conference.inboxIntro' | t }}</p>
      @if (failed()) {
        <p class="cn-error" role="alert">{{ 'conference.loadFailed' | t }}</p>
      }
      <ul class="cn-card-list" data-testid="conference-inbox">
        @for (c of conferences(); track c.id) {
          <li data-testid="conference-invitation">
            <div class="head">
              <h2 class="code">
                <a [routerLink]="['/conferences', c.id]" data-testid="conference-link">{{
                  c.code
                }}</a>
              </h2>
              <span class="cn-badge">{{ 'conference.status.' + c.status | t }}</span>
            </div>
            <div>{{ 'conference.when' | t }}: {{ c.scheduledAt | vnDate }}</div>
            <div class="cn-hint">
              {{ 'conference.convenedBy' | t: { agency: c.convenerAgencyName } }}
            </div>
            <h3>{{ 'conference.myActions' | t }}</h3>
            <cn-conference-action-list
              [actions]="c.actions"
              [ownerAgencyId]="ownerAgencyId()"
              (changed)="replace($event)"
            />
          </li>
        } @empty {
          @if (!loading()) {
            <li class="cn-hint" data-testid="conference-inbox-empty">
              {{ 'conference.inboxEmpty' | t }}
            </li>
          }
        }
      </ul>
    </section>
  `,
  styles: `
    .code {
      margin: 0;
      font-size: 1rem;
    }
    .head {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    h3 {
      margin: 12px 0 4px;
      font-size: 1rem;
    }
  `,
})
export class ConferenceInboxComponent {
  private readonly api = inject(ConferencesApiService);

  protected readonly conferences = signal<ConferenceView[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly ownerAgencyId = injectConferenceOwnerAgency();

  constructor() {
    this.api.inbox().subscribe({
      next: (list) => {
        this.conferences.set(list);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }

  protected replace(updated: ConferenceActionView): void {
    this.conferences.update((list) =>
      list.map((c) => ({
        ...c,
        actions: c.actions.map((a) => (a.id === updated.id ? updated : a)),
      })),
    );
  }
}
