import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel', 'scroll'];
/** Listeners hear about activity at most this often; pointermove fires far more. */
const NOTIFY_INTERVAL_MS = 1000;

/**
 * When the user last did something. A plain number on purpose: a signal here would schedule
 * change detection on every pointer move.
 */
@Injectable({ providedIn: 'root' })
export class ActivityService {
  private readonly document = inject(DOCUMENT);
  private readonly listeners = new Set<() => void>();
  private lastNotifiedAt = 0;
  private last = Date.now();

  constructor() {
    const onActivity = (): void => this.markActive();
    for (const type of ACTIVITY_EVENTS) {
      // Capture, so scrolls inside panels and keys in dialogs count too.
      this.document.addEventListener(type, onActivity, { capture: true, passive: true });
    }
  }

  get lastActivityAt(): number {
    return this.last;
  }

  markActive(): void {
    const now = Date.now();
    this.last = now;
    if (now - this.lastNotifiedAt >= NOTIFY_INTERVAL_MS) {
      this.lastNotifiedAt = now;
      for (const listener of this.listeners) listener();
    }
  }

  /** Returns a function that removes the listener. */
  onActivity(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
