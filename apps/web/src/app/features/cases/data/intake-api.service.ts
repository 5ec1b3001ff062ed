import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CaseDetailView,
  DismissIntakeItemRequest,
  IntakeItemView,
  IntakeListQuery,
  OpenCaseRequest,
  Page,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';
import { toParams } from '../../../core/http/query-params';

const intake = (...segments: string[]): string => apiUrl(ApiRoutes.intake.root, ...segments);

@Injectable({ providedIn: 'root' })
export class IntakeApiService {
  private readonly http = inject(HttpClient);
  /**
   * The item a caseworker chose in the queue, kept in memory only (never in the URL or history
   * state) so the open-case page can show what came in beside the form.
   */
  private chosen: IntakeItemView | null = null;

  list(query: IntakeListQuery): Observable<Page<IntakeItemView>> {
    return this.http.get<Page<IntakeItemView>>(intake(), { params: toParams(query) });
  }

  openCase(id: string, request: OpenCaseRequest): Observable<CaseDetailView> {
    return this.http.post<CaseDetailView>(intake(id, ApiRoutes.intake.openCase), request);
  }

  dismiss(id: string, request: DismissIntakeItemRequest): Observable<IntakeItemView> {
    return this.http.post<IntakeItemView>(intake(id, ApiRoutes.intake.dismiss), request);
  }

  remember(item: IntakeItemView): void {
    this.chosen = item;
  }

  /** The remembered item if it is the one asked for; forgotten once read. */
  recall(id: string): IntakeItemView | null {
    const item = this.chosen?.id === id ? this.chosen : null;
    this.chosen = null;
    return item;
  }
}
