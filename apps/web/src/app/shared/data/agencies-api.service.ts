import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgencyListQuery,
  AgencyView,
  CreateAgencyRequest,
  Page,
  UpdateAgencyRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes, PAGE_SIZE_MAX } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';
import { toParams } from '../../core/http/query-params';
import { allPages } from './all-pages';

const agencies = (...segments: string[]): string => apiUrl(ApiRoutes.agencies, ...segments);

@Injectable({ providedIn: 'root' })
export class AgenciesApiService {
  private readonly http = inject(HttpClient);

  list(query: AgencyListQuery): Observable<Page<AgencyView>> {
    return this.http.get<Page<AgencyView>>(agencies(), { params: toParams(query) });
  }

  /** Every page, for select boxes; a province has tens of agencies, not thousands. */
  listAll(query: Omit<AgencyListQuery, 'after' | 'limit'> = {}): Observable<AgencyView[]> {
    return allPages((after) => this.list({ ...query, after, limit: PAGE_SIZE_MAX }));
  }

  get(id: string): Observable<AgencyView> {
    return this.http.get<AgencyView>(agencies(id));
  }

  create(request: CreateAgencyRequest): Observable<AgencyView> {
    return this.http.post<AgencyView>(agencies(), request);
  }

  update(id: string, request: UpdateAgencyRequest): Observable<AgencyView> {
    return this.http.patch<AgencyView>(agencies(id), request);
  }
}
