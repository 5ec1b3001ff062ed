import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ResponseTimeView, UpdateResponseTimesRequest } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';

/** How long a receiving agency has to answer a referral, per agency type and urgency (admin). */
@Injectable({ providedIn: 'root' })
export class ResponseTimesApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<ResponseTimeView[]> {
    return this.http.get<ResponseTimeView[]>(apiUrl(ApiRoutes.responseTimes));
  }

  /** Saves the whole table at once; the answer is the table as stored. */
  update(request: UpdateResponseTimesRequest): Observable<ResponseTimeView[]> {
    return this.http.put<ResponseTimeView[]>(apiUrl(ApiRoutes.responseTimes), request);
  }
}
