import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { AccessLogEntryView } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import { CasesApiService } from '../data/cases-api.service';
import { auditActionLabel, auditFieldsLabel } from './access-log-labels';

/** "Who saw this file": every read and write of the case, for the supervisor. */
@Component({
  selector: 'cn-access-log',
  imports: [MatTableModule, TranslatePipe, VnDatePipe, ListFooterComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="cn-hint">{{ 'accessLog.hint' | t }}</p>
    <div class="cn-table-wrap">
      <table mat-table [dataSource]="log.items()" data-testid="access-log-table">
        <ng-container matColumnDef="occurredAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'accessLog.when' | t }}</th>
          <td mat-cell *matCellDef="let entry">{{ entry.occurredAt | vnDate }}</td>
        </ng-container>
        <ng-container matColumnDef="actor">
          <th mat-header-cell *matHeaderCellDef>{{ 'accessLog.who' | t }}</th>
          <td mat-cell *matCellDef="let entry" data-testid="access-log-actor">
            {{ entry.actorName ?? ('accessLog.system' | t) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="role">
          <th mat-header-cell *matHeaderCellDef>{{ 'field.role' | t }}</th>
          <td mat-cell *matCellDef="let entry">
            {{ entry.actorRole ? ('role.' + entry.actorRole | t) : '' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="action">
          <th mat-header-cell *matHeaderCellDef>{{ 'accessLog.action' | t }}</th>
          <td mat-cell *matCellDef="let entry" data-testid="access-log-action">
            {{ actionLabel(entry.action) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="fields">
          <th mat-header-cell *matHeaderCellDef>{{ 'accessLog.fields' | t }}</th>
          <td mat-cell *matCellDef="let entry">{{ fieldsLabel(entry.fields, entry.action) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let entry; columns: columns" data-testid="access-log-row"></tr>
      </table>
    </div>
    <cn-list-footer [pager]="log" emptyKey="accessLog.empty" testIdPrefix="access-log" />
  `,
})
export class AccessLogComponent {
  private readonly api = inject(CasesApiService);
  private readonly translation = inject(TranslationService);

  readonly caseId = input.required<string>();

  protected readonly columns = ['occurredAt', 'actor', 'role', 'action', 'fields'];
  protected readonly log = keysetPager<AccessLogEntryView>(
    (after) => this.api.accessLog(this.caseId(), after),
    { immediate: false },
  );

  constructor() {
    effect(() => {
      this.caseId();
      untracked(() => this.log.reload());
    });
  }

  protected fieldsLabel(fields: string[], action: string): string {
    return auditFieldsLabel(this.translation, fields, action);
  }

  protected actionLabel(action: string): string {
    return auditActionLabel(this.translation, action);
  }
}
