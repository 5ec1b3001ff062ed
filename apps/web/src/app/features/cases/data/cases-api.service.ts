import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AccessLogEntryView,
  CaseTimelineEntry,
  AssignCaseRequest,
  CaseDetailView,
  CaseListQuery,
  CaseNoteView,
  CaseSearchRequest,
  CaseSummaryView,
  ConsentView,
  CreateIncidentRequest,
  CreateSharingConsentRequest,
  IncidentView,
  OpenCaseRequest,
  Page,
  RevealedIdentity,
  UpdateCaseRequest,
  UpdateIncidentRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';
import { toParams } from '../../../core/http/query-params';

const R = ApiRoutes.cases;
const cases = (...segments: string[]): string => apiUrl(R.root, ...segments);

@Injectable({ providedIn: 'root' })
export class CasesApiService {
  private readonly http = inject(HttpClient);

  /** A walk-in: no intake item behind it. */
  openWalkIn(request: OpenCaseRequest): Observable<CaseDetailView> {
    return this.http.post<CaseDetailView>(cases(), request);
  }

  list(query: CaseListQuery): Observable<Page<CaseSummaryView>> {
    return this.http.get<Page<CaseSummaryView>>(cases(), { params: toParams(query) });
  }

  /** Exact match through the blind index. POST: a phone or a name never enters a URL. */
  search(request: CaseSearchRequest): Observable<CaseSummaryView[]> {
    return this.http.post<CaseSummaryView[]>(cases(R.search), request);
  }

  get(id: string): Observable<CaseDetailView> {
    return this.http.get<CaseDetailView>(cases(id));
  }

  update(id: string, request: UpdateCaseRequest): Observable<CaseDetailView> {
    return this.http.patch<CaseDetailView>(cases(id), request);
  }

  assign(id: string, request: AssignCaseRequest): Observable<CaseDetailView> {
    return this.http.post<CaseDetailView>(cases(id, R.assign), request);
  }

  /** Audited: every call is a row in the case's access log. */
  revealIdentity(id: string): Observable<RevealedIdentity> {
    return this.http.post<RevealedIdentity>(cases(id, R.revealIdentity), null);
  }

  addIncident(id: string, request: CreateIncidentRequest): Observable<IncidentView> {
    return this.http.post<IncidentView>(cases(id, R.incidents), request);
  }

  updateIncident(
    id: string,
    incidentId: string,
    request: UpdateIncidentRequest,
  ): Observable<IncidentView> {
    return this.http.patch<IncidentView>(cases(id, R.incidents, incidentId), request);
  }

  addConsent(id: string, request: CreateSharingConsentRequest): Observable<ConsentView> {
    return this.http.post<ConsentView>(cases(id, R.consents), request);
  }

  withdrawConsent(id: string, consentId: string, reason: string): Observable<ConsentView> {
    return this.http.post<ConsentView>(cases(id, R.consents, consentId, R.withdraw), { reason });
  }

  notes(id: string): Observable<CaseNoteView[]> {
    return this.http.get<CaseNoteView[]>(cases(id, R.notes));
  }

  addNote(id: string, body: string): Observable<CaseNoteView> {
    return this.http.post<CaseNoteView>(cases(id, R.notes), { body });
  }

  accessLog(id: string, after?: string): Observable<Page<AccessLogEntryView>> {
    return this.http.get<Page<AccessLogEntryView>>(cases(id, R.accessLog), {
      params: toParams({ after }),
    });
  }

  timeline(id: string, after?: string): Observable<Page<CaseTimelineEntry>> {
    return this.http.get<Page<CaseTimelineEntry>>(cases(id, R.timeline), {
      params: toParams({ after }),
    });
  }
}
