import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CalendarChangeResult,
  CalendarDayKindValue,
  CalendarDayView,
  UpsertCalendarDayRequest,
} from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';
import { toParams } from '../../core/http/query-params';

const holidays = (...segments: string[]): string => apiUrl('holidays', ...segments);

/** The working calendar (public holidays, compensatory days off, makeup working days). */
@Injectable({ providedIn: 'root' })
export class CalendarApiService {
  private readonly http = inject(HttpClient);

  year(year: number): Observable<CalendarDayView[]> {
    return this.http.get<CalendarDayView[]>(holidays(), { params: toParams({ year }) });
  }

  create(request: UpsertCalendarDayRequest): Observable<CalendarChangeResult> {
    return this.http.post<CalendarChangeResult>(holidays(), request);
  }

  update(
    date: string,
    request: { kind: CalendarDayKindValue; name: string },
  ): Observable<CalendarChangeResult> {
    return this.http.patch<CalendarChangeResult>(holidays(date), request);
  }

  remove(date: string): Observable<CalendarChangeResult> {
    return this.http.delete<CalendarChangeResult>(holidays(date));
  }
}
