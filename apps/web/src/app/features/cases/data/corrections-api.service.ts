import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CaseDetailView,
  CaseNoteView,
  CorrectCaseNoteRequest,
  CorrectSurvivorIdentityRequest,
  CorrectionSubject,
  CorrectionView,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../../../core/http/api-url';

const C = ApiRoutes.cases;

/** Corrections with history (`cases/:id/corrections`, `cases/:id/notes/:noteId`). */
@Injectable({ providedIn: 'root' })
export class CorrectionsApiService {
  private readonly http = inject(HttpClient);

  history(
    caseId: string,
    subjectType: CorrectionSubject,
    subjectId: string,
  ): Observable<CorrectionView[]> {
    return this.http.get<CorrectionView[]>(apiUrl(C.root, caseId, C.corrections), {
      params: { subjectType, subjectId },
    });
  }

  correctNote(
    caseId: string,
    noteId: string,
    request: CorrectCaseNoteRequest,
  ): Observable<CaseNoteView> {
    return this.http.put<CaseNoteView>(apiUrl(C.root, caseId, C.notes, noteId), request);
  }

  /** The survivor's identity corrected with a reason; answers the case file (masked). */
  correctIdentity(
    caseId: string,
    request: CorrectSurvivorIdentityRequest,
  ): Observable<CaseDetailView> {
    return this.http.put<CaseDetailView>(apiUrl(C.root, caseId, C.identity), request);
  }
}
