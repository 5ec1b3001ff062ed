import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CancelConferenceRequest,
  ConferenceActionView,
  ConferenceView,
  ConveneConferenceRequest,
  CreateConferenceActionRequest,
  RecordConferenceRequest,
  RescheduleConferenceRequest,
  UpdateConferenceActionStatusRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';

const C = ApiRoutes.conferences;

/** Case conferences: the convening centre's steps and the invited agencies' inbox. */
@Injectable({ providedIn: 'root' })
export class ConferencesApiService {
  private readonly http = inject(HttpClient);

  listForCase(caseId: string): Observable<ConferenceView[]> {
    return this.http.get<ConferenceView[]>(
      apiUrl(ApiRoutes.cases.root, caseId, ApiRoutes.cases.conferences),
    );
  }

  convene(caseId: string, request: ConveneConferenceRequest): Observable<ConferenceView> {
    return this.http.post<ConferenceView>(
      apiUrl(ApiRoutes.cases.root, caseId, ApiRoutes.cases.conferences),
      request,
    );
  }

  inbox(): Observable<ConferenceView[]> {
    return this.http.get<ConferenceView[]>(apiUrl(C.root, C.inbox));
  }

  get(id: string): Observable<ConferenceView> {
    return this.http.get<ConferenceView>(apiUrl(C.root, id));
  }

  record(id: string, request: RecordConferenceRequest): Observable<ConferenceView> {
    return this.http.put<ConferenceView>(apiUrl(C.root, id, C.record), request);
  }

  addAction(id: string, request: CreateConferenceActionRequest): Observable<ConferenceActionView> {
    return this.http.post<ConferenceActionView>(apiUrl(C.root, id, C.actions), request);
  }

  setActionStatus(
    id: string,
    actionId: string,
    request: UpdateConferenceActionStatusRequest,
  ): Observable<ConferenceActionView> {
    return this.http.put<ConferenceActionView>(
      apiUrl(C.root, id, C.actions, actionId, C.status),
      request,
    );
  }

  cancel(id: string, request: CancelConferenceRequest): Observable<ConferenceView> {
    return this.http.post<ConferenceView>(apiUrl(C.root, id, C.cancellation), request);
  }

  reschedule(id: string, request: RescheduleConferenceRequest): Observable<ConferenceView> {
    return this.http.put<ConferenceView>(apiUrl(C.root, id, C.schedule), request);
  }
}
