import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { CaseDetailView, CaseListQuery, CaseSummaryView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { CaseStage, RiskLevel } from '@caunoi/shared/domain';
import { CASE_STAGES, RISK_LEVELS } from '@caunoi/shared/domain';
import { debounceTime } from 'rxjs';
import { AbilityService } from '../../../core/ability/ability.service';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import type { AssignDialogData } from '../assign-dialog/assign-dialog.component';
import { AssignDialogComponent } from '../assign-dialog/assign-dialog.component';
import { CasesApiService } from '../data/cases-api.service';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

type Scope = NonNullable<CaseListQuery['scope']>;

/** The case list: filters, survivor-code search, keyset paging; supervisors assign from here. */
@Component({
  selector: 'cn-cases-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
    VnDatePipe,
    ListFooterComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cases-list.component.html',
})
export class CasesListComponent {
  private readonly api = inject(CasesApiService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  private readonly ability = inject(AbilityService);

  /** Supervisors see the whole centre and assign; caseworkers see their own and the queue. */
  protected readonly supervisor = computed(() => this.ability.can('assign', 'Case'));

  protected readonly stages = CASE_STAGES;
  protected readonly risks = RISK_LEVELS;
  protected readonly columns = [
    'code',
    'stage',
    'risk',
    'source',
    'assigned',
    'flags',
    'openedAt',
    'actions',
  ];

  protected readonly filters = new FormGroup({
    scope: new FormControl<Scope>(this.supervisor() ? 'all' : 'mine', { nonNullable: true }),
    stage: new FormControl<CaseStage | ''>('', { nonNullable: true }),
    riskLevel: new FormControl<RiskLevel | ''>('', { nonNullable: true }),
    code: new FormControl('', { nonNullable: true }),
  });

  protected readonly pager = keysetPager<CaseSummaryView>(
    (after) => {
      const { scope, stage, riskLevel, code } = this.filters.getRawValue();
      return this.api.list({
        scope,
        stage: stage || undefined,
        riskLevel: riskLevel || undefined,
        code: code.trim().toUpperCase() || undefined,
        after,
        limit: PAGE_SIZE_DEFAULT,
      });
    },
    { reloadOn: this.filters.valueChanges.pipe(debounceTime(300)) },
  );

  protected assign(item: CaseSummaryView): void {
    this.dialogs
      .open<
        AssignDialogComponent,
        AssignDialogData,
        CaseDetailView
      >(AssignDialogComponent, { caseId: item.id, assignedUserId: item.assignedUserId })
      .subscribe((updated) => {
        this.pager.replace((row) => row.id === updated.id, updated);
        this.snackBar.open(this.translation.t('cases.assigned'));
      });
  }
}
