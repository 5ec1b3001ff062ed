import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateRiskInstrumentRequest, RiskInstrumentView } from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../core/http/api-url';

const I = ApiRoutes.riskInstruments;

/** The admins' side of the risk instruments: every version, a new draft, publishing one. */
@Injectable({ providedIn: 'root' })
export class RiskInstrumentsApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<RiskInstrumentView[]> {
    return this.http.get<RiskInstrumentView[]>(apiUrl(I.root));
  }

  createDraft(request: CreateRiskInstrumentRequest): Observable<RiskInstrumentView> {
    return this.http.post<RiskInstrumentView>(apiUrl(I.root), request);
  }

  publish(id: string): Observable<RiskInstrumentView> {
    return this.http.post<RiskInstrumentView>(apiUrl(I.root, id, I.publish), {});
  }
}
