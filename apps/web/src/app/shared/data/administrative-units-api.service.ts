import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AdministrativeUnitDetailView,
  AdministrativeUnitListQuery,
  AdministrativeUnitView,
  MergeAdministrativeUnitsRequest,
  Page,
  RenameAdministrativeUnitRequest,
  RetireAdministrativeUnitRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes, PAGE_SIZE_MAX } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';
import { toParams } from '../../core/http/query-params';
import { allPages } from './all-pages';

const units = (...segments: string[]): string => apiUrl(ApiRoutes.administrativeUnits, ...segments);
const { rename, retire, merge } = ApiRoutes.administrativeUnitChanges;

@Injectable({ providedIn: 'root' })
export class AdministrativeUnitsApiService {
  private readonly http = inject(HttpClient);

  list(query: AdministrativeUnitListQuery): Observable<Page<AdministrativeUnitView>> {
    return this.http.get<Page<AdministrativeUnitView>>(units(), { params: toParams(query) });
  }

  /** Every page, for a select: the provinces (34), or one province's communes (at most 168). */
  listAll(
    query: Omit<AdministrativeUnitListQuery, 'after' | 'limit'>,
  ): Observable<AdministrativeUnitView[]> {
    return allPages((after) => this.list({ ...query, after, limit: PAGE_SIZE_MAX }));
  }

  get(code: string): Observable<AdministrativeUnitDetailView> {
    return this.http.get<AdministrativeUnitDetailView>(units(code));
  }

  rename(
    code: string,
    request: RenameAdministrativeUnitRequest,
  ): Observable<AdministrativeUnitDetailView> {
    return this.http.post<AdministrativeUnitDetailView>(units(code, rename), request);
  }

  retire(
    code: string,
    request: RetireAdministrativeUnitRequest,
  ): Observable<AdministrativeUnitDetailView> {
    return this.http.post<AdministrativeUnitDetailView>(units(code, retire), request);
  }

  merge(request: MergeAdministrativeUnitsRequest): Observable<AdministrativeUnitDetailView> {
    return this.http.post<AdministrativeUnitDetailView>(units(merge), request);
  }
}
