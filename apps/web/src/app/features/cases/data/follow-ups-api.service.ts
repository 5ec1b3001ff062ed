import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  FollowUpView,
  RecordFollowUpOutcomeRequest,
  ScheduleFollowUpRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';

const C = ApiRoutes.cases;

/** Follow-up contacts of a case (`cases/:id/follow-ups`). */
@Injectable({ providedIn: 'root' })
export class FollowUpsApiService {
  private readonly http = inject(HttpClient);

  list(caseId: string): Observable<FollowUpView[]> {
    return this.http.get<FollowUpView[]>(apiUrl(C.root, caseId, C.followUps));
  }

  schedule(caseId: string, request: ScheduleFollowUpRequest): Observable<FollowUpView> {
    return this.http.post<FollowUpView>(apiUrl(C.root, caseId, C.followUps), request);
  }

  recordOutcome(
    caseId: string,
    followUpId: string,
    request: RecordFollowUpOutcomeRequest,
  ): Observable<FollowUpView> {
    return this.http.post<FollowUpView>(
      apiUrl(C.root, caseId, C.followUps, followUpId, C.outcome),
      request,
    );
  }
}
