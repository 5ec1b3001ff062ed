import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { AgencyView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { AgencyType } from '@caunoi/shared/domain';
import { AGENCY_TYPES } from '@caunoi/shared/domain';
import { debounceTime, switchMap, tap } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import type { ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { AgenciesApiService } from '../../../shared/data/agencies-api.service';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import { communeNames, provincesNamingCommunes } from '../../directory/commune-names';
import { CoveragePipe } from '../../directory/coverage.pipe';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

/** The accepting-referrals filter: everyone, or only those taking referrals now, or not. */
type AcceptingFilter = '' | 'yes' | 'no';

/** Communes named in the coverage cell before "and N more". */
const COVERAGE_NAMES_SHOWN = 3;

@Component({
  selector: 'cn-agencies-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
    CoveragePipe,
    ListFooterComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agencies-list.component.html',
  styleUrl: './agencies-list.component.scss',
})
export class AgenciesListComponent {
  private readonly api = inject(AgenciesApiService);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  protected readonly types = AGENCY_TYPES;
  protected readonly columns = [
    'type',
    'name',
    'commune',
    'phone',
    'services',
    'coverage',
    'hours',
    'accepting',
    'active',
    'actions',
  ];
  /** Commune names by code, filled per province as rows arrive. */
  private readonly communes = communeNames();
  protected readonly communeNames = this.communes.names;
  protected readonly coverageShown = COVERAGE_NAMES_SHOWN;

  protected readonly filters = new FormGroup({
    type: new FormControl<AgencyType | ''>('', { nonNullable: true }),
    q: new FormControl('', { nonNullable: true }),
    includeInactive: new FormControl(true, { nonNullable: true }),
    accepting: new FormControl<AcceptingFilter>('', { nonNullable: true }),
  });

  protected readonly pager = keysetPager<AgencyView>(
    (after) => {
      const { type, q, includeInactive, accepting } = this.filters.getRawValue();
      return this.api
        .list({
          type: type || undefined,
          q: q.trim() || undefined,
          includeInactive: includeInactive || undefined,
          acceptingReferrals: accepting === '' ? undefined : accepting === 'yes',
          after,
          limit: PAGE_SIZE_DEFAULT,
        })
        .pipe(tap((page) => this.communes.load(provincesNamingCommunes(page.items))));
    },
    { reloadOn: this.filters.valueChanges.pipe(debounceTime(300)) },
  );

  protected toggleActive(agency: AgencyView): void {
    const data: ConfirmDialogData = agency.active
      ? {
          message: 'agencies.confirmDisable',
          params: { name: agency.name },
          confirm: 'agencies.disable',
        }
      : {
          message: 'agencies.confirmEnable',
          params: { name: agency.name },
          confirm: 'agencies.enable',
        };
    this.dialogs
      .confirm(data)
      .pipe(switchMap(() => this.api.update(agency.id, { active: !agency.active })))
      .subscribe((updated) => {
        this.pager.replace((a) => a.id === updated.id, updated);
        this.snackBar.open(this.translation.t('common.saved'));
      });
  }
}
