import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { AdministrativeUnitView, AgencyView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { AgencyType, ServiceType } from '@caunoi/shared/domain';
import { AGENCY_TYPES, SERVICE_TYPES } from '@caunoi/shared/domain';
import { debounceTime, switchMap, tap } from 'rxjs';
import { TranslateListPipe } from '../../../core/i18n/t-list.pipe';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { AdministrativeUnitsService } from '../../../shared/data/administrative-units.service';
import { AgenciesApiService } from '../../../shared/data/agencies-api.service';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import { communeNames, provincesNamingCommunes } from '../commune-names';
import { CoveragePipe } from '../coverage.pipe';

/**
 * `/directory`: active agencies by type, service and commune served, for a caseworker deciding
 * where to refer a survivor. The commune list is the user's own province.
 */
@Component({
  selector: 'cn-service-directory',
  imports: [
    ReactiveFormsModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    TranslateListPipe,
    CoveragePipe,
    ListFooterComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './service-directory.component.html',
  styleUrl: './service-directory.component.scss',
})
export class ServiceDirectoryComponent {
  private readonly api = inject(AgenciesApiService);
  private readonly units = inject(AdministrativeUnitsService);

  protected readonly types = AGENCY_TYPES;
  protected readonly services = SERVICE_TYPES;

  private readonly provinceCode = this.units.homeProvinceCode;
  protected readonly communes = toSignal(
    toObservable(this.provinceCode).pipe(switchMap((code) => this.units.communes(code))),
    { initialValue: [] as AdministrativeUnitView[] },
  );
  private readonly communeNames = communeNames();
  protected readonly names = this.communeNames.names;

  protected readonly filters = new FormGroup({
    type: new FormControl<AgencyType | ''>('', { nonNullable: true }),
    service: new FormControl<ServiceType | ''>('', { nonNullable: true }),
    coversCommune: new FormControl('', { nonNullable: true }),
    acceptingOnly: new FormControl(false, { nonNullable: true }),
    q: new FormControl('', { nonNullable: true }),
  });

  protected readonly pager = keysetPager<AgencyView>(
    (after) => {
      const { type, service, coversCommune, acceptingOnly, q } = this.filters.getRawValue();
      return this.api
        .list({
          type: type || undefined,
          service: service || undefined,
          coversCommune: coversCommune || undefined,
          acceptingReferrals: acceptingOnly || undefined,
          q: q.trim() || undefined,
          after,
          limit: PAGE_SIZE_DEFAULT,
        })
        .pipe(tap((page) => this.communeNames.load(provincesNamingCommunes(page.items))));
    },
    { reloadOn: this.filters.valueChanges.pipe(debounceTime(300)) },
  );

  /** Street address, then the seat commune's name. */
  protected addressLine(agency: AgencyView, names: ReadonlyMap<string, string>): string {
    const commune = agency.communeCode
      ? (names.get(agency.communeCode) ?? agency.communeCode)
      : null;
    return [agency.address, commune].filter((part) => !!part).join(', ');
  }
}
