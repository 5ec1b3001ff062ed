import { Injectable, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { Signal } from '@angular/core';
import type { AdministrativeUnitView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_MAX } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { shareReplay } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { AdministrativeUnitsApiService } from './administrative-units-api.service';

/** The demo province (Đà Nẵng): preselected when the signed-in user's agency is not known yet. */
export const DEFAULT_PROVINCE_CODE = '48';

/**
 * Units for every screen, fetched once per session: the 34 provinces, the communes of a province
 * when a picker asks for them (never the whole country), and the names of any codes a list shows
 * (batched, cached).
 */
@Injectable({ providedIn: 'root' })
export class AdministrativeUnitsService {
  private readonly api = inject(AdministrativeUnitsApiService);
  private readonly auth = inject(AuthService);
  private readonly communesByProvince = new Map<string, Observable<AdministrativeUnitView[]>>();
  private provinces$?: Observable<AdministrativeUnitView[]>;
  private readonly known = signal<ReadonlyMap<string, AdministrativeUnitView>>(new Map());
  private readonly requested = new Set<string>();
  private pending: string[] = [];
  private readonly waiting = new Map<string, ((unit: AdministrativeUnitView) => void)[]>();

  /** The province of the signed-in user's agency: what commune pickers start with. */
  readonly homeProvinceCode = computed(
    () => this.auth.me()?.agency.provinceCode ?? DEFAULT_PROVINCE_CODE,
  );

  provinces(): Observable<AdministrativeUnitView[]> {
    this.provinces$ ??= this.api
      .listAll({ level: 'province' })
      .pipe(shareReplay({ bufferSize: 1, refCount: false }));
    return this.provinces$;
  }

  /** The communes in force of one province, by name. */
  communes(provinceCode: string): Observable<AdministrativeUnitView[]> {
    let communes = this.communesByProvince.get(provinceCode);
    if (!communes) {
      communes = this.api
        .listAll({ level: 'commune', parentCode: provinceCode })
        .pipe(shareReplay({ bufferSize: 1, refCount: false }));
      this.communesByProvince.set(provinceCode, communes);
      communes.subscribe((list) => this.remember(list));
    }
    return communes;
  }

  /** For a component field: the provinces as a signal. */
  provinceList(): Signal<AdministrativeUnitView[]> {
    return toSignal(this.provinces(), { initialValue: [] as AdministrativeUnitView[] });
  }

  /** The unit of a code, if known; asks for it (with other codes asked in the same turn) if not. */
  unit(code: string | null | undefined): AdministrativeUnitView | undefined {
    if (!code) return undefined;
    const found = this.known().get(code);
    if (!found) this.request(code);
    return found;
  }

  /** The name of a code once known (the code itself meanwhile, and for a code that does not exist). */
  nameOf(code: string | null | undefined): string {
    return code ? (this.unit(code)?.name ?? code) : '';
  }

  /**
   * After an admin changed units: the lists of the province (or the province list) are fetched
   * again, and the changed units' names replace the cached ones.
   */
  changed(units: readonly AdministrativeUnitView[]): void {
    for (const unit of units) {
      if (unit.parentCode) this.communesByProvince.delete(unit.parentCode);
      else this.provinces$ = undefined;
    }
    this.remember(units);
  }

  /** Calls back once the unit of the code is known (at once if it is). */
  whenKnown(code: string, callback: (unit: AdministrativeUnitView) => void): void {
    const found = this.unit(code);
    if (found) {
      callback(found);
      return;
    }
    this.waiting.set(code, [...(this.waiting.get(code) ?? []), callback]);
  }

  private request(code: string): void {
    if (this.requested.has(code)) return;
    this.requested.add(code);
    this.pending.push(code);
    if (this.pending.length === 1) queueMicrotask(() => this.flush());
  }

  private flush(): void {
    const codes = this.pending;
    this.pending = [];
    for (let i = 0; i < codes.length; i += PAGE_SIZE_MAX) {
      const batch = codes.slice(i, i + PAGE_SIZE_MAX);
      this.api
        .list({ codes: batch.join(','), limit: PAGE_SIZE_MAX })
        .subscribe({ next: (page) => this.remember(page.items) });
    }
  }

  private remember(units: readonly AdministrativeUnitView[]): void {
    if (units.length === 0) return;
    this.known.update((map) => {
      const next = new Map(map);
      for (const unit of units) next.set(unit.code, unit);
      return next;
    });
    for (const unit of units) {
      const callbacks = this.waiting.get(unit.code);
      if (!callbacks) continue;
      this.waiting.delete(unit.code);
      for (const callback of callbacks) callback(unit);
    }
  }
}
