import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CommunityReferralStatusView,
  CreateCommunityReferralRequest,
  Page,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';
import { toParams } from '../../../core/http/query-params';

const referrals = (...segments: string[]): string =>
  apiUrl(ApiRoutes.communityReferrals.root, ...segments);

@Injectable({ providedIn: 'root' })
export class CommunityReferralsApiService {
  private readonly http = inject(HttpClient);

  create(request: CreateCommunityReferralRequest): Observable<CommunityReferralStatusView> {
    return this.http.post<CommunityReferralStatusView>(referrals(), request);
  }

  /** Reference, status and dates only: a volunteer never sees the content again. */
  mine(query: { after?: string; limit?: number }): Observable<Page<CommunityReferralStatusView>> {
    return this.http.get<Page<CommunityReferralStatusView>>(
      referrals(ApiRoutes.communityReferrals.mine),
      { params: toParams(query) },
    );
  }
}
