import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChildEmergencyView,
  MarkChildEmergencyRequest,
  RecordChildInterventionRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';

const C = ApiRoutes.cases;

/** A case's child emergencies (`cases/:id/child-emergencies`). */
@Injectable({ providedIn: 'root' })
export class ChildEmergenciesApiService {
  private readonly http = inject(HttpClient);

  list(caseId: string): Observable<ChildEmergencyView[]> {
    return this.http.get<ChildEmergencyView[]>(apiUrl(C.root, caseId, C.childEmergencies));
  }

  mark(caseId: string, request: MarkChildEmergencyRequest): Observable<ChildEmergencyView> {
    return this.http.post<ChildEmergencyView>(apiUrl(C.root, caseId, C.childEmergencies), request);
  }

  recordIntervention(
    caseId: string,
    emergencyId: string,
    request: RecordChildInterventionRequest,
  ): Observable<ChildEmergencyView> {
    return this.http.post<ChildEmergencyView>(
      apiUrl(C.root, caseId, C.childEmergencies, emergencyId, C.intervention),
      request,
    );
  }
}
