import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ExportFormat,
  ExportLanguage,
  StatisticsExportQuery,
  StatisticsQuery,
  StatisticsView,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';
import { toParams } from '../../core/http/query-params';

/** Aggregates of the caller's scope, already protected against small counts by the API. */
@Injectable({ providedIn: 'root' })
export class StatisticsApiService {
  private readonly http = inject(HttpClient);

  view(query: StatisticsQuery): Observable<StatisticsView> {
    return this.http.get<StatisticsView>(apiUrl(ApiRoutes.statistics.root), {
      params: toParams(query),
    });
  }

  /**
   * The same numbers as a CSV, XLSX or PDF file, labels in the given language (audited); an XLSX or
   * PDF file protected by the password if one is given (a POST: the password never sits in a URL).
   */
  export(
    query: StatisticsQuery,
    format: ExportFormat,
    lang: ExportLanguage,
    password?: string,
  ): Observable<Blob> {
    const body: StatisticsExportQuery = { ...query, format, lang, password };
    return this.http.post(apiUrl(ApiRoutes.statistics.root, ApiRoutes.statistics.export), body, {
      responseType: 'blob',
    });
  }
}
