import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ClosureRequestView,
  ReopenCaseRequest,
  RequestClosureRequest,
  ReturnClosureRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';

const C = ApiRoutes.cases;

/** A case's closure requests (newest first): each call answers with the whole history. */
@Injectable({ providedIn: 'root' })
export class CaseClosureApiService {
  private readonly http = inject(HttpClient);

  history(caseId: string): Observable<ClosureRequestView[]> {
    return this.http.get<ClosureRequestView[]>(apiUrl(C.root, caseId, C.closure));
  }

  request(caseId: string, request: RequestClosureRequest): Observable<ClosureRequestView[]> {
    return this.http.post<ClosureRequestView[]>(apiUrl(C.root, caseId, C.closure), request);
  }

  approve(caseId: string): Observable<ClosureRequestView[]> {
    return this.http.post<ClosureRequestView[]>(apiUrl(C.root, caseId, C.closure, C.approve), {});
  }

  return(caseId: string, request: ReturnClosureRequest): Observable<ClosureRequestView[]> {
    return this.http.post<ClosureRequestView[]>(
      apiUrl(C.root, caseId, C.closure, C.return),
      request,
    );
  }

  reopen(caseId: string, request: ReopenCaseRequest): Observable<ClosureRequestView[]> {
    return this.http.post<ClosureRequestView[]>(apiUrl(C.root, caseId, C.reopen), request);
  }
}
