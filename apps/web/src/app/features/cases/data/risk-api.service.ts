import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CorrectRiskAssessmentRequest,
  CreateRiskAssessmentRequest,
  RiskAssessmentView,
  RiskInstrumentView,
  SafetyPlanView,
  SaveSafetyPlanRequest,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';

const C = ApiRoutes.cases;
const I = ApiRoutes.riskInstruments;

/** Risk instruments (current versions), a case's assessments and its safety plan versions. */
@Injectable({ providedIn: 'root' })
export class RiskApiService {
  private readonly http = inject(HttpClient);

  instruments(): Observable<RiskInstrumentView[]> {
    return this.http.get<RiskInstrumentView[]>(apiUrl(I.root));
  }

  /** One version, a retired one too (an older assessment was made with it). */
  instrument(id: string): Observable<RiskInstrumentView> {
    return this.http.get<RiskInstrumentView>(apiUrl(I.root, id));
  }

  /** Corrects a saved assessment with a reason, from the version the form opened. */
  correct(
    caseId: string,
    assessmentId: string,
    request: CorrectRiskAssessmentRequest,
  ): Observable<RiskAssessmentView> {
    return this.http.put<RiskAssessmentView>(
      apiUrl(C.root, caseId, C.assessments, assessmentId),
      request,
    );
  }

  assessments(caseId: string): Observable<RiskAssessmentView[]> {
    return this.http.get<RiskAssessmentView[]>(apiUrl(C.root, caseId, C.assessments));
  }

  assess(caseId: string, request: CreateRiskAssessmentRequest): Observable<RiskAssessmentView> {
    return this.http.post<RiskAssessmentView>(apiUrl(C.root, caseId, C.assessments), request);
  }

  safetyPlans(caseId: string): Observable<SafetyPlanView[]> {
    return this.http.get<SafetyPlanView[]>(apiUrl(C.root, caseId, C.safetyPlans));
  }

  saveSafetyPlan(caseId: string, request: SaveSafetyPlanRequest): Observable<SafetyPlanView> {
    return this.http.post<SafetyPlanView>(apiUrl(C.root, caseId, C.safetyPlans), request);
  }
}
