import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapApplication(App, appConfig).catch((error: unknown) => {
  // The app could not start; the console is the only place left to say so.
  // eslint-disable-next-line no-console
  console.error(error);
});
