import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptReferralRequest,
  CompleteReferralRequest,
  DeclineReferralRequest,
  InboxQuery,
  InboxReferralDetailView,
  InboxReferralView,
  Page,
  RecordServiceRequest,
  ServiceRecordView,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';
import { toParams } from '../../../core/http/query-params';

const R = ApiRoutes.referrals;
const referrals = (...segments: string[]): string => apiUrl(R.root, ...segments);

/**
 * The receiving side of referrals: the agency's inbox, one referral with its packet while it is
 * open, the answers (accept, decline, record a service, complete) and the agency's own service
 * records. Every answer returns the referral as the inbox sees it now.
 */
@Injectable({ providedIn: 'root' })
export class InboxApiService {
  private readonly http = inject(HttpClient);

  list(query: InboxQuery): Observable<Page<InboxReferralView>> {
    return this.http.get<Page<InboxReferralView>>(referrals(), { params: toParams(query) });
  }

  get(id: string): Observable<InboxReferralDetailView> {
    return this.http.get<InboxReferralDetailView>(referrals(id));
  }

  accept(id: string, request: AcceptReferralRequest = {}): Observable<InboxReferralDetailView> {
    return this.http.post<InboxReferralDetailView>(referrals(id, R.accept), request);
  }

  decline(id: string, request: DeclineReferralRequest): Observable<InboxReferralDetailView> {
    return this.http.post<InboxReferralDetailView>(referrals(id, R.decline), request);
  }

  recordService(id: string, request: RecordServiceRequest): Observable<InboxReferralDetailView> {
    return this.http.post<InboxReferralDetailView>(referrals(id, R.services), request);
  }

  complete(id: string, request: CompleteReferralRequest): Observable<InboxReferralDetailView> {
    return this.http.post<InboxReferralDetailView>(referrals(id, R.complete), request);
  }

  /** The agency's own service records, kept after its access to a referral has ended. */
  serviceRecords(after?: string, limit?: number): Observable<Page<ServiceRecordView>> {
    return this.http.get<Page<ServiceRecordView>>(apiUrl(ApiRoutes.serviceRecords), {
      params: toParams({ after, limit }),
    });
  }
}
