import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { CaseReferralView, ReferralEventView } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { eventReasonText } from '../../../shared/referrals/referral-labels';
import { mergeTimeline } from './referral-timeline';

/** "Dòng thời gian": every referral event of the case, newest first. */
@Component({
  selector: 'cn-referral-timeline',
  imports: [TranslatePipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="cn-hint">{{ 'timeline.hint' | t }}</p>
    <ol class="timeline" data-testid="timeline">
      @for (entry of entries(); track entry.id) {
        <li data-testid="timeline-entry" [attr.data-event]="entry.event">
          <time data-testid="timeline-at">{{ entry.at | vnDate }}</time>
          <div>
            <strong data-testid="timeline-event">{{ 'referralEvent.' + entry.event | t }}</strong>
            — <span data-testid="timeline-agency">{{ entry.agency.name }}</span>
            <!-- The blank between two tags is dropped: the space lives in the code's span. -->
            <span class="cn-hint"> ({{ entry.referralCode }})</span>
          </div>
          <div data-testid="timeline-actor">
            {{ entry.actorName ?? ('timeline.system' | t) }}
            @if (entry.actorAgencyName) {
              · {{ entry.actorAgencyName }}
            }
          </div>
          @if (entry.reason) {
            <div data-testid="timeline-reason">{{ reason(entry) }}</div>
          }
          @if (entry.note) {
            <div class="note" data-testid="timeline-note">{{ entry.note }}</div>
          }
        </li>
      } @empty {
        <li data-testid="timeline-empty">{{ 'timeline.empty' | t }}</li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0 0 0 12px;
      border-left: 2px solid var(--mat-sys-outline-variant);
    }
    li {
      padding: 8px 0 8px 12px;
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    time {
      font-size: 0.85rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .note {
      white-space: pre-line;
    }
  `,
})
export class ReferralTimelineComponent {
  private readonly translation = inject(TranslationService);

  readonly referrals = input.required<readonly CaseReferralView[]>();

  protected readonly entries = computed(() => mergeTimeline(this.referrals()));

  protected reason(entry: ReferralEventView): string | null {
    return eventReasonText(this.translation, entry);
  }
}
