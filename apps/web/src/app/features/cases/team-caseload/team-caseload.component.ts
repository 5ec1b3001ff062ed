import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { CaseloadRow } from '@caunoi/shared/contracts';
import { catchError, of } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { TeamApiService } from '../data/team-api.service';

type Count = 'openCases' | 'highRiskCases' | 'overdueClocks' | 'plansWaiting' | 'closuresWaiting';

/**
 * The supervisor's team: per caseworker of the centre, their open cases, those at high risk,
 * overdue clocks, and plans and closures waiting for the supervisor. A card per person, so it reads
 * the same on a phone as on a desk.
 */
@Component({
  selector: 'cn-team-caseload',
  imports: [TranslatePipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (view(); as v) {
      <p class="cn-hint" data-testid="team-as-of">
        {{ 'team.asOf' | t: { at: (v.asOf | vnDate) } }}
      </p>
      <ul class="cn-card-list people" data-testid="team-caseload">
        @for (row of v.rows; track row.userId ?? 'unassigned') {
          <li data-testid="team-row" [attr.data-user]="row.userId ?? 'unassigned'">
            <strong data-testid="team-name">{{
              row.displayName ?? ('team.unassigned' | t)
            }}</strong>
            <dl>
              @for (count of counts; track count) {
                <div
                  class="count"
                  [class.attention]="row[count] > 0 && count !== 'openCases'"
                  [attr.data-testid]="'team-' + count"
                >
                  <dt>{{ 'team.' + count | t }}</dt>
                  <dd>{{ row[count] }}</dd>
                </div>
              }
            </dl>
          </li>
        } @empty {
          <li>{{ 'team.none' | t }}</li>
        }
      </ul>
      <p class="cn-hint">
        {{ 'team.totals' | t: { open: total('openCases'), waiting: waiting() } }}
      </p>
    } @else if (failed()) {
      <p class="cn-error" role="alert">{{ 'team.failed' | t }}</p>
    }
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
      gap: 8px;
      margin: 8px 0 0;
    }
    .count {
      display: flex;
      flex-direction: column;
    }
    dt {
      font-size: 0.85rem;
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font-size: 1.25rem;
      font-weight: 500;
    }
    .attention dd {
      color: var(--cn-danger, #b3261e);
    }
  `,
})
export class TeamCaseloadComponent {
  private readonly api = inject(TeamApiService);

  protected readonly counts: readonly Count[] = [
    'openCases',
    'highRiskCases',
    'overdueClocks',
    'plansWaiting',
    'closuresWaiting',
  ];
  private readonly result = toSignal(
    this.api.caseload().pipe(catchError(() => of('failed' as const))),
  );
  protected readonly view = computed(() => {
    const r = this.result();
    return r && r !== 'failed' ? r : null;
  });
  protected readonly failed = computed(() => this.result() === 'failed');
  protected readonly waiting = computed(
    () => this.total('plansWaiting') + this.total('closuresWaiting'),
  );

  protected total(count: Count): number {
    return (this.view()?.rows ?? []).reduce((sum: number, row: CaseloadRow) => sum + row[count], 0);
  }
}
