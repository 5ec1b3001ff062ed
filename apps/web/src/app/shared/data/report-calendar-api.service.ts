import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ReportCalendarView,
  UpdateReportCalendarEntryRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { PeriodicReportKind } from '@caunoi/shared/domain';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';
import { toParams } from '../../core/http/query-params';

const entry = (provinceCode: string, year: number, kind: PeriodicReportKind): string =>
  apiUrl(ApiRoutes.reportCalendar, provinceCode, String(year), kind);

/** When each periodic report of a province's year is due (admins change it). */
@Injectable({ providedIn: 'root' })
export class ReportCalendarApiService {
  private readonly http = inject(HttpClient);

  get(provinceCode: string, year: number): Observable<ReportCalendarView> {
    return this.http.get<ReportCalendarView>(apiUrl(ApiRoutes.reportCalendar), {
      params: toParams({ provinceCode, year }),
    });
  }

  update(
    provinceCode: string,
    year: number,
    kind: PeriodicReportKind,
    request: UpdateReportCalendarEntryRequest,
  ): Observable<ReportCalendarView> {
    return this.http.put<ReportCalendarView>(entry(provinceCode, year, kind), request);
  }

  reset(
    provinceCode: string,
    year: number,
    kind: PeriodicReportKind,
  ): Observable<ReportCalendarView> {
    return this.http.delete<ReportCalendarView>(entry(provinceCode, year, kind));
  }
}
