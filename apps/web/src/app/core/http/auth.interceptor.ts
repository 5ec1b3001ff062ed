import type { HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { ApiRoutes, BACKGROUND_REQUEST_HEADER } from '@caunoi/shared/contracts';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CHANGE_PASSWORD_ROUTE } from '../auth/landing';
import { isPasswordChangeRequired } from './api-errors';
import { apiUrl, isApiUrl } from './api-url';

/** These answer 401 for reasons a refresh cannot fix (bad credentials, no cookie, wrong password). */
const NO_REFRESH_ON_401 = [
  ApiRoutes.auth.login,
  ApiRoutes.auth.refresh,
  ApiRoutes.auth.logout,
  ApiRoutes.auth.changePassword,
].map((segment) => apiUrl(ApiRoutes.auth.root, segment));

/** The refresh call carries the cookie only; login has no session yet. */
const NO_BEARER = [ApiRoutes.auth.login, ApiRoutes.auth.refresh].map((segment) =>
  apiUrl(ApiRoutes.auth.root, segment),
);

function withBearer(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * Adds the bearer token to API calls. On a 401 it refreshes once and retries once; if that fails
 * the session is over and the user goes back to the login page.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url)) return next(request);
  const auth = inject(AuthService);
  const router = inject(Router);
  const path = request.url.split('?')[0] ?? request.url;
  const outgoing = NO_BEARER.includes(path) ? request : withBearer(request, auth.accessToken());

  return next(outgoing).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      // A background poll that finds the session idle must not revive it with a refresh.
      const background = request.headers.has(BACKGROUND_REQUEST_HEADER);
      if (error.status === 401 && !NO_REFRESH_ON_401.includes(path) && !background) {
        return auth.refresh().pipe(
          catchError(() => {
            void auth.endSession('expired');
            return throwError(() => error);
          }),
          switchMap((tokens) =>
            next(withBearer(request, tokens.accessToken)).pipe(
              catchError((retryError: unknown) => {
                if (retryError instanceof HttpErrorResponse && retryError.status === 401) {
                  void auth.endSession('expired');
                }
                return throwError(() => retryError);
              }),
            ),
          ),
        );
      }
      if (isPasswordChangeRequired(error)) void router.navigateByUrl(CHANGE_PASSWORD_ROUTE);
      return throwError(() => error);
    }),
  );
};
