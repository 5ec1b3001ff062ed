import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AccountChangeView,
  CreateUserRequest,
  Page,
  UpdateUserRequest,
  UserListQuery,
  UserView,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';
import { toParams } from '../../core/http/query-params';

const users = (...segments: string[]): string => apiUrl(ApiRoutes.users.root, ...segments);

@Injectable({ providedIn: 'root' })
export class UsersApiService {
  private readonly http = inject(HttpClient);

  list(query: UserListQuery): Observable<Page<UserView>> {
    return this.http.get<Page<UserView>>(users(), { params: toParams(query) });
  }

  get(id: string): Observable<UserView> {
    return this.http.get<UserView>(users(id));
  }

  create(request: CreateUserRequest): Observable<UserView> {
    return this.http.post<UserView>(users(), request);
  }

  update(id: string, request: UpdateUserRequest): Observable<UserView> {
    return this.http.patch<UserView>(users(id), request);
  }

  disable(id: string): Observable<UserView> {
    return this.http.post<UserView>(users(id, ApiRoutes.users.disable), null);
  }

  enable(id: string): Observable<UserView> {
    return this.http.post<UserView>(users(id, ApiRoutes.users.enable), null);
  }

  /** A request for another person to approve; nobody receives a password. */
  requestPasswordReset(id: string): Observable<AccountChangeView> {
    return this.http.post<AccountChangeView>(users(id, ApiRoutes.users.resetPassword), {});
  }

  /** A lost authenticator: a request for another person to approve. */
  requestSecondFactorReset(id: string): Observable<AccountChangeView> {
    return this.http.post<AccountChangeView>(users(id, ApiRoutes.users.resetSecondFactor), {});
  }
}
