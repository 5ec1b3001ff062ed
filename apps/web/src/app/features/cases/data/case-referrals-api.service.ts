import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CaseReferralView,
  CreateReferralsRequest,
  ReferralSuggestionView,
  RerouteReferralRequest,
  WithdrawReferralRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';

const C = ApiRoutes.cases;
const R = ApiRoutes.referrals;
const referrals = (caseId: string, ...segments: string[]): string =>
  apiUrl(C.root, caseId, C.referrals, ...segments);

/** The sending side of referrals: they hang off the case (`cases/:id/referrals/...`). */
@Injectable({ providedIn: 'root' })
export class CaseReferralsApiService {
  private readonly http = inject(HttpClient);

  /** Newest first, each with its timeline and the services given. */
  list(caseId: string): Observable<CaseReferralView[]> {
    return this.http.get<CaseReferralView[]>(referrals(caseId));
  }

  /** One or more agencies at once: all are sent or none. */
  create(caseId: string, request: CreateReferralsRequest): Observable<CaseReferralView[]> {
    return this.http.post<CaseReferralView[]>(referrals(caseId), request);
  }

  withdraw(
    caseId: string,
    referralId: string,
    request: WithdrawReferralRequest,
  ): Observable<CaseReferralView> {
    return this.http.post<CaseReferralView>(referrals(caseId, referralId, R.withdraw), request);
  }

  /** Answers with the new referral. */
  reroute(
    caseId: string,
    referralId: string,
    request: RerouteReferralRequest,
  ): Observable<CaseReferralView> {
    return this.http.post<CaseReferralView>(referrals(caseId, referralId, R.reroute), request);
  }

  /** A supervisor has looked at a referral sent without consent. */
  reviewOverride(caseId: string, referralId: string): Observable<CaseReferralView> {
    return this.http.post<CaseReferralView>(referrals(caseId, referralId, R.reviewOverride), null);
  }

  /** For each agency type that can receive a referral: the directory's pick for the survivor's commune. */
  suggestions(caseId: string): Observable<ReferralSuggestionView[]> {
    return this.http.get<ReferralSuggestionView[]>(apiUrl(C.root, caseId, C.referralSuggestions));
  }
}
