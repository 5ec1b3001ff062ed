import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ConferenceView } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { ConferencesApiService } from '../../../shared/data/conferences-api.service';
import { ConferenceActionListComponent } from '../conference-action-list/conference-action-list.component';

/**
 * On the case plan tab, beside the plan's own actions: the actions agreed at the case's conferences,
 * read-only (their owner agencies update them from their inbox). Nothing shows for a case without one.
 */
@Component({
  selector: 'cn-case-conference-actions',
  imports: [RouterLink, TranslatePipe, VnDatePipe, ConferenceActionListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (conferences().length > 0) {
      <section data-testid="case-conference-actions">
        <h2>{{ 'conference.caseConferences' | t }}</h2>
        <p class="cn-hint">{{ 'conference.caseConferencesHint' | t }}</p>
        @for (c of conferences(); track c.id) {
          <h3>
            <a [routerLink]="['/conferences', c.id]" data-testid="case-conference-link">{{
              c.code
            }}</a>
            · {{ c.scheduledAt | vnDate }}
          </h3>
          <cn-conference-action-list [actions]="c.actions" />
        }
      </section>
    }
  `,
  styles: `
    section {
      margin-top: 24px;
    }
    h3 {
      font-size: 1rem;
      margin: 12px 0 4px;
    }
  `,
})
export class CaseConferenceActionsComponent {
  private readonly api = inject(ConferencesApiService);

  readonly caseId = input.required<string>();
  protected readonly conferences = signal<ConferenceView[]>([]);

  constructor() {
    effect((onCleanup) => {
      const subscription = this.api.listForCase(this.caseId()).subscribe({
        next: (list) => this.conferences.set(list),
        error: () => this.conferences.set([]),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
