import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { CaseTimelineEntry } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { CasesApiService } from '../data/cases-api.service';

/**
 * The case's own steps, newest first (who did what, when; never contents): stage changes,
 * assessments, plan versions, follow-ups, referrals, reports, notes, closure. Labels are the
 * access log's, so every step reads the same in both places.
 */
@Component({
  selector: 'cn-case-timeline',
  imports: [MatButtonModule, TranslatePipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3>{{ 'caseTimeline.title' | t }}</h3>
    <p class="cn-hint">{{ 'caseTimeline.hint' | t }}</p>
    <ol class="timeline" data-testid="case-timeline">
      @for (entry of entries(); track entry.id) {
        <li data-testid="case-timeline-entry" [attr.data-action]="entry.action">
          <time>{{ entry.occurredAt | vnDate }}</time>
          <div>
            <strong>{{ 'auditAction.' + entry.action | t }}</strong>
            · {{ entry.actorName ?? ('timeline.system' | t) }}
          </div>
        </li>
      } @empty {
        @if (!loading()) {
          <li>{{ 'timeline.empty' | t }}</li>
        }
      }
    </ol>
    @if (nextCursor()) {
      <button mat-button type="button" (click)="more()" data-testid="case-timeline-more">
        {{ 'caseTimeline.more' | t }}
      </button>
    }
  `,
  styles: `
    .timeline {
      list-style: none;
      padding: 0;
      margin: 0 0 24px;
    }
    li {
      display: grid;
      grid-template-columns: minmax(120px, 160px) 1fr;
      gap: 4px 16px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant, #ddd);
    }
    time {
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 599px) {
      li {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class CaseTimelineComponent {
  private readonly api = inject(CasesApiService);

  readonly caseId = input.required<string>();

  protected readonly entries = signal<CaseTimelineEntry[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);

  constructor() {
    effect((onCleanup) => {
      this.loading.set(true);
      const subscription = this.api.timeline(this.caseId()).subscribe({
        next: (page) => {
          this.entries.set(page.items);
          this.nextCursor.set(page.nextCursor);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected more(): void {
    const after = this.nextCursor();
    if (!after) return;
    this.api.timeline(this.caseId(), after).subscribe((page) => {
      this.entries.update((list) => [...list, ...page.items]);
      this.nextCursor.set(page.nextCursor);
    });
  }
}
