import type { HttpInterceptorFn } from '@angular/common/http';
import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { catchError, throwError } from 'rxjs';
import { TranslationService } from '../i18n/translation.service';
import { isNoNetwork } from '../offline/network-status';
import { apiErrorBody } from './api-errors';

/** 5xx and network failures get one generic message with the request id support can look up. */
export const serverErrorInterceptor: HttpInterceptorFn = (request, next) => {
  const snackBar = inject(MatSnackBar);
  const translation = inject(TranslationService);
  return next(request).pipe(
    catchError((error: unknown) => {
      // Offline, the screen says so once (the volunteer app's banner): no message per failed request.
      if (isNoNetwork(error) && !navigator.onLine) return throwError(() => error);
      if (error instanceof HttpErrorResponse && (error.status >= 500 || error.status === 0)) {
        const requestId = apiErrorBody(error)?.requestId ?? error.headers?.get('x-request-id');
        const message =
          isNoNetwork(error) && !apiErrorBody(error)
            ? translation.t('error.network')
            : requestId
              ? translation.t('error.server', { requestId })
              : translation.t('error.serverNoReference');
        snackBar.open(message, translation.t('common.close'), { duration: 10_000 });
      }
      return throwError(() => error);
    }),
  );
};
