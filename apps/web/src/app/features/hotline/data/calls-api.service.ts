import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CallListQuery,
  CallView,
  CreateCallRequest,
  HandOverCallRequest,
  HotlineLineView,
  Page,
  UpdateCallRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';
import { toParams } from '../../../core/http/query-params';

const calls = (...segments: string[]): string => apiUrl(ApiRoutes.calls.root, ...segments);

@Injectable({ providedIn: 'root' })
export class CallsApiService {
  private readonly http = inject(HttpClient);

  /** The operator's own hotline lines (e.g. 111 and 1800 1581). */
  lines(): Observable<HotlineLineView[]> {
    return this.http.get<HotlineLineView[]>(apiUrl(ApiRoutes.hotlineLines));
  }

  list(query: CallListQuery): Observable<Page<CallView>> {
    return this.http.get<Page<CallView>>(calls(), { params: toParams(query) });
  }

  get(id: string): Observable<CallView> {
    return this.http.get<CallView>(calls(id));
  }

  create(request: CreateCallRequest): Observable<CallView> {
    return this.http.post<CallView>(calls(), request);
  }

  update(id: string, request: UpdateCallRequest): Observable<CallView> {
    return this.http.patch<CallView>(calls(id), request);
  }

  handOver(id: string, request: HandOverCallRequest): Observable<CallView> {
    return this.http.post<CallView>(calls(id, ApiRoutes.calls.handOver), request);
  }
}
