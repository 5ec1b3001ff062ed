import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  PerpetratorView,
  RevealedPerpetratorView,
  SavePerpetratorRequest,
  UpdatePerpetratorRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';

const C = ApiRoutes.cases;

/** A case's perpetrator records: coded facts in lists, the identity only through an audited reveal. */
@Injectable({ providedIn: 'root' })
export class PerpetratorsApiService {
  private readonly http = inject(HttpClient);

  list(caseId: string): Observable<PerpetratorView[]> {
    return this.http.get<PerpetratorView[]>(apiUrl(C.root, caseId, C.perpetrators));
  }

  create(caseId: string, request: SavePerpetratorRequest): Observable<PerpetratorView> {
    return this.http.post<PerpetratorView>(apiUrl(C.root, caseId, C.perpetrators), request);
  }

  update(
    caseId: string,
    id: string,
    request: UpdatePerpetratorRequest,
  ): Observable<PerpetratorView> {
    return this.http.put<PerpetratorView>(apiUrl(C.root, caseId, C.perpetrators, id), request);
  }

  reveal(caseId: string, id: string): Observable<RevealedPerpetratorView> {
    return this.http.post<RevealedPerpetratorView>(
      apiUrl(C.root, caseId, C.perpetrators, id, C.reveal),
      {},
    );
  }
}
