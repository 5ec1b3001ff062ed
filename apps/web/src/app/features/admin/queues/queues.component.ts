import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { QueueOverview } from '@caunoi/shared/contracts';
import { EMPTY, catchError, switchMap } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';
import { TranslatePipe } from '../../../core/i18n/t.pipe';

/** `/admin/queues`: jobs per queue and the latest failures (names and reasons, never job data). */
@Component({
  selector: 'cn-queues',
  imports: [MatButtonModule, MatTableModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <header class="cn-page-header">
        <h1 data-testid="queues-title">{{ 'queues.title' | t }}</h1>
        <button mat-stroked-button type="button" (click)="tick.set(tick() + 1)">
          {{ 'queues.refresh' | t }}
        </button>
      </header>
      @if (overview(); as o) {
        <p
          class="cn-notice"
          [class.cn-error]="o.overdueUnfiredStages > 0"
          data-testid="queues-overdue"
        >
          {{ 'queues.overdueUnfired' | t: { count: o.overdueUnfiredStages } }}
        </p>
        <div class="cn-table-wrap">
          <table mat-table [dataSource]="rows()" data-testid="queues-table">
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef>{{ 'queues.queue' | t }}</th>
              <td mat-cell *matCellDef="let row">{{ row.name }}</td>
            </ng-container>
            @for (column of counts; track column) {
              <ng-container [matColumnDef]="column">
                <th mat-header-cell *matHeaderCellDef>{{ 'queues.' + column | t }}</th>
                <td mat-cell *matCellDef="let row">{{ row[column] }}</td>
              </ng-container>
            }
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns" data-testid="queue-row"></tr>
          </table>
        </div>
        <h2>{{ 'queues.failedJobs' | t }}</h2>
        @if (o.failedJobs.length === 0) {
          <p>{{ 'queues.noFailed' | t }}</p>
        } @else {
          <ul class="cn-card-list">
            @for (job of o.failedJobs; track job.queue + job.id) {
              <li>
                <strong>{{ job.queue }} · {{ job.name }}</strong> ({{ 'queues.attempts' | t }}:
                {{ job.attemptsMade }})
                <div>{{ 'queues.reason' | t }}: {{ job.failedReason }}</div>
              </li>
            }
          </ul>
        }
      } @else {
        <p>{{ 'common.loading' | t }}</p>
      }
    </section>
  `,
})
export class QueuesComponent {
  private readonly http = inject(HttpClient);

  protected readonly counts = ['waiting', 'delayed', 'active', 'failed'] as const;
  protected readonly columns = ['name', ...this.counts];
  protected readonly tick = signal(0);
  protected readonly overview = toSignal(
    toObservable(this.tick).pipe(
      switchMap(() =>
        this.http.get<QueueOverview>(apiUrl('admin', 'queues')).pipe(catchError(() => EMPTY)),
      ),
    ),
  );
  protected readonly rows = computed(() =>
    Object.entries(this.overview()?.queues ?? {}).map(([name, counts]) => ({ name, ...counts })),
  );
}
