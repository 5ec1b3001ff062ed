import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import localeVi from '@angular/common/locales/vi';
import type { ApplicationConfig } from '@angular/core';
import {
  LOCALE_ID,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { MAT_DIALOG_DEFAULT_OPTIONS, MatDialogConfig } from '@angular/material/dialog';
import { MAT_SNACK_BAR_DEFAULT_OPTIONS } from '@angular/material/snack-bar';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { appRoutes } from './app.routes';
import { AuthService } from './core/auth/auth.service';
import { authInterceptor } from './core/http/auth.interceptor';
import { serverErrorInterceptor } from './core/http/server-error.interceptor';
import { TranslatedTitleStrategy } from './core/i18n/translated-title.strategy';
import { provideFocusOnInvalidSubmit } from './shared/forms/focus-invalid';

registerLocaleData(localeVi);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([authInterceptor, serverErrorInterceptor])),
    // Restore the session from the refresh cookie before the first navigation decides anything.
    provideAppInitializer(() => inject(AuthService).restore()),
    // A failed submit moves the focus to the first field in error, on every form.
    provideFocusOnInvalidSubmit(),
    { provide: LOCALE_ID, useValue: 'vi' },
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    { provide: MAT_SNACK_BAR_DEFAULT_OPTIONS, useValue: { duration: 5000 } },
    // A dialog focuses its first field as it opens, not once its opening animation is over: a field
    // the person clicked and typed into meanwhile kept its focus only until then, and the rest of what
    // they typed went into the first field (seen under load in the e2e tests).
    {
      provide: MAT_DIALOG_DEFAULT_OPTIONS,
      useValue: { ...new MatDialogConfig(), delayFocusTrap: false },
    },
    // Production builds only: the app shell and the commune list work without a network (the volunteer
    // app); no API answer but the administrative units is ever cached (apps/web/ngsw-config.json).
    provideServiceWorker('ngsw-worker.js', {
      enabled: !isDevMode(),
      registrationStrategy: 'registerImmediately',
    }),
  ],
};
