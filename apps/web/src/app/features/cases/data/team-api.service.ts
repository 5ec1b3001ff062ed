import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { TeamCaseloadView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';

const T = ApiRoutes.team;

/** The supervisor's team view (`team/caseload`). */
@Injectable({ providedIn: 'root' })
export class TeamApiService {
  private readonly http = inject(HttpClient);

  caseload(): Observable<TeamCaseloadView> {
    return this.http.get<TeamCaseloadView>(apiUrl(T.root, T.caseload));
  }
}
