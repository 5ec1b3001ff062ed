import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DeadlineBoardQuery, DeadlineView, Page } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';
import { toParams } from '../../core/http/query-params';

/** The statutory clocks the caller may see (`read Deadline`): a caseworker's cases, or the centre's. */
@Injectable({ providedIn: 'root' })
export class DeadlinesApiService {
  private readonly http = inject(HttpClient);

  board(query: DeadlineBoardQuery): Observable<Page<DeadlineView>> {
    return this.http.get<Page<DeadlineView>>(apiUrl('deadlines'), { params: toParams(query) });
  }

  /** Every clock of the case's incidents, met and cancelled ones included. */
  forCase(caseId: string): Observable<DeadlineView[]> {
    return this.http.get<DeadlineView[]>(apiUrl(`cases/${caseId}/deadlines`));
  }
}
