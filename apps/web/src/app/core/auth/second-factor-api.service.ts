import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  SecondFactorConfirmResponse,
  SecondFactorEnrolmentResponse,
  SecondFactorVerifyResponse,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { apiUrl } from '../http/api-url';

const R = ApiRoutes.auth;
const url = (...segments: string[]) => apiUrl(R.root, R.secondFactor, ...segments);

/** The second-factor endpoints of the current session. */
@Injectable({ providedIn: 'root' })
export class SecondFactorApiService {
  private readonly http = inject(HttpClient);

  startEnrolment(): Promise<SecondFactorEnrolmentResponse> {
    return firstValueFrom(this.http.post<SecondFactorEnrolmentResponse>(url(R.enrolment), null));
  }

  confirmEnrolment(code: string): Promise<SecondFactorConfirmResponse> {
    return firstValueFrom(
      this.http.post<SecondFactorConfirmResponse>(url(R.enrolment, R.confirm), {
        verificationCode: code,
      }),
    );
  }

  verify(code: string): Promise<SecondFactorVerifyResponse> {
    return firstValueFrom(
      this.http.post<SecondFactorVerifyResponse>(url(R.verify), { verificationCode: code }),
    );
  }
}
