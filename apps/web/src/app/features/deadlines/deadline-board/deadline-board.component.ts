import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import type { DeadlineBoardQuery, DeadlineView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { DeadlinesApiService } from '../../../shared/data/deadlines-api.service';
import { injectNow } from '../../../shared/deadlines/deadline-display';
import { DueDatePipe, TimeLeftPipe } from '../../../shared/deadlines/deadline.pipes';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import { injectCaseLink } from '../case-link';

type Bucket = NonNullable<DeadlineBoardQuery['bucket']>;

const BUCKETS: readonly Bucket[] = ['overdue', 'today', 'week', 'open'];

/** `/deadlines`: overdue, due today, due this week, all open, soonest first. */
@Component({
  selector: 'cn-deadline-board',
  imports: [
    RouterLink,
    MatTableModule,
    MatTabsModule,
    TranslatePipe,
    DueDatePipe,
    TimeLeftPipe,
    ListFooterComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <header class="cn-page-header">
        <h1 data-testid="deadlines-title">{{ 'deadlines.title' | t }}</h1>
      </header>
      <mat-tab-group
        [selectedIndex]="buckets.indexOf(bucket())"
        (selectedIndexChange)="selectTab($event)"
        animationDuration="0ms"
        [mat-stretch-tabs]="false"
      >
        @for (b of buckets; track b) {
          <mat-tab>
            <ng-template mat-tab-label
              ><span [attr.data-testid]="'deadlines-tab-' + b">{{
                'deadlines.tab.' + b | t
              }}</span></ng-template
            >
          </mat-tab>
        }
      </mat-tab-group>

      <div class="cn-table-wrap">
        <table mat-table [dataSource]="pager.items()" data-testid="deadlines-table">
          <ng-container matColumnDef="code">
            <th mat-header-cell *matHeaderCellDef>{{ 'field.survivorCode' | t }}</th>
            <td mat-cell *matCellDef="let row">
              @if (caseLink()(row.caseId); as link) {
                <a [routerLink]="link" data-testid="deadline-case-link">{{ row.survivorCode }}</a>
              } @else {
                {{ row.survivorCode ?? ('common.none' | t) }}
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="kind">
            <th mat-header-cell *matHeaderCellDef>{{ 'deadline.kind' | t }}</th>
            <td mat-cell *matCellDef="let row" data-testid="deadline-kind">
              {{ 'deadlineKind.' + row.kind | t }}
            </td>
          </ng-container>
          <ng-container matColumnDef="due">
            <th mat-header-cell *matHeaderCellDef>{{ 'deadline.due' | t }}</th>
            <td mat-cell *matCellDef="let row" data-testid="deadline-due">
              {{ row.dueAt | vnDue }}
            </td>
          </ng-container>
          <ng-container matColumnDef="left">
            <th mat-header-cell *matHeaderCellDef>{{ 'deadline.timeLeft' | t }}</th>
            <td mat-cell *matCellDef="let row" data-testid="deadline-left">
              {{ row.dueAt | timeLeft: now() }}
            </td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>{{ 'deadline.status' | t }}</th>
            <td mat-cell *matCellDef="let row">
              <span
                class="cn-badge"
                [class.danger]="row.status === 'breached'"
                data-testid="deadline-status"
                >{{ 'deadlineStatus.' + row.status | t }}</span
              >
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns" data-testid="deadline-row"></tr>
        </table>
      </div>
      <cn-list-footer [pager]="pager" emptyKey="deadlines.empty" testIdPrefix="deadlines" />
    </section>
  `,
})
export class DeadlineBoardComponent {
  private readonly api = inject(DeadlinesApiService);

  protected readonly buckets = BUCKETS;
  protected readonly columns = ['code', 'kind', 'due', 'left', 'status'];
  protected readonly bucket = signal<Bucket>('overdue');
  protected readonly now = injectNow();
  protected readonly caseLink = injectCaseLink();

  protected readonly pager = keysetPager<DeadlineView>(
    (after) => this.api.board({ bucket: this.bucket(), after, limit: PAGE_SIZE_DEFAULT }),
    { reloadOn: toObservable(this.bucket), immediate: false },
  );

  protected selectTab(index: number): void {
    this.bucket.set(BUCKETS[index] ?? 'open');
  }
}
