import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AccountChangeDecisionView,
  AccountChangeListQuery,
  AccountChangeView,
  Page,
  SetPasswordWithCodeRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';
import { toParams } from '../../core/http/query-params';

const R = ApiRoutes.accountChanges;
const changes = (...segments: string[]): string => apiUrl(R.root, ...segments);

/** The two-person rule: requests waiting for approval, decisions, and the public code step. */
@Injectable({ providedIn: 'root' })
export class AccountChangesApiService {
  private readonly http = inject(HttpClient);

  list(query: AccountChangeListQuery): Observable<Page<AccountChangeView>> {
    return this.http.get<Page<AccountChangeView>>(changes(), { params: toParams(query) });
  }

  approve(id: string): Observable<AccountChangeDecisionView> {
    return this.http.post<AccountChangeDecisionView>(changes(id, R.approve), {});
  }

  reject(id: string, reason: string): Observable<AccountChangeView> {
    return this.http.post<AccountChangeView>(changes(id, R.reject), { reason });
  }

  /** Public: no session needed. */
  setPassword(request: SetPasswordWithCodeRequest): Observable<void> {
    return this.http.post<void>(
      apiUrl(ApiRoutes.accountSetup.root, ApiRoutes.accountSetup.password),
      request,
    );
  }
}
