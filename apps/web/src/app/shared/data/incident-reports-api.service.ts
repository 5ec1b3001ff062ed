import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ExportLanguage,
  IncidentReportView,
  Page,
  SaveIncidentReportRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';
import { toParams } from '../../core/http/query-params';

const report = (caseId: string, incidentId: string, ...segments: string[]): string =>
  apiUrl(
    ApiRoutes.cases.root,
    caseId,
    ApiRoutes.cases.incidents,
    incidentId,
    'report',
    ...segments,
  );

/**
 * The serious-incident report: drafted on the case, approved by a supervisor, submitted to the
 * province, where the reporting officer's inbox receives and acknowledges it. Coded content only.
 */
@Injectable({ providedIn: 'root' })
export class IncidentReportsApiService {
  private readonly http = inject(HttpClient);

  /** 404 while the incident has no report yet. */
  get(caseId: string, incidentId: string): Observable<IncidentReportView> {
    return this.http.get<IncidentReportView>(report(caseId, incidentId));
  }

  draft(
    caseId: string,
    incidentId: string,
    request: SaveIncidentReportRequest,
  ): Observable<IncidentReportView> {
    return this.http.post<IncidentReportView>(report(caseId, incidentId), request);
  }

  save(
    caseId: string,
    incidentId: string,
    request: SaveIncidentReportRequest,
  ): Observable<IncidentReportView> {
    return this.http.patch<IncidentReportView>(report(caseId, incidentId), request);
  }

  approve(caseId: string, incidentId: string): Observable<IncidentReportView> {
    return this.http.post<IncidentReportView>(report(caseId, incidentId, 'approve'), null);
  }

  submit(caseId: string, incidentId: string): Observable<IncidentReportView> {
    return this.http.post<IncidentReportView>(report(caseId, incidentId, 'submit'), null);
  }

  /** The report's printable form (PDF), from the case. */
  form(caseId: string, incidentId: string, lang: ExportLanguage): Observable<Blob> {
    return this.http.get(report(caseId, incidentId, 'form'), {
      params: toParams({ lang }),
      responseType: 'blob',
    });
  }

  /** A report submitted to the officer's agency, as its printable form (PDF). */
  inboxForm(id: string, lang: ExportLanguage): Observable<Blob> {
    return this.http.get(apiUrl('incident-reports', id, 'form'), {
      params: toParams({ lang }),
      responseType: 'blob',
    });
  }

  /** The reporting officer's inbox: reports submitted to their agency, newest first. */
  inbox(after?: string): Observable<Page<IncidentReportView>> {
    return this.http.get<Page<IncidentReportView>>(apiUrl('incident-reports'), {
      params: toParams({ after }),
    });
  }

  acknowledge(id: string): Observable<IncidentReportView> {
    return this.http.post<IncidentReportView>(apiUrl('incident-reports', id, 'acknowledge'), null);
  }
}
