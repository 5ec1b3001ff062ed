import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { DeadlineView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_MAX } from '@caunoi/shared/contracts';
import { addDaysToDate, startOfVietnamDay, vietnamDateOf } from '@caunoi/shared/domain';
import { map } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { DeadlinesApiService } from '../../../shared/data/deadlines-api.service';
import { injectNow } from '../../../shared/deadlines/deadline-display';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface DeadlineCounts {
  overdue: number;
  today: number;
  week: number;
  open: number;
}

/** The board's buckets counted on the open clocks, with the API's meaning of each bucket. */
export function countBuckets(deadlines: readonly DeadlineView[], now: Date): DeadlineCounts {
  const endOfToday = startOfVietnamDay(addDaysToDate(vietnamDateOf(now), 1)).getTime();
  const weekEnd = now.getTime() + WEEK_MS;
  const due = deadlines.map((d) => new Date(d.dueAt).getTime());
  return {
    overdue: due.filter((t) => t <= now.getTime()).length,
    today: due.filter((t) => t < endOfToday).length,
    week: due.filter((t) => t < weekEnd).length,
    open: due.length,
  };
}

/** A card on the caseworker's and the supervisor's workspace: how many clocks need attention. */
@Component({
  selector: 'cn-deadline-summary',
  imports: [RouterLink, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" data-testid="deadline-summary">
      <h2>{{ 'deadlines.summary' | t }}</h2>
      @if (counts(); as c) {
        <ul>
          <li [class.alert]="c.overdue > 0">
            <strong data-testid="deadline-summary-overdue">{{ c.overdue }}</strong>
            {{ 'deadlines.summary.overdue' | t }}
          </li>
          <li>
            <strong data-testid="deadline-summary-today">{{ c.today }}</strong>
            {{ 'deadlines.summary.today' | t }}
          </li>
          <li>
            <strong data-testid="deadline-summary-week">{{ c.week }}</strong>
            {{ 'deadlines.summary.week' | t }}
          </li>
          <li>
            <strong data-testid="deadline-summary-open">{{ c.open }}</strong>
            {{ 'deadlines.summary.open' | t }}
          </li>
        </ul>
      } @else {
        <p>{{ 'common.loading' | t }}</p>
      }
      <a mat-button routerLink="/deadlines" data-testid="deadline-summary-link">{{
        'deadlines.openBoard' | t
      }}</a>
    </section>
  `,
  styles: `
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 16px;
      margin-bottom: 16px;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 24px;
    }
    h2 {
      font-size: 1rem;
      margin: 0;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 20px;
      list-style: none;
      margin: 0;
      padding: 0;
      flex: 1;
    }
    strong {
      font-size: 1.2rem;
    }
    .alert {
      color: var(--mat-sys-error);
    }
  `,
})
export class DeadlineSummaryComponent {
  private readonly now = injectNow();
  private readonly open = toSignal(
    inject(DeadlinesApiService)
      .board({ bucket: 'open', limit: PAGE_SIZE_MAX })
      .pipe(map((page) => page.items)),
  );

  protected readonly counts = computed(() => {
    const open = this.open();
    return open ? countBuckets(open, this.now()) : null;
  });
}
