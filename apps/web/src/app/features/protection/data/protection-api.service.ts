import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BreachReceiptView,
  BreachTargetView,
  CaseMeasureView,
  DecideProtectiveMeasureRequest,
  MeasurePacketView,
  Page,
  ProtectionInboxView,
  ReportBreachRequest,
  RequestProtectiveMeasureRequest,
  RevokeProtectiveMeasureRequest,
  SupervisionPlanRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';

const C = ApiRoutes.cases;
const P = ApiRoutes.protectiveMeasures;

/** Protective measures: the case's (`cases/:id/protective-measures`) and the addressed agencies' (`protective-measures`). */
@Injectable({ providedIn: 'root' })
export class ProtectionApiService {
  private readonly http = inject(HttpClient);

  listForCase(caseId: string): Observable<CaseMeasureView[]> {
    return this.http.get<CaseMeasureView[]>(apiUrl(C.root, caseId, C.protectiveMeasures));
  }

  request(caseId: string, body: RequestProtectiveMeasureRequest): Observable<CaseMeasureView> {
    return this.http.post<CaseMeasureView>(apiUrl(C.root, caseId, C.protectiveMeasures), body);
  }

  recordDecision(
    caseId: string,
    measureId: string,
    body: DecideProtectiveMeasureRequest,
  ): Observable<CaseMeasureView> {
    return this.http.post<CaseMeasureView>(
      apiUrl(C.root, caseId, C.protectiveMeasures, measureId, P.decision),
      body,
    );
  }

  /** The centre records a court's (or another outside body's) revocation. */
  revokeForCase(
    caseId: string,
    measureId: string,
    body: RevokeProtectiveMeasureRequest,
  ): Observable<CaseMeasureView> {
    return this.http.post<CaseMeasureView>(
      apiUrl(C.root, caseId, C.protectiveMeasures, measureId, P.revocation),
      body,
    );
  }

  /** "No renewal needed": answers the order's expiry clock with a reason. */
  noRenewal(caseId: string, measureId: string, reason: string): Observable<CaseMeasureView> {
    return this.http.post<CaseMeasureView>(
      apiUrl(C.root, caseId, C.protectiveMeasures, measureId, P.noRenewal),
      { reason },
    );
  }

  /** The commune committee revokes the order it decided. */
  revoke(id: string, body: RevokeProtectiveMeasureRequest): Observable<MeasurePacketView> {
    return this.http.post<MeasurePacketView>(apiUrl(P.root, id, P.revocation), body);
  }

  /** The orders in force the caller may report a breach of (the referring volunteer's phone). */
  breachTargets(): Observable<BreachTargetView[]> {
    return this.http.get<BreachTargetView[]>(apiUrl(P.root, P.breachTargets));
  }

  inbox(view: ProtectionInboxView): Observable<Page<MeasurePacketView>> {
    return this.http.get<Page<MeasurePacketView>>(apiUrl(P.root), {
      params: new HttpParams().set('view', view),
    });
  }

  get(id: string): Observable<MeasurePacketView> {
    return this.http.get<MeasurePacketView>(apiUrl(P.root, id));
  }

  decide(id: string, body: DecideProtectiveMeasureRequest): Observable<MeasurePacketView> {
    return this.http.post<MeasurePacketView>(apiUrl(P.root, id, P.decision), body);
  }

  supervisionPlan(id: string, body: SupervisionPlanRequest): Observable<MeasurePacketView> {
    return this.http.post<MeasurePacketView>(apiUrl(P.root, id, P.supervisionPlan), body);
  }

  reportBreach(id: string, body: ReportBreachRequest): Observable<BreachReceiptView> {
    return this.http.post<BreachReceiptView>(apiUrl(P.root, id, P.breaches), body);
  }
}

/** `datetime-local` input value (Vietnam time, the browser's zone) ↔ ISO instant. */
export function toLocalInput(instant: Date): string {
  const local = new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): string {
  return new Date(value).toISOString();
}
