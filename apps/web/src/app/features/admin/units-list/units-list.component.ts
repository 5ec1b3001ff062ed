import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { AdministrativeUnitView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { AdministrativeUnitLevel, AdministrativeUnitStatus } from '@caunoi/shared/domain';
import { debounceTime } from 'rxjs';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { AdministrativeUnitsApiService } from '../../../shared/data/administrative-units-api.service';
import { AdministrativeUnitsService } from '../../../shared/data/administrative-units.service';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { formatCalendarDate } from '../../../shared/deadlines/deadline-display';
import { UnitNamePipe } from '../../../shared/data/unit-name.pipe';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';

/**
 * `/admin/units`: the provinces and communes, by province, name and status, keyset-paged. Each row
 * opens the unit with its history and the rename / retire / merge actions.
 */
@Component({
  selector: 'cn-units-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
    UnitNamePipe,
    ListFooterComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <header class="cn-page-header">
        <h1 data-testid="units-title">{{ 'units.title' | t }}</h1>
      </header>
      <p class="cn-hint">{{ 'units.intro' | t }}</p>

      <form class="cn-filters" [formGroup]="filters">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'units.level' | t }}</mat-label>
          <mat-select formControlName="level" data-testid="units-filter-level">
            <mat-option value="commune">{{ 'unitLevel.commune' | t }}</mat-option>
            <mat-option value="province">{{ 'unitLevel.province' | t }}</mat-option>
          </mat-select>
        </mat-form-field>
        @if (filters.controls.level.value === 'commune') {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'field.provinceCode' | t }}</mat-label>
            <mat-select formControlName="province" data-testid="units-filter-province">
              <mat-option value="">{{ 'common.all' | t }}</mat-option>
              @for (province of provinces(); track province.code) {
                <mat-option [value]="province.code">{{ province.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="search">
          <mat-label>{{ 'common.search' | t }}</mat-label>
          <input
            matInput
            formControlName="q"
            [placeholder]="'units.search' | t"
            data-testid="units-search"
          />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'field.status' | t }}</mat-label>
          <mat-select formControlName="status" data-testid="units-filter-status">
            <mat-option value="active">{{ 'unitStatus.active' | t }}</mat-option>
            <mat-option value="retired">{{ 'unitStatus.retired' | t }}</mat-option>
            <mat-option value="all">{{ 'common.all' | t }}</mat-option>
          </mat-select>
        </mat-form-field>
      </form>

      <div class="cn-table-wrap">
        <table mat-table [dataSource]="pager.items()" data-testid="units-table">
          <ng-container matColumnDef="code">
            <th mat-header-cell *matHeaderCellDef>{{ 'units.code' | t }}</th>
            <td mat-cell *matCellDef="let unit" class="code">{{ unit.code }}</td>
          </ng-container>
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>{{ 'units.name' | t }}</th>
            <td mat-cell *matCellDef="let unit">
              <a [routerLink]="[unit.code]" data-testid="unit-link">{{ unit.name }}</a>
            </td>
          </ng-container>
          <ng-container matColumnDef="parent">
            <th mat-header-cell *matHeaderCellDef>{{ 'field.provinceCode' | t }}</th>
            <td mat-cell *matCellDef="let unit">
              {{ unit.parentCode ? (unit.parentCode | unitName) : ('common.none' | t) }}
            </td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>{{ 'field.status' | t }}</th>
            <td mat-cell *matCellDef="let unit" data-testid="unit-status">
              <span class="cn-badge" [class.tertiary]="unit.status === 'active'">{{
                'unitStatus.' + unit.status | t
              }}</span>
              @if (unit.effectiveTo) {
                <span class="until">{{
                  'units.until' | t: { date: formatDate(unit.effectiveTo) }
                }}</span>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let unit; columns: columns" data-testid="unit-row"></tr>
        </table>
      </div>

      <cn-list-footer [pager]="pager" emptyKey="units.empty" testIdPrefix="units" />
    </section>
  `,
  styles: `
    .search {
      min-width: 240px;
    }
    .code {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    /* On a phone the row names the unit and its status; the province is the filter's. */
    @media (max-width: 599px) {
      .mat-column-parent {
        display: none;
      }
    }
    .until {
      margin-left: 8px;
      font-size: 0.85rem;
      white-space: nowrap;
    }
  `,
})
export class UnitsListComponent {
  private readonly api = inject(AdministrativeUnitsApiService);
  private readonly units = inject(AdministrativeUnitsService);

  protected readonly columns = ['code', 'name', 'parent', 'status'];
  protected readonly formatDate = formatCalendarDate;
  protected readonly provinces = this.units.provinceList();

  protected readonly filters = new FormGroup({
    level: new FormControl<AdministrativeUnitLevel>('commune', { nonNullable: true }),
    // The admin's own province first: the one they look after.
    province: new FormControl<string>(this.units.homeProvinceCode(), { nonNullable: true }),
    q: new FormControl('', { nonNullable: true }),
    status: new FormControl<AdministrativeUnitStatus | 'all'>('active', { nonNullable: true }),
  });

  protected readonly pager = keysetPager<AdministrativeUnitView>(
    (after) => {
      const { level, province, q, status } = this.filters.getRawValue();
      return this.api.list({
        level,
        parentCode: level === 'commune' && province ? province : undefined,
        q: q.trim() || undefined,
        status,
        after,
        limit: PAGE_SIZE_DEFAULT,
      });
    },
    { reloadOn: this.filters.valueChanges.pipe(debounceTime(300)) },
  );
}
