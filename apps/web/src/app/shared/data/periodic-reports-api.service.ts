import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ConsolidatedReportView,
  DraftPeriodicReportRequest,
  ReportExportQuery,
  PeriodicReportListView,
  PeriodicReportView,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { PeriodicReportKind } from '@caunoi/shared/domain';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';
import { toParams } from '../../core/http/query-params';

const R = ApiRoutes.periodicReports;

/** A centre's periodic reports to its province: drafted, approved, submitted, acknowledged. */
@Injectable({ providedIn: 'root' })
export class PeriodicReportsApiService {
  private readonly http = inject(HttpClient);

  list(year: number): Observable<PeriodicReportListView> {
    return this.http.get<PeriodicReportListView>(apiUrl(R.root), { params: toParams({ year }) });
  }

  draft(request: DraftPeriodicReportRequest): Observable<PeriodicReportView> {
    return this.http.post<PeriodicReportView>(apiUrl(R.root), request);
  }

  saveNarrative(id: string, narrative: string | null): Observable<PeriodicReportView> {
    return this.http.patch<PeriodicReportView>(apiUrl(R.root, id), { narrative });
  }

  /** The report as XLSX or PDF, protected by the password if one is given (in the body, never a URL). */
  export(id: string, file: ReportExportQuery): Observable<Blob> {
    return this.http.post(apiUrl(R.root, id, R.export), file, { responseType: 'blob' });
  }

  /** The province's consolidated report of one calendar entry (reporting officers). */
  consolidated(year: number, kind: PeriodicReportKind): Observable<ConsolidatedReportView> {
    return this.http.get<ConsolidatedReportView>(apiUrl(R.root, R.consolidated), {
      params: toParams({ year, kind }),
    });
  }

  exportConsolidated(
    year: number,
    kind: PeriodicReportKind,
    file: ReportExportQuery,
  ): Observable<Blob> {
    return this.http.post(
      apiUrl(R.root, R.consolidated, R.export),
      { year, kind, ...file },
      { responseType: 'blob' },
    );
  }

  step(id: string, step: 'approve' | 'submit' | 'acknowledge'): Observable<PeriodicReportView> {
    return this.http.post<PeriodicReportView>(apiUrl(R.root, id, R[step]), {});
  }
}
