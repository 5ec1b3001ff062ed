import { Injectable, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AdministrativeUnitView } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { shareReplay } from 'rxjs';
import { AgenciesApiService } from './agencies-api.service';

/** The product's province (Đà Nẵng); its communes fill every commune select. */
export const HOME_PROVINCE_CODE = '48';

/** Communes change once in a decade: fetched once per session and shared by every screen. */
@Injectable({ providedIn: 'root' })
export class AdministrativeUnitsService {
  private readonly api = inject(AgenciesApiService);
  private readonly cache = new Map<string, Observable<AdministrativeUnitView[]>>();

  communes(provinceCode = HOME_PROVINCE_CODE): Observable<AdministrativeUnitView[]> {
    let communes = this.cache.get(provinceCode);
    if (!communes) {
      communes = this.api
        .administrativeUnits('commune', provinceCode)
        .pipe(shareReplay({ bufferSize: 1, refCount: false }));
      this.cache.set(provinceCode, communes);
    }
    return communes;
  }

  /** For a component's fields: the home province's communes, and their names by code. */
  homeCommunes(): {
    list: () => AdministrativeUnitView[];
    names: () => ReadonlyMap<string, string>;
  } {
    const list = toSignal(this.communes(), { initialValue: [] as AdministrativeUnitView[] });
    const names = computed<ReadonlyMap<string, string>>(
      () => new Map(list().map((unit) => [unit.code, unit.name])),
    );
    return { list, names };
  }
}
