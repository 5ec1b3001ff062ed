import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, signal } from '@angular/core';

/** Whether the browser says it has a network (`online` / `offline` events). */
@Injectable({ providedIn: 'root' })
export class NetworkStatus {
  private readonly state = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
  readonly online = this.state.asReadonly();

  constructor() {
    if (typeof window === 'undefined') return;
    window.addEventListener('online', () => this.state.set(true));
    window.addEventListener('offline', () => this.state.set(false));
  }
}

/**
 * The request got no answer from the server: no network (status 0), or the service worker's
 * "Gateway Timeout" (504), which is how it reports a fetch that failed while the phone is offline.
 */
export function isNoNetwork(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 0 || error.status === 504);
}
