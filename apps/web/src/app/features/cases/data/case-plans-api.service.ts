import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CasePlanVersionRequest,
  CasePlanView,
  ReturnCasePlanRequest,
  SaveCasePlanRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';

const C = ApiRoutes.cases;

/** A case's action plan versions (newest first) and the steps of its approval. */
@Injectable({ providedIn: 'root' })
export class CasePlansApiService {
  private readonly http = inject(HttpClient);

  list(caseId: string): Observable<CasePlanView[]> {
    return this.http.get<CasePlanView[]>(apiUrl(C.root, caseId, C.plans));
  }

  save(caseId: string, request: SaveCasePlanRequest): Observable<CasePlanView> {
    return this.http.post<CasePlanView>(apiUrl(C.root, caseId, C.plans), request);
  }

  submit(caseId: string, request: CasePlanVersionRequest): Observable<CasePlanView> {
    return this.http.post<CasePlanView>(apiUrl(C.root, caseId, C.plans, C.submit), request);
  }

  approve(caseId: string, request: CasePlanVersionRequest): Observable<CasePlanView> {
    return this.http.post<CasePlanView>(apiUrl(C.root, caseId, C.plans, C.approve), request);
  }

  return(caseId: string, request: ReturnCasePlanRequest): Observable<CasePlanView> {
    return this.http.post<CasePlanView>(apiUrl(C.root, caseId, C.plans, C.return), request);
  }
}
